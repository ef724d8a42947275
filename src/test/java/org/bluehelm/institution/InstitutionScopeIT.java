package org.bluehelm.institution;

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
 * Two mission managers, one scoped to UNMIL (Liberia) and one to UNOCI (Cote d'Ivoire): neither can
 * see, change or link to the other's institutions and oversight bodies.
 */
@IntegrationTest
class InstitutionScopeIT {

    @Autowired
    MockMvc mvc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private ResultActions send(RequestPostProcessor user, String path, String json) throws Exception {
        return mvc.perform(
                post(path).with(user).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void usersScopedToDifferentMissionsCannotReachEachOthersRecords() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long unoci = missionId(mvc, "UNOCI");
        RequestPostProcessor a = userScopedToMission(mvc, "MISSION_MANAGER", unmil);
        RequestPostProcessor b = userScopedToMission(mvc, "MISSION_MANAGER", unoci);

        long liberian =
                id(send(a, "/api/v1/institutions", """
                        {"name":"LNP %s","pillar":"POLICE","countryCode":"LBR","missionId":%d}""".formatted(tag, unmil)).andExpect(status().isCreated()));
        long ivorian = id(send(b, "/api/v1/institutions", """
                        {"name":"Police nationale %s","pillar":"POLICE","countryCode":"CIV"}""".formatted(tag)).andExpect(status().isCreated()));
        long ivorianOfMission =
                id(send(b, "/api/v1/institutions", """
                        {"name":"Prisons %s","pillar":"CORRECTIONS","countryCode":"CIV","missionId":%d}""".formatted(tag, unoci)).andExpect(status().isCreated()));
        long ivorianBody = id(send(b, "/api/v1/oversightBodies", """
                        {"name":"Inspection generale %s","type":"INSPECTORATE","countryCode":"CIV","independent":false,
                         "institutionIds":[%d,%d]}""".formatted(tag, ivorian, ivorianOfMission))
                .andExpect(status().isCreated()));

        mvc.perform(get("/api/v1/institutions").param("q", tag).with(a))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(liberian));
        mvc.perform(get("/api/v1/institutions")
                        .param("q", tag)
                        .param("country", "CIV")
                        .with(a))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/institutions").param("q", tag).with(b))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder((int) ivorian, (int) ivorianOfMission)));
        mvc.perform(get("/api/v1/institutions").param("q", tag).with(admin()))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(get("/api/v1/oversightBodies").param("q", tag).with(a))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/oversightBodies").param("q", tag).with(b))
                .andExpect(jsonPath("$.total").value(1));

        for (long id : new long[] {ivorian, ivorianOfMission}) {
            mvc.perform(get("/api/v1/institutions/{id}", id).with(a)).andExpect(status().isNotFound());
            mvc.perform(put("/api/v1/institutions/{id}", id)
                            .with(a)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"version":1,"name":"Taken over","pillar":"POLICE","countryCode":"LBR"}"""))
                    .andExpect(status().isNotFound());
            mvc.perform(delete("/api/v1/institutions/{id}", id)
                            .param("version", "1")
                            .with(a))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/institutions/{id}", liberian).with(b)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/oversightBodies/{id}", ivorianBody).with(a)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/oversightBodies/{id}", ivorianBody)
                        .with(a)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":1,"name":"Taken over","type":"OTHER","countryCode":"LBR","independent":true}"""))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/oversightBodies/{id}", ivorianBody)
                        .param("version", "1")
                        .with(a))
                .andExpect(status().isNotFound());

        send(a, "/api/v1/institutions", """
                        {"name":"Outside %s","pillar":"POLICE","countryCode":"CIV"}""".formatted(tag))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        send(a, "/api/v1/oversightBodies", """
                        {"name":"Outside %s","type":"OTHER","countryCode":"CIV","missionId":%d,"independent":true}""".formatted(tag, unoci)).andExpect(status().isForbidden());
        send(a, "/api/v1/institutions", """
                        {"name":"Outside %s","pillar":"POLICE","countryCode":"LBR","parentId":%d}""".formatted(tag, ivorian))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"))
                .andExpect(jsonPath("$.errors[0].message").value("institution " + ivorian + " does not exist"));
        send(a, "/api/v1/oversightBodies", """
                        {"name":"Outside %s","type":"OTHER","countryCode":"LBR","independent":true,"institutionIds":[%d]}""".formatted(tag, ivorian))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("institutionIds[0]"));

        mvc.perform(get("/api/v1/institutions").param("q", tag).with(admin()))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(get("/api/v1/institutions/{id}", ivorian).with(b))
                .andExpect(jsonPath("$.name").value("Police nationale " + tag))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void aChangeKeepsTheLinksToInstitutionsTheEditorCannotSee() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long unomil = missionId(mvc, "UNOMIL");
        RequestPostProcessor a = userScopedToMission(mvc, "MISSION_MANAGER", unmil);
        long earlier = id(send(admin(), "/api/v1/institutions", """
                        {"name":"Police of UNOMIL days %s","pillar":"POLICE","countryCode":"LBR","missionId":%d}""".formatted(tag, unomil))
                .andExpect(status().isCreated()));
        long shared =
                id(send(admin(), "/api/v1/institutions", """
                        {"name":"Ministry of Justice %s","pillar":"JUSTICE","countryCode":"LBR"}""".formatted(tag)).andExpect(status().isCreated()));
        long body = id(send(admin(), "/api/v1/oversightBodies", """
                        {"name":"Independent National Commission on Human Rights %s",
                         "type":"NATIONAL_HUMAN_RIGHTS_INSTITUTION","countryCode":"LBR","independent":true,
                         "institutionIds":[%d,%d]}""".formatted(tag, earlier, shared))
                .andExpect(status().isCreated()));

        mvc.perform(get("/api/v1/oversightBodies/{id}", body).with(a))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.institutionIds", containsInAnyOrder((int) shared)));
        mvc.perform(get("/api/v1/oversightBodies").param("q", tag).with(a))
                .andExpect(jsonPath("$.items[0].institutionCount").value(1));
        mvc.perform(put("/api/v1/oversightBodies/{id}", body)
                        .with(a)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":1,"name":"INCHR %s","type":"NATIONAL_HUMAN_RIGHTS_INSTITUTION",
                                 "countryCode":"LBR","independent":true,"institutionIds":[]}""".formatted(tag)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.institutionIds").isEmpty());
        mvc.perform(get("/api/v1/oversightBodies/{id}", body).with(admin()))
                .andExpect(jsonPath("$.name").value("INCHR " + tag))
                .andExpect(jsonPath("$.institutionIds", containsInAnyOrder((int) earlier)));
    }
}
