package org.bluehelm.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The error pages of the browser UI, and the errors of the API for requests no API controller takes. */
@IntegrationTest
class ErrorPagesIT {

    /** The lists with a page number; all but the last two also take a sort key. */
    static final List<String> LISTS = List.of(
            "/missions",
            "/institutions",
            "/oversight-bodies",
            "/actors",
            "/programmes",
            "/indicators",
            "/alerts",
            "/hrddp",
            "/capacity",
            "/coordination",
            "/admin/users",
            "/complaints",
            "/alerts/rules");

    static final List<String> EXPORTS = List.of(
            "/missions/export",
            "/institutions/export",
            "/oversight-bodies/export",
            "/actors/export",
            "/programmes/export",
            "/indicators/export",
            "/alerts/export",
            "/hrddp/export",
            "/capacity/export",
            "/coordination/export",
            "/admin/users/export");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    private RequestPostProcessor admin() {
        return user(userDetails.loadUserByUsername("admin"));
    }

    @Test
    void aListAskedForANegativePageOrAnUnknownSortSaysWhichFieldIsWrongWithA400() throws Exception {
        for (String list : LISTS) {
            mvc.perform(get(list).param("page", "-1").with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("<h1>This address has a mistake in it</h1>")))
                    .andExpect(content().string(not(containsString("Something went wrong"))))
                    .andExpect(content()
                            .string(containsString(
                                    "<a id=\"without-query\" href=\"" + list + "\">Go back to the list</a>")))
                    .andExpect(content().string(containsString("<code>page</code>")))
                    .andExpect(content().string(containsString("must be 0 or more")))
                    .andExpect(content().string(not(containsString("on our side"))));
            if (list.equals("/complaints") || list.equals("/alerts/rules")) {
                continue;
            }
            mvc.perform(get(list).param("sort", "bogus").with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Sort order")))
                    .andExpect(content().string(containsString("&#39;bogus&#39; is not a sort key")));
        }
        for (String export : EXPORTS) {
            mvc.perform(get(export)
                            .param("format", "csv")
                            .param("sort", "bogus")
                            .with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("&#39;bogus&#39; is not a sort key")));
        }
    }

    @Test
    void aListAddressWithSeveralMistakesNamesEveryOne() throws Exception {
        mvc.perform(get("/missions").param("sort", "bogus").param("page", "-1").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content().string(containsString("<title>This address has a mistake in it · Bluehelm</title>")))
                .andExpect(content().string(containsString("<code>page</code>): <span>must be 0 or more")))
                .andExpect(content()
                        .string(containsString("<code>sort</code>): <span>&#39;bogus&#39; is not a sort key")));
        mvc.perform(get("/missions")
                        .param("page", "x")
                        .param("status", "BOGUS")
                        .param("mine", "maybe")
                        .param("sort", "name")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content().string(containsString("<code>page</code>): <span>&#39;x&#39; is not a valid value")))
                .andExpect(content()
                        .string(containsString("<code>status</code>): <span>&#39;BOGUS&#39; is not a valid value")))
                .andExpect(content()
                        .string(containsString("<code>mine</code>): <span>&#39;maybe&#39; is not a valid value")))
                .andExpect(content().string(not(containsString("<code>sort</code>"))))
                .andExpect(content().string(containsString("href=\"/missions\">Go back to the list</a>")));
    }

    @Test
    void theListErrorPageIsInFrenchForAFrenchUser() throws Exception {
        mvc.perform(get("/missions")
                        .param("sort", "bogus")
                        .param("page", "-2")
                        .cookie(new Cookie("bluehelm-lang", "fr"))
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<h1>Cette adresse contient une erreur</h1>")))
                .andExpect(content().string(containsString("Une partie de l&#39;adresse n&#39;est pas valable")))
                .andExpect(content().string(containsString("doit être 0 ou plus")))
                .andExpect(content().string(containsString("href=\"/missions\">Revenir à la liste</a>")))
                .andExpect(content().string(containsString("Ordre de tri")))
                .andExpect(content().string(containsString("« bogus » n&#39;est pas une clé de tri")));
        mvc.perform(get("/missions").param("page", "x").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&#39;x&#39; is not a valid value")));
    }

    @Test
    void anApiAddressNoControllerServesAnswersInProblemJson() throws Exception {
        mvc.perform(get("/api/v1/oversight-bodies").with(TestApi.admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("not-found"))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(delete("/api/v1/missions").with(TestApi.admin()).with(csrf()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("method-not-allowed"))
                .andExpect(header().string("Allow", containsString("GET")));
        mvc.perform(get("/no-such-page").with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("not-found"))));
    }

    @Test
    void anApiParameterOfTheWrongKindSaysWhatItTakes() throws Exception {
        mvc.perform(get("/api/v1/analytics").param("indicator", "trained_total").with(TestApi.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("indicator"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("'trained_total' is not a whole number: give the id, not the code (or a"
                                + " comma-separated list of them)"));
        mvc.perform(get("/api/v1/dataValues").param("from", "2024Q1").with(TestApi.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("'2024Q1' is not a date (yyyy-mm-dd)"));
    }
}
