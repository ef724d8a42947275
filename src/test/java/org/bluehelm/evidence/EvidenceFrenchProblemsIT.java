package org.bluehelm.evidence;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A French user reads the estimator screens' refusals in French, next to their fields. */
@IntegrationTest
class EvidenceFrenchProblemsIT {

    private static final Cookie FRENCH = new Cookie("bluehelm-lang", "fr");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private MockHttpServletRequestBuilder run(String estimator) {
        return post("/evidence/run")
                .param("data", SimulatedPanelSource.ID)
                .param("estimator", estimator)
                .param("unit", "unit")
                .param("time", "year")
                .cookie(FRENCH)
                .with(user(users.loadUserByUsername("admin")))
                .with(csrf());
    }

    @Test
    void aRunWithAnUnknownUnitOrColumnOrABadNumberIsRefusedInFrench() throws Exception {
        mvc.perform(run("synth")
                        .param("outcome", "y")
                        .param("treated", "ATLANTIS")
                        .param("treatmentStart", "2010"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"treated-error\"")))
                .andExpect(content().string(containsString("&#39;ATLANTIS&#39; n&#39;est pas dans le panel")))
                .andExpect(content().string(not(containsString("is not in the panel"))));
        mvc.perform(run("panel")
                        .param("outcome", "nowhere")
                        .param("regressors", "x")
                        .param("effects", "twoway"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("colonne inconnue &#39;nowhere&#39;")))
                .andExpect(content().string(not(containsString("unknown column"))));
        mvc.perform(run("event-study")
                        .param("outcome", "y")
                        .param("treatmentStart", "start")
                        .param("leads", "four"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("doit être un nombre entier, pas &#39;four&#39;")))
                .andExpect(content().string(not(containsString("must be a whole number"))));
        mvc.perform(run("panel").param("outcome", "y").param("effects", "twoway"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("nommez au moins un régresseur")))
                .andExpect(content().string(not(containsString("name at least one regressor"))));
    }

    @Test
    void anEmptyOrMissingUploadIsRefusedInFrench() throws Exception {
        mvc.perform(multipart("/evidence/upload")
                        .file(new MockMultipartFile(
                                "file", "empty.csv", "text/csv", "  \n".getBytes(StandardCharsets.UTF_8)))
                        .cookie(FRENCH)
                        .with(user(users.loadUserByUsername("admin")))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("id=\"file-error\""), containsString("le fichier est vide"))))
                .andExpect(content().string(not(containsString("the file is empty"))));
        mvc.perform(multipart("/evidence/upload")
                        .cookie(FRENCH)
                        .with(user(users.loadUserByUsername("admin")))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("choisissez un fichier CSV de panel")))
                .andExpect(content().string(not(containsString("choose a panel CSV file"))));
    }
}
