package org.bluehelm.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.test.TestApi.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The access matrix of a case: role x scope x sensitivity (the case record, the identities in it)
 * x endpoint (list, detail, filtered search, export, counts, reveal), each through the API and the
 * browser UI. Whoever may not see a case gets 404 on it, exactly as for a case that does not exist,
 * and finds it in no list, search, download or count.
 */
@IntegrationTest
class AccessMatrixIT {

    private static final String PASSWORD = "correct-horse-battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    /** What one user may do with the case: see it (record) and reveal identities in it (sensitive). */
    private record Expectation(String who, String username, boolean sees, boolean reveals) {}

    @Test
    void everyRoleAndScopeSeesExactlyWhatItMayAndNothingElseLeaks() throws Exception {
        long police = TestApi.id(mvc.perform(post("/api/v1/institutions")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Matrix police " + tag
                                + "\",\"pillar\":\"POLICE\",\"countryCode\":\"LBR\"}"))
                .andExpect(status().isCreated()));
        long bodyX = body("Matrix inspectorate X " + tag, police);
        long bodyY = body("Matrix inspectorate Y " + tag, police);
        String handler = createUser("CASE_OFFICER", "UNMIL");
        String colleague = createUser("CASE_OFFICER", "UNMIL");
        String otherBody = createUser("CASE_OFFICER", "UNMIL");
        addMember(bodyX, handler);
        addMember(bodyX, colleague);
        addMember(bodyY, otherBody);

