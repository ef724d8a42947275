package org.bluehelm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.bluehelm.indicator.IndicatorFixtures;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The home page counts and lists only the missions in the user's scope. */
@IntegrationTest
class HomeIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    @Test
    void aUserScopedToLiberiaSeesItsMissionsOnly() throws Exception {
        String username = "home-liberia-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/users")
                        .with(TestApi.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"Home Liberia","password":"correct-horse-battery",
                                 "roles":["VIEWER"],"scopes":[{"type":"COUNTRY","value":"LBR"}]}""".formatted(username)))
                .andExpect(status().isCreated());
        String page = mvc.perform(get("/").with(user(userDetails.loadUserByUsername(username))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">UNMIL</a>")))
                .andExpect(content().string(containsString(">UNOMIL</a>")))
                .andExpect(content().string(not(containsString(">UNOCI</a>"))))
                .andExpect(content().string(containsString("Countries: LBR")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // Other tests may add missions in Liberia: the card counts exactly the rows of the table.
        String table = page.substring(page.indexOf("<table id=\"home-missions\">"), page.indexOf("</table>"));
        int rows = table.split("<tr>", -1).length - 2;
        assertThat(rows).isGreaterThanOrEqualTo(2);
        assertThat(page).contains("<span class=\"count\">" + rows + "</span>");
        assertThat(table).doesNotContain("CIV");
    }

    @Test
    void anAdministratorSeesEveryMissionWithTheRunningOnesFirst() throws Exception {
        String page = mvc.perform(get("/").with(user(userDetails.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("All missions and countries")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // UNTSO (1948, still running) comes before MINUSMA (closed 2023).
        assertThat(page.indexOf(">UNTSO</a>")).isPositive().isLessThan(page.indexOf(">MINUSMA</a>"));
    }

    @Test
    void theLatestDataNameTheOptionOfABreakdown() throws Exception {
        long unit = IndicatorFixtures.orgUnit(mvc, "LBR");
        String code = "home_" + UUID.randomUUID().toString().substring(0, 8);
        long indicator = IndicatorFixtures.id(IndicatorFixtures.createIndicator(
                mvc,
                TestApi.admin(),
                "\"code\":\"" + code
                        + "\",\"valueType\":\"INTEGER\",\"countryCode\":\"LBR\",\"categories\":[\"SEX\"]"));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/dataValues")
                        .with(TestApi.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"indicatorId":%d,"orgUnitId":%d,"period":"2024Q2","categoryCode":"SEX","optionCode":"FEMALE","value":70}""".formatted(indicator, unit)))
                .andExpect(status().isCreated());
        String page = mvc.perform(get("/").with(user(userDetails.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int row = page.indexOf(">" + code + "</a>");
        assertThat(row).isPositive();
        String cells = page.substring(row, page.indexOf("</tr>", row));
        assertThat(cells).contains("<td>Female</td>").doesNotContain("FEMALE");
    }
}
