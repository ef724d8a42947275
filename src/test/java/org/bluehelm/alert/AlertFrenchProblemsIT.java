package org.bluehelm.alert;

import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.test.TestApi.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A French user reads in French that a rule's organisation unit lies outside its indicator's country. */
@IntegrationTest
class AlertFrenchProblemsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void aRuleOnAUnitOutsideTheIndicatorsCountryIsRefusedInFrench() throws Exception {
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        String code = "OU-FR-" + System.nanoTime();
        mvc.perform(post("/api/v1/orgUnits")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"Test area %s","kind":"AREA","countryCode":"CIV"}""".formatted(code, code)))
                .andExpect(status().isCreated());
        mvc.perform(post("/alerts/rules")
                        .param("indicatorId", String.valueOf(indicator))
                        .param("kind", "THRESHOLD")
                        .param("operator", "ABOVE")
                        .param("threshold", "1")
                        .param("orgUnitCode", code)
                        .param("active", "true")
                        .cookie(new Cookie("bluehelm-lang", "fr"))
                        .with(user(users.loadUserByUsername("admin")))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("est en CIV, hors du pays de l&#39;indicateur LBR")))
                .andExpect(content().string(not(containsString("outside the indicator"))));
    }
}
