package org.bluehelm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.bluehelm.mission.MissionService;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The administration and account screens: who may open them, CSRF, and what a submitted form changes. */
@IntegrationTest
class IdentityScreensIT {

    static final String PASSWORD = "correct-horse-battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    @Autowired
    TokenService tokens;

    @Autowired
    MissionService missions;

    @Autowired
    BluehelmUserDetailsService userDetails;

    @Autowired
    PasswordEncoder passwordEncoder;

    private UserView createUser(String prefix, Role role) {
        long unmil = missions.findByAcronym("UNMIL").orElseThrow().id();
        return users.create(new UserCommand(
                prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
                "Screens " + prefix,
                null,
                PASSWORD,
                true,
                List.of(role),
                List.of(new ScopeEntry(ScopeType.MISSION, String.valueOf(unmil)))));
    }

    private RequestPostProcessor as(String username) {
        return user(userDetails.loadUserByUsername(username));
    }

    private RequestPostProcessor admin() {
        return as("admin");
    }

    @Test
    void onlyAnAdministratorOpensTheUserAdministration() throws Exception {
        UserView viewer = createUser("screens-viewer", Role.VIEWER);
        UserView manager = createUser("screens-manager", Role.MISSION_MANAGER);
        for (UserView u : List.of(viewer, manager)) {
            mvc.perform(get("/admin/users").with(as(u.username()))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/users/{id}", viewer.id()).with(as(u.username())))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/users")
                            .with(as(u.username()))
                            .with(csrf())
                            .param("username", "sneaky-" + u.id())
                            .param("displayName", "Sneaky")
                            .param("password", PASSWORD)
                            .param("roles", "ADMIN"))
                    .andExpect(status().isForbidden());
        }
        assertThat(users.list("sneaky-", org.bluehelm.shared.PageQuery.of(0, 10, null, UserService.SORTS, "username"))
                        .total())
                .isZero();
        mvc.perform(get("/admin/users").param("q", viewer.username()).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(viewer.username())))
                .andExpect(content().string(containsString("Missions: UNMIL")));
        mvc.perform(get("/admin/users")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aPasswordChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        UserView viewer = createUser("screens-csrf", Role.VIEWER);
        String newPassword = "a-brand-new-password";
        mvc.perform(post("/account/password")
                        .with(as(viewer.username()))
                        .param("currentPassword", PASSWORD)
                        .param("newPassword", newPassword)
                        .param("confirmPassword", newPassword))
                .andExpect(status().isForbidden());
        assertThat(passwordEncoder.matches(PASSWORD, storedHash(viewer.username())))
                .isTrue();

        mvc.perform(post("/account/password")
                        .with(as(viewer.username()))
                        .with(csrf())
                        .param("currentPassword", "not-my-password")
                        .param("newPassword", "short")
                        .param("confirmPassword", "different"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"currentPassword-error\"")))
                .andExpect(content().string(containsString("id=\"newPassword-error\"")))
                .andExpect(content().string(containsString("id=\"confirmPassword-error\"")));
        assertThat(passwordEncoder.matches(PASSWORD, storedHash(viewer.username())))
                .isTrue();

        mvc.perform(post("/account/password")
                        .with(as(viewer.username()))
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("newPassword", newPassword)
                        .param("confirmPassword", newPassword))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/account"));
        assertThat(passwordEncoder.matches(newPassword, storedHash(viewer.username())))
                .isTrue();
    }

    @Test
    void aRefusedUserFormNamesEveryWrongFieldAndCreatesNothing() throws Exception {
        String username = "screens-refused-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/admin/users")
                        .with(admin())
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "")
                        .param("password", "short")
                        .param("countries", "LBR, XXZ")
                        .param("_roles", "on"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"displayName-error\"")))
                .andExpect(content().string(containsString("id=\"password-error\"")))
                .andExpect(content().string(containsString("id=\"roles-error\"")))
                .andExpect(content().string(containsString("id=\"countries-error\"")))
                .andExpect(content().string(containsString("XXZ")))
                .andExpect(content().string(not(containsString("value=\"short\""))));
        assertThat(users.list(username, org.bluehelm.shared.PageQuery.of(0, 10, null, UserService.SORTS, "username"))
                        .total())
                .isZero();
    }

    @Test
    void anAdministratorUnlocksAUserAndRevokesOneOfTheirTokens() throws Exception {
        UserView viewer = createUser("screens-locked", Role.VIEWER);
        UserView other = createUser("screens-other", Role.VIEWER);
        for (int i = 0; i < UserService.FAILURES_BEFORE_LOCK; i++) {
            users.recordFailedSignIn(viewer.username());
        }
        UserView locked = users.get(viewer.id());
        assertThat(locked.locked()).isTrue();
        mvc.perform(post("/admin/users/{id}/unlock", viewer.id())
                        .with(admin())
                        .with(csrf())
                        .param("version", String.valueOf(locked.version())))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/users/" + viewer.id()));
        assertThat(users.get(viewer.id()).locked()).isFalse();

        TokenView token = tokens.create(viewer.username(), "screens script", null);
        TokenView othersToken = tokens.create(other.username(), "other script", null);
        mvc.perform(get("/admin/users/{id}", viewer.id()).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("screens script")))
                .andExpect(content().string(not(containsString(token.token()))));
        mvc.perform(post("/admin/users/{id}/tokens/{token}/revoke", viewer.id(), othersToken.id())
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/{id}/tokens/{token}/revoke", viewer.id(), token.id())
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isFound());
        assertThat(tokens.authenticate(token.token())).isEmpty();
        assertThat(tokens.authenticate(othersToken.token())).contains(other.username());
    }

    private String storedHash(String username) {
        return users.repository().findByUsername(username).orElseThrow().passwordHash;
    }
}
