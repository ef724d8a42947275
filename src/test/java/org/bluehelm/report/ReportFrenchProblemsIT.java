package org.bluehelm.report;

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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A French user reads the refusals of the report and schedule forms in French. */
@IntegrationTest
class ReportFrenchProblemsIT {

    private static final Cookie FRENCH = new Cookie("bluehelm-lang", "fr");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void aReportWithoutSubjectAndWithABadPeriodIsRefusedInFrench() throws Exception {
        mvc.perform(post("/reports")
                        .param("period", "someday")
                        .param("language", "de")
                        .cookie(FRENCH)
                        .with(user(users.loadUserByUsername("admin")))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("choisissez un programme, une mission ou un pays")))
                .andExpect(content().string(containsString("écrivez 2025, 2025Q3 ou 202507")))
                .andExpect(content().string(containsString("doit être en ou fr")))
                .andExpect(content().string(not(containsString("is not a period"))))
                .andExpect(content().string(not(containsString("must be en or fr"))));
    }

    @Test
    void aScheduleWithABadFrequencyAndCountIsRefusedInFrench() throws Exception {
        mvc.perform(post("/reports/schedules/country/LBR")
                        .param("frequency", "WEEKLY")
                        .param("keepLast", "0")
                        .cookie(FRENCH)
                        .with(user(users.loadUserByUsername("admin")))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("frequency: doit être mensuelle ou trimestrielle")))
                .andExpect(content().string(containsString("keepLast: doit être compris entre 1 et 100")))
                .andExpect(content().string(not(containsString("must be MONTHLY or QUARTERLY"))))
                .andExpect(content().string(not(containsString("must be between 1 and 100"))));
    }
}
