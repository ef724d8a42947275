package org.bluehelm.test;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Small steps the API tests share: signing in, finding a shipped mission, creating a scoped user. */
public final class TestApi {

    private static final String PASSWORD = "correct-horse-battery";

    private TestApi() {}

    public static RequestPostProcessor admin() {
        return httpBasic("admin", "test-admin-password");
    }

    /** The id of a shipped mission, looked up by its exact acronym. */
    public static long missionId(MockMvc mvc, String acronym) throws Exception {
        String body = mvc.perform(get("/api/v1/missions").param("q", acronym).with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> ids = JsonPath.read(body, "$.items[?(@.acronym == '" + acronym + "')].id");
        if (ids.size() != 1) {
            throw new IllegalStateException("No single mission " + acronym + " in " + body);
        }
        return ids.get(0).longValue();
    }

    /** Creates a user with the given role scoped to one mission and returns how to sign in as them. */
    public static RequestPostProcessor userScopedToMission(MockMvc mvc, String role, long missionId) throws Exception {
        return httpBasic(createUserScopedToMission(mvc, role, missionId), PASSWORD);
    }

    /** The same user signed in to the browser UI (a session, as the sign-in form would make). */
    public static RequestPostProcessor uiUserScopedToMission(
            MockMvc mvc,
            org.springframework.security.core.userdetails.UserDetailsService users,
            String role,
            long missionId)
            throws Exception {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(createUserScopedToMission(mvc, role, missionId)));
    }

    /** Creates a user with one role and one mission in scope, and returns the username. */
    public static String createUserScopedToMission(MockMvc mvc, String role, long missionId) throws Exception {
        String username = role.toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"%s","password":"%s",
                                 "roles":["%s"],"scopes":[{"type":"MISSION","value":"%d"}]}""".formatted(username, username, PASSWORD, role, missionId)))
                .andExpect(status().isCreated());
        return username;
    }

    /** The id of the record a request returned. */
    public static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    public static int version(ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.version");
    }
}