        // a case in Liberia, assigned to body X and its handler, with a named victim
        String description = "Matrix case " + tag;
        long id = ((Number) JsonPath.read(
                        mvc.perform(post("/api/v1/complaints")
                                        .with(admin())
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content("""
                                                {"category":"TORTURE_ILL_TREATMENT","description":"%s","occurredOn":"2026-02-01",
                                                 "countryCode":"LBR","institutionId":%d}""".formatted(description, police)))
                                .andExpect(status().isCreated())
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.summary.id"))
                .longValue();
        move(id, "{\"state\":\"TRIAGED\",\"version\":1}");
        move(
                id,
                "{\"state\":\"ASSIGNED\",\"version\":2,\"oversightBodyId\":" + bodyX + ",\"handler\":\"" + handler
                        + "\"}");
        String victim = "Matrix Victim " + tag;
        MvcResult added = mvc.perform(post("/api/v1/complaints/{id}/people", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"VICTIM\",\"name\":\"" + victim + "\"}"))
                .andExpect(status().isOk())
                .andReturn();
        long personId = ((Number) JsonPath.read(added.getResponse().getContentAsString(), "$.personId")).longValue();

        List<Expectation> matrix = List.of(
                new Expectation("administrator (everything)", "admin", true, true),
                new Expectation(
                        "mission manager in scope (triages, no identities)",
                        createUser("MISSION_MANAGER", "UNMIL"),
                        true,
                        false),
                new Expectation(
                        "mission manager of another country", createUser("MISSION_MANAGER", "UNOCI"), false, false),
                new Expectation("the handler", handler, true, true),
                new Expectation("a case officer of the handling body", colleague, true, true),
                new Expectation("a case officer of another body", otherBody, false, false),
                new Expectation("a data steward in scope", createUser("DATA_STEWARD", "UNMIL"), false, false),
                new Expectation("a partner in scope", createUser("PARTNER", "UNMIL"), false, false),
                new Expectation("a viewer in scope", createUser("VIEWER", "UNMIL"), false, false));

        long missing = 987_654_321L;
        List<String> wrong = new ArrayList<>();
        for (Expectation e : matrix) {
            RequestPostProcessor api = e.username().equals("admin") ? admin() : httpBasic(e.username(), PASSWORD);
            RequestPostProcessor ui = user(users.loadUserByUsername(e.username()));
            Map<String, Boolean> seen = new LinkedHashMap<>();

            // detail, API and UI; a hidden case answers exactly like one that does not exist
            MvcResult apiDetail =
                    mvc.perform(get("/api/v1/complaints/{id}", id).with(api)).andReturn();
            seen.put("API detail", apiDetail.getResponse().getStatus() == 200);
            if (!e.sees()) {
                MvcResult absent = mvc.perform(
                                get("/api/v1/complaints/{id}", missing).with(api))
                        .andReturn();
                check(
                        wrong,
                        e,
                        "API detail is a 404 like a missing case",
                        apiDetail.getResponse().getStatus() == 404
                                && absent.getResponse().getStatus() == 404
                                && apiDetail
                                        .getResponse()
                                        .getContentAsString()
                                        .replaceAll("\\b" + id + "\\b", "N")
                                        .equals(absent.getResponse()
                                                .getContentAsString()
                                                .replaceAll("\\b" + missing + "\\b", "N")));
            }
            seen.put(
                    "UI detail",
                    mvc.perform(get("/complaints/{id}", id).with(ui))
                                    .andReturn()
                                    .getResponse()
                                    .getStatus()
                            == 200);

            // list and a filtered search, API and UI
            seen.put(
                    "API list",
                    listed(
                            mvc.perform(get("/api/v1/complaints")
                                            .param("size", "200")
                                            .with(api))
                                    .andReturn(),
                            id));
            seen.put(
                    "API search",
                    listed(
                            mvc.perform(get("/api/v1/complaints")
                                            .param("category", "TORTURE_ILL_TREATMENT")
                                            .param("oversightBodyId", String.valueOf(bodyX))
                                            .param("size", "200")
                                            .with(api))
                                    .andReturn(),
                            id));
            seen.put(
                    "UI list",
                    mvc.perform(get("/complaints").param("size", "200").with(ui))
                            .andReturn()
                            .getResponse()
                            .getContentAsString()
                            .contains("/complaints/" + id + "\""));

            for (var entry : seen.entrySet()) {
                check(
                        wrong,
                        e,
                        entry.getKey() + (e.sees() ? " shows the case" : " hides the case"),
                        entry.getValue() == e.sees());
            }

            // sensitive: the identities in the case
            MvcResult reveal = mvc.perform(
                            post("/api/v1/complaints/{id}/reveal", id).with(api))
                    .andReturn();
            check(
                    wrong,
                    e,
                    e.reveals() ? "reveals the complainant" : "reveal is a 404",
                    reveal.getResponse().getStatus() == (e.reveals() ? 200 : 404));
            MvcResult revealPerson = mvc.perform(post("/api/v1/complaints/{id}/people/{p}/reveal", id, personId)
                            .with(api))
                    .andReturn();
            check(
                    wrong,
                    e,
                    e.reveals() ? "reveals the victim" : "victim reveal is a 404",
                    e.reveals()
                            ? revealPerson.getResponse().getContentAsString().contains(victim)
                            : revealPerson.getResponse().getStatus() == 404);
            MvcResult uiPage = mvc.perform(get("/complaints/{id}", id).with(ui)).andReturn();
            check(
                    wrong,
                    e,
                    "the case page never shows the victim's name unrevealed",
                    !uiPage.getResponse().getContentAsString().contains(victim));

            // export and counts: the performance download and figures are of the user's scope, never the description
            MvcResult csv =
                    mvc.perform(get("/complaints/performance.csv").with(ui)).andReturn();
            check(
                    wrong,
                    e,
                    "the performance download holds no case text or name",
                    csv.getResponse().getStatus() == 200
                            && !csv.getResponse().getContentAsString().contains(description)
                            && !csv.getResponse().getContentAsString().contains(victim));
        }
        assertThat(wrong).as("cells of the access matrix that do not hold").isEmpty();
    }

    private static void check(List<String> wrong, Expectation e, String what, boolean holds) {
        if (!holds) {
            wrong.add(e.who() + ": " + what);
        }
    }

    private static boolean listed(MvcResult result, long id) throws Exception {
        if (result.getResponse().getStatus() != 200) {
            return false;
        }
        List<Number> ids = JsonPath.read(result.getResponse().getContentAsString(), "$.items[*].id");
        return ids.stream().anyMatch(n -> n.longValue() == id);
    }

    private void move(long id, String json) throws Exception {
        mvc.perform(post("/api/v1/complaints/{id}/transitions", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    private long body(String name, long overseen) throws Exception {
        return TestApi.id(mvc.perform(post("/api/v1/oversightBodies")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","type":"INSPECTORATE","countryCode":"LBR","independent":true,
                                 "institutionIds":[%d]}""".formatted(name, overseen)))
                .andExpect(status().isCreated()));
    }

    private void addMember(long body, String username) throws Exception {
        mvc.perform(post("/complaints/bodies/{b}/members", body)
                        .with(csrf())
                        .with(user(users.loadUserByUsername("admin")))
                        .param("username", username))
                .andExpect(status().is3xxRedirection());
    }

    private String createUser(String role, String mission) throws Exception {
        return TestApi.createUserScopedToMission(mvc, role, TestApi.missionId(mvc, mission));
    }
}
