package org.bluehelm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A French user reads the refusals of the dashboard item form in French. */
@IntegrationTest
class DashboardFrenchProblemsIT {

    private static final Cookie FRENCH = new Cookie("bluehelm-lang", "fr");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private RequestPostProcessor admin() {
        return user(users.loadUserByUsername("admin"));
    }

    @Test
    void aProgressOrIndexItemWithoutItsChoicesIsRefusedInFrench() throws Exception {
        String location = mvc.perform(post("/dashboards")
                        .param("name", "French refusals " + System.nanoTime())
                        .with(csrf())
                        .with(admin()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String form = mvc.perform(get(location + "/items/new").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher found = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form);
        assertThat(found.find()).isTrue();
        String version = found.group(1);
        mvc.perform(post(location + "/items")
                        .param("kind", "PROGRESS")
                        .param("title", "Progress")
                        .param("periodType", "QUARTERLY")
                        .param("from", "2024Q1")
                        .param("to", "2024Q4")
                        .param("version", version)
                        .cookie(FRENCH)
                        .with(csrf())
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("choisissez au moins un indicateur")))
                .andExpect(content().string(containsString("est obligatoire pour le progrès vers les cibles")))
                .andExpect(content().string(not(containsString("choose at least one indicator"))))
                .andExpect(content().string(not(containsString("is required for progress"))));
        mvc.perform(post(location + "/items")
                        .param("kind", "INDEX")
                        .param("title", "Index")
                        .param("periodType", "QUARTERLY")
                        .param("from", "2024Q1")
                        .param("to", "2024Q4")
                        .param("version", version)
                        .cookie(FRENCH)
                        .with(csrf())
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("est obligatoire pour l&#39;indice RSS")))
                .andExpect(content().string(not(containsString("is required for the SSR index"))));
    }
}
