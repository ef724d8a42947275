package org.bluehelm.outcome;

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

/** A French user reads the refusals of the series upload and of the case comparison in French. */
@IntegrationTest
class OutcomeFrenchProblemsIT {

    private static final Cookie FRENCH = new Cookie("bluehelm-lang", "fr");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private RequestPostProcessor admin() {
        return user(users.loadUserByUsername("admin"));
    }

    @Test
    void anUploadWithoutFileOrWithBadLinesIsRefusedInFrench() throws Exception {
        mvc.perform(multipart("/reference/uploads")
                        .param("label", "French refusal")
                        .param("citation", "Survey")
                        .cookie(FRENCH)
                        .with(csrf())
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("file: choisissez un fichier CSV")))
                .andExpect(content().string(not(containsString("choose a CSV file"))));
        String csv = """
                iso3,year,value
                Atlantis,2004,3
                LBR,2005,abc
                LBR,1066,1
                """;
        mvc.perform(multipart("/reference/uploads")
                        .file(new MockMultipartFile(
                                "file", "series.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("label", "French refusal")
                        .param("citation", "Survey")
                        .cookie(FRENCH)
                        .with(csrf())
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("pays inconnu : &#39;Atlantis&#39;")))
                .andExpect(content().string(containsString("&#39;abc&#39; n&#39;est pas un nombre")))
                .andExpect(content().string(containsString("n&#39;est pas une année comprise entre")))
                .andExpect(content().string(not(containsString("unknown country"))))
                .andExpect(content().string(not(containsString("is not a number"))));
    }

    @Test
    void aComparisonWithAnUnknownCountryOrSeriesIsRefusedInFrench() throws Exception {
        mvc.perform(get("/evidence/comparison")
                        .param("country", "XXX")
                        .param("series", "wgi_rule_of_law")
                        .cookie(FRENCH)
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("pays inconnu : &#39;XXX&#39;")))
                .andExpect(content().string(not(containsString("unknown country"))));
        mvc.perform(get("/evidence/comparison")
                        .param("country", "LBR")
                        .param("series", "no_such_series")
                        .cookie(FRENCH)
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("série inconnue : &#39;no_such_series&#39;")))
                .andExpect(content().string(not(containsString("unknown series"))));
    }
}
