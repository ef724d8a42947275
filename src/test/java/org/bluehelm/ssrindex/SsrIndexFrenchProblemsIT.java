package org.bluehelm.ssrindex;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A French user reads the refusals of the SSR index page in French. */
@IntegrationTest
class SsrIndexFrenchProblemsIT {

    private static final Cookie FRENCH = new Cookie("bluehelm-lang", "fr");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void anIndexOfAnUnknownUnitOrOfTwoSubjectsIsRefusedInFrench() throws Exception {
        mvc.perform(get("/ssr-index")
                        .param("orgUnit", "987654321")
                        .param("period", "2025")
                        .cookie(FRENCH)
                        .with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("l&#39;unité d&#39;organisation 987654321 n&#39;existe pas")))
                .andExpect(content().string(not(containsString("does not exist"))));
        mvc.perform(get("/ssr-index")
                        .param("orgUnit", "1")
                        .param("institution", "1")
                        .param("period", "2025")
                        .cookie(FRENCH)
                        .with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "soit une unité d&#39;organisation, soit une institution, pas les deux")))
                .andExpect(content().string(not(containsString("not both"))));
    }
}
