package org.bluehelm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class SecurityIT {

    static final String ADMIN_PASSWORD = "test-admin-password";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private void createUser(String username, String role, String scopeJson) throws Exception {
        mvc.perform(post("/api/v1/users")
                        .with(httpBasic("admin", ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"displayName\":\"Test " + username
                                + "\",\"password\":\"correct-horse-battery\",\"roles\":[\"" + role + "\"],\"scopes\":"
                                + scopeJson + "}"))
                .andExpect(status().isCreated());
    }

    private long missionId(String acronym) throws Exception {
        String body = mvc.perform(get("/api/v1/missions").param("q", acronym).with(httpBasic("admin", ADMIN_PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        java.util.List<Number> ids = JsonPath.read(body, "$.items[?(@.acronym == '" + acronym + "')].id");
        return ids.get(0).longValue();
    }

    @Test
    void anApiRequestWithoutCredentialsGetsAProblemNotAPage() throws Exception {
        mvc.perform(get("/api/v1/missions"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("unauthenticated"));
        mvc.perform(get("/api/v1/missions").header("Authorization", "Bearer bh_not-a-real-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("invalid-token"));
    }

    @Test
    void aPersonalAccessTokenIsShownOnceStoredHashedAndStopsWorkingWhenRevoked() throws Exception {
        createUser("token-user", "VIEWER", "[{\"type\":\"COUNTRY\",\"value\":\"LBR\"}]");
        String body = mvc.perform(post("/api/v1/me/tokens")
                        .with(httpBasic("token-user", "correct-horse-battery"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"reporting script\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = JsonPath.read(body, "$.token");
        Number id = JsonPath.read(body, "$.id");
        assertThat(token).startsWith("bh_");
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :t")
                        .param("t", token)
                        .query(Long.class)
                        .single())
                .isZero();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("token-user"))
                .andExpect(jsonPath("$.countryCodes[0]").value("LBR"));
        mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$[0].name").value("reporting script"))
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andExpect(content().string(not(containsString(token))));

        mvc.perform(delete("/api/v1/me/tokens/{id}", id.longValue()).header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() throws Exception {
        createUser("guessed-user", "VIEWER", "[]");
        for (int i = 0; i < UserService.FAILURES_BEFORE_LOCK; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("guessed-user", "wrong-password-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic("guessed-user", "correct-horse-battery")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users").param("q", "guessed-user").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.items[0].locked").value(true));
    }

    @Test
    void rolesLimitWhatAUserMayDo() throws Exception {
        createUser("viewer-user", "VIEWER", "[{\"type\":\"ALL\",\"value\":\"*\"}]");
        mvc.perform(get("/api/v1/missions").with(httpBasic("viewer-user", "correct-horse-battery")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/missions")
                        .with(httpBasic("viewer-user", "correct-horse-battery"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(get("/api/v1/users").with(httpBasic("viewer-user", "correct-horse-battery")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMissionManagerChangesOnlyTheMissionsInScope() throws Exception {
        long unmil = missionId("UNMIL");
        long unoci = missionId("UNOCI");
        createUser("unmil-manager", "MISSION_MANAGER", "[{\"type\":\"MISSION\",\"value\":\"" + unmil + "\"}]");
        String other = mvc.perform(
                        get("/api/v1/missions/{id}", unoci).with(httpBasic("unmil-manager", "correct-horse-battery")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(put("/api/v1/missions/{id}", unoci)
                        .with(httpBasic("unmil-manager", "correct-horse-battery"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(other.replace("United Nations Operation", "Changed")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/missions")
                        .param("mine", "true")
                        .with(httpBasic("unmil-manager", "correct-horse-battery")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].acronym").value("UNMIL"));
    }

    @Test
    void anAdministratorListsUsersWithoutASearch() throws Exception {
        mvc.perform(get("/api/v1/users").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.username == 'admin')]").isNotEmpty());
        mvc.perform(get("/api/v1/countries").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(250));
    }

    @Test
    void usersAreValidatedFieldByField() throws Exception {
        mvc.perform(post("/api/v1/users")
                        .with(httpBasic("admin", ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"Bad Name","displayName":"","password":"short","roles":[],
                                 "scopes":[{"type":"COUNTRY","value":"XXX"},{"type":"MISSION","value":"999999"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'username')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'displayName')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'password')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'roles')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'scopes[0]')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'scopes[1]')]").isNotEmpty());
    }

    @Test
    void anAdministratorCannotTakeAwayTheirOwnAdministratorRoleOrAccount() throws Exception {
        String list = mvc.perform(
                        get("/api/v1/users").param("search", "admin").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> ids = JsonPath.read(list, "$.items[?(@.username == 'admin')].id");
        List<Number> versions = JsonPath.read(list, "$.items[?(@.username == 'admin')].version");
        Number id = ids.get(0);
        Number version = versions.get(0);
        mvc.perform(put("/api/v1/users/{id}", id)
                        .with(httpBasic("admin", ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"displayName":"Administrator","roles":["VIEWER"],"enabled":false,
                                 "scopes":[{"type":"ALL"}],"version":%d}""".formatted(version.intValue())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'roles')].message")
                        .value(org.hamcrest.Matchers.hasItem(containsString("ask another administrator"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'enabled')]").isNotEmpty());
        // nothing changed: the administrator still administers
        mvc.perform(get("/api/v1/users").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void theBrowserSignsInWithAFormProtectedByCsrfAndGetsStrictHeaders() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(post("/login").param("username", "admin").param("password", ADMIN_PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login")
                        .param("username", "admin")
                        .param("password", ADMIN_PASSWORD)
                        .with(csrf()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void errorsNeverShowInternals() throws Exception {
        mvc.perform(post("/api/v1/missions")
                        .with(httpBasic("admin", ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed-request"))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("at org."))));
        mvc.perform(get("/api/v1/missions/999999").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
        mvc.perform(get("/api/v1/missions")
                        .param("sort", "name; drop table mission")
                        .with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
    }
}
