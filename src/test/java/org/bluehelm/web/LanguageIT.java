package org.bluehelm.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A visitor sees the pages in the first of English and French their browser asks for until they
 * choose one; the choice is then kept in a cookie, whatever the browser asks.
 */
@IntegrationTest
class LanguageIT {

    @Autowired
    MockMvc mvc;

    @Test
    void aFrenchBrowserGetsFrenchUntilTheVisitorChoosesOtherwise() throws Exception {
        signInPage("fr-FR,fr;q=0.9,en;q=0.8").andExpect(content().string(containsString("<html lang=\"fr\"")));
        // the first language Bluehelm speaks, in the browser's order
        signInPage("de-DE,fr;q=0.8,en;q=0.5").andExpect(content().string(containsString("<html lang=\"fr\"")));
        signInPage("en-GB,fr;q=0.8").andExpect(content().string(containsString("<html lang=\"en\"")));
        // no header, or only languages Bluehelm does not speak: English
        mvc.perform(get("/login")).andExpect(content().string(containsString("<html lang=\"en\"")));
        signInPage("de-DE,es;q=0.5").andExpect(content().string(containsString("<html lang=\"en\"")));

        // a choice is remembered and wins over the browser
        mvc.perform(get("/login").param("lang", "en").header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .andExpect(status().isOk())
                .andExpect(cookie().value("bluehelm-lang", "en"))
                .andExpect(content().string(containsString("<html lang=\"en\"")));
        mvc.perform(get("/login").cookie(new Cookie("bluehelm-lang", "en")).header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .andExpect(content().string(containsString("<html lang=\"en\"")));
    }

    private org.springframework.test.web.servlet.ResultActions signInPage(String acceptLanguage) throws Exception {
        return mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage))
                .andExpect(status().isOk());
    }
}
