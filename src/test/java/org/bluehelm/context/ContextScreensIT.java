package org.bluehelm.context;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Locale;
import org.bluehelm.indicator.IndicatorFixtures;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The context and risk screens: their forms, labels and the problems they show. */
@IntegrationTest
class ContextScreensIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    private RequestPostProcessor admin() {
        return user(userDetails.loadUserByUsername("admin"));
    }

    @Test
    void theRevisionFormLabelsEveryFieldInBothLanguages() throws Exception {
        mvc.perform(get("/context/revisions/new").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("What changed")))
                .andExpect(content().string(not(containsString("??"))));
        mvc.perform(get("/context/revisions/new")
                        .cookie(new Cookie("bluehelm-lang", "fr"))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ce qui a changé")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void aRiskTriggerFindsItsUnitWhateverTheCaseOfItsCode() throws Exception {
        String code = "Rsk-Mixed-" + IndicatorFixtures.unique();
        mvc.perform(post("/api/v1/orgUnits")
                        .with(IndicatorFixtures.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"Mixed case county","kind":"AREA","countryCode":"LBR"}""".formatted(code)))
                .andExpect(status().isCreated());
        long indicator = IndicatorFixtures.id(
                IndicatorFixtures.createIndicator(mvc, IndicatorFixtures.admin(), "\"countryCode\":\"LBR\""));
        for (String typed : List.of(code, code.toLowerCase(Locale.ROOT))) {
            mvc.perform(post("/risks")
                            .with(admin())
                            .with(csrf())
                            .param("countryCode", "LBR")
                            .param("title", "Unrest in " + typed)
                            .param("likelihood", "3")
                            .param("impact", "3")
                            .param("owner", "admin")
                            .param("triggers[0].indicatorId", String.valueOf(indicator))
                            .param("triggers[0].orgUnitCode", typed)
                            .param("triggers[0].comparison", "ABOVE")
                            .param("triggers[0].threshold", "5"))
                    .andExpect(status().is3xxRedirection());
        }
    }

    @Test
    void aRiskWithAnUnknownUnitCodeAndNoTitleShowsBothProblemsAtOnce() throws Exception {
        mvc.perform(post("/risks")
                        .with(admin())
                        .with(csrf())
                        .param("countryCode", "LBR")
                        .param("title", "")
                        .param("likelihood", "3")
                        .param("impact", "3")
                        .param("owner", "admin")
                        .param("triggers[0].orgUnitCode", "NOPE")
                        .param("triggers[0].comparison", "ABOVE")
                        .param("triggers[0].threshold", "5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"title-error\"")))
                .andExpect(content().string(containsString("id=\"triggers[0].orgUnitCode-error\"")))
                .andExpect(content().string(containsString("is not a known organisation unit code")));
    }
}
