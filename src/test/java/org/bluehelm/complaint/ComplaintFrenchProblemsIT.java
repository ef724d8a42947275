package org.bluehelm.complaint;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A French user reads the refusals of the case import and of the performance page in French. */
@IntegrationTest
class ComplaintFrenchProblemsIT {

    private static final Cookie FRENCH = new Cookie("bluehelm-lang", "fr");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private RequestPostProcessor admin() {
        return user(users.loadUserByUsername("admin"));
    }

    @Test
    void aPerformanceQueryWithBadPeriodsIsRefusedInFrench() throws Exception {
        mvc.perform(get("/complaints/performance?periodType=QUARTERLY&from=2024Q3&to=2024Q1")
                        .cookie(FRENCH)
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("to: ne doit pas précéder la première période")))
                .andExpect(content().string(not(containsString("must not be before from"))));
        mvc.perform(get("/complaints/performance?periodType=QUARTERLY&from=2024&to=2024Q1")
                        .cookie(FRENCH)
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("from: doit être un trimestre (par exemple 2025Q1)")))
                .andExpect(content().string(not(containsString("must be a period of type"))));
        mvc.perform(get("/complaints/performance?by=NOTHING").cookie(FRENCH).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("by: n&#39;est pas l&#39;une des valeurs [")))
                .andExpect(content().string(not(containsString("is not one of"))));
    }

    @Test
    void anImportWithoutItsColumnsOrWithBadLinesIsRefusedInFrench() throws Exception {
        mvc.perform(multipart("/complaints/import")
                        .file(new MockMultipartFile(
                                "file",
                                "cases.csv",
                                "text/csv",
                                "category,description\nOTHER,French refusal\n".getBytes(StandardCharsets.UTF_8)))
                        .cookie(FRENCH)
                        .with(csrf())
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("colonnes manquantes : occurred_on")))
                .andExpect(content().string(not(containsString("missing columns"))));
        String bad = """
                category,description,occurred_on,country,org_unit,institution_id
                SOMETHING,French refusal two,2026-13-01,ZZZ,,
                """;
        mvc.perform(multipart("/complaints/import")
                        .file(new MockMultipartFile(
                                "file", "cases.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .cookie(FRENCH)
                        .with(csrf())
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("line 2 country: n&#39;est pas un pays")))
                .andExpect(content().string(not(containsString("is not a country"))));
    }
}
