package org.bluehelm.indicator;

import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The indicator screens over HTTP, on both databases: refusals a user must understand, roles and scope. */
@IntegrationTest
class IndicatorScreensIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void anIndicatorWithDataValuesIsNotDeletedAndTheUserIsToldWhy() throws Exception {
        long unit = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"2024\",\"value\":3}"
                                .formatted(indicator, unit)))
                .andExpect(status().isCreated());

        mvc.perform(post("/indicators/" + indicator + "/delete")
                        .param("version", "1")
                        .with(as("admin"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/indicators/" + indicator))
                .andExpect(flash().attribute(
                                "flashError",
                                "This indicator cannot be deleted while data values are recorded for it."));
        mvc.perform(get("/indicators/" + indicator).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-value=\"3\"")));
    }

    @Test
    void anOptionThatDataValuesUseIsNotRemovedAndTheUserIsToldWhy() throws Exception {
        String code = "KEPT_" + unique().toUpperCase();
        long category = id(mvc.perform(post("/api/v1/disaggregations")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"code\":\"%s\",\"name\":\"Kept\",\"options\":[{\"code\":\"A\",\"name\":\"A\"},{\"code\":\"B\",\"name\":\"B\"}]}"
                                        .formatted(code)))
                .andExpect(status().isCreated())
                .andReturn());
        long unit = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\",\"categories\":[\"" + code + "\"]"));
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"2024\",\"optionCode\":\"B\",\"value\":7}"
                                        .formatted(indicator, unit)))
                .andExpect(status().isCreated());

        mvc.perform(post("/indicators/disaggregations/" + category)
                        .param("code", code)
                        .param("name", "Kept")
                        .param("options[0].code", "A")
                        .param("options[0].name", "A")
                        .param("version", "1")
                        .with(as("admin"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("An option you removed is used by recorded data values")));
        mvc.perform(get("/api/v1/disaggregations/" + category).with(admin()))
                .andExpect(content().string(containsString("\"code\":\"B\"")));
    }

    @Test
    void aCategoryInUseIsNotDeleted() throws Exception {
        String code = "USED_" + unique().toUpperCase();
        long category = id(mvc.perform(post("/api/v1/disaggregations")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"%s\",\"name\":\"Used\",\"options\":[{\"code\":\"A\",\"name\":\"A\"}]}"
                                .formatted(code)))
                .andExpect(status().isCreated())
                .andReturn());
        createIndicator(mvc, admin(), "\"countryCode\":\"LBR\",\"categories\":[\"" + code + "\"]");

        mvc.perform(post("/indicators/disaggregations/" + category + "/delete")
                        .param("version", "1")
                        .with(as("admin"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/indicators/disaggregations/" + category + "/edit"))
                .andExpect(flash().attribute(
                                "flashError", "This category cannot be deleted: indicators or data values use it."));
        mvc.perform(get("/indicators/disaggregations").param("q", code).with(as("admin")))
                .andExpect(content().string(containsString(code)));
    }

    @Test
    void aViewerReadsIndicatorsButIsOfferedNeitherTheFormNorDataEntry() throws Exception {
        String viewer = newUser("VIEWER", "{\"type\":\"COUNTRY\",\"value\":\"LBR\"}");
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        mvc.perform(get("/indicators/" + indicator).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/edit"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("indicator-enter-data"))));
        mvc.perform(get("/").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("home-latest-title")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("home-enter-data"))));
        mvc.perform(get("/indicators/" + indicator).with(as("admin")))
                .andExpect(content().string(containsString("indicator-enter-data")));
        mvc.perform(get("/").with(as("admin"))).andExpect(content().string(containsString("home-enter-data")));
        mvc.perform(get("/indicators/new").with(as(viewer))).andExpect(status().isForbidden());
        mvc.perform(post("/indicators").param("code", "x").with(as(viewer)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anIndicatorOutsideTheUsersScopeIsNotFound() throws Exception {
        long unosom = TestApi.missionId(mvc, "UNOSOM II");
        String steward = newUser("DATA_STEWARD", "{\"type\":\"MISSION\",\"value\":\"" + unosom + "\"}");
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        mvc.perform(get("/indicators/" + indicator).with(as(steward))).andExpect(status().isNotFound());
        mvc.perform(get("/indicators/" + indicator + "/edit").with(as(steward))).andExpect(status().isNotFound());
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private String newUser(String role, String scope) throws Exception {
        String username = role.toLowerCase().replace('_', '-') + "-" + unique();
        mvc.perform(post("/api/v1/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"%s","password":"correct-horse-battery",
                                 "roles":["%s"],"scopes":[%s]}""".formatted(username, username, role, scope)))
                .andExpect(status().isCreated());
        return username;
    }
}
