package org.bluehelm.actor;

import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.bluehelm.test.TestApi.userScopedToMission;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A mission manager scoped to UNMIL (Liberia) and one scoped to UNOCI (Cote d'Ivoire): national
 * actors and mission components stay within scope; international actors are shared by everyone.
 */
@IntegrationTest
class ActorScopeIT {

    @Autowired
    MockMvc mvc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private ResultActions create(RequestPostProcessor user, String json) throws Exception {
        return mvc.perform(post("/api/v1/actors")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions update(RequestPostProcessor user, long id, String json) throws Exception {
        return mvc.perform(put("/api/v1/actors/{id}", id)
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void scopedActorsStayInScopeAndInternationalActorsAreShared() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long unoci = missionId(mvc, "UNOCI");
        RequestPostProcessor a = userScopedToMission(mvc, "MISSION_MANAGER", unmil);
        RequestPostProcessor b = userScopedToMission(mvc, "MISSION_MANAGER", unoci);
        RequestPostProcessor viewer = userScopedToMission(mvc, "VIEWER", unmil);

        long undp = id(create(a, """
                        {"name":"UNDP %s","category":"INTERNATIONAL","type":"UN_ENTITY","countryCode":"USA"}""".formatted(tag)).andExpect(status().isCreated()));
        long liberianCso = id(create(a, """
                        {"name":"Liberian CSO %s","type":"CIVIL_SOCIETY_ORGANISATION","countryCode":"LBR"}""".formatted(tag)).andExpect(status().isCreated()));
        long ivorianCso = id(create(b, """
                        {"name":"Ivorian CSO %s","category":"NATIONAL","type":"CIVIL_SOCIETY_ORGANISATION",
                         "countryCode":"CIV"}""".formatted(tag)).andExpect(status().isCreated()));
        long ivorianComponent = id(create(b, """
                        {"name":"UNOCI Civil Affairs %s","type":"MISSION_COMPONENT","missionId":%d}""".formatted(tag, unoci)).andExpect(status().isCreated()));

        mvc.perform(get("/api/v1/actors").param("q", tag).with(a))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder((int) undp, (int) liberianCso)));
        mvc.perform(get("/api/v1/actors").param("q", tag).with(b))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath(
                        "$.items[*].id", containsInAnyOrder((int) undp, (int) ivorianCso, (int) ivorianComponent)));
        mvc.perform(get("/api/v1/actors")
                        .param("q", tag)
                        .param("category", "INTERNATIONAL")
                        .with(viewer))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(undp));
        mvc.perform(get("/api/v1/actors").param("q", tag).with(admin()))
                .andExpect(jsonPath("$.total").value(4));

        for (long id : new long[] {ivorianCso, ivorianComponent}) {
            mvc.perform(get("/api/v1/actors/{id}", id).with(a)).andExpect(status().isNotFound());
            update(a, id, """
                            {"version":1,"name":"Taken over","type":"CIVIL_SOCIETY_ORGANISATION","countryCode":"LBR"}""").andExpect(status().isNotFound());
            mvc.perform(delete("/api/v1/actors/{id}", id).param("version", "1").with(a))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/actors/{id}", liberianCso).with(b)).andExpect(status().isNotFound());
        create(a, """
                        {"name":"Outside %s","type":"COMMUNITY_GROUP","countryCode":"CIV"}""".formatted(tag))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        create(a, """
                        {"name":"Outside %s","type":"MISSION_COMPONENT","missionId":%d}""".formatted(tag, unoci)).andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/actors/{id}", undp).with(b))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shared").value(true));
        mvc.perform(get("/api/v1/actors/{id}", undp).with(viewer)).andExpect(status().isOk());
        update(b, undp, """
                        {"version":1,"name":"UNDP %s","acronym":"UNDP","type":"UN_ENTITY","countryCode":"USA"}""".formatted(tag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acronym").value("UNDP"));
        update(viewer, undp, """
                        {"version":2,"name":"UNDP %s","type":"UN_ENTITY"}""".formatted(tag)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/actors/{id}", undp).with(a))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.countryCode").value("USA"));
    }
}
