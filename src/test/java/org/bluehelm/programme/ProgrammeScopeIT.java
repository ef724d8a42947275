package org.bluehelm.programme;

import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.bluehelm.test.TestApi.userScopedToMission;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.bluehelm.indicator.IndicatorFixtures;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Two mission managers, one scoped to UNMIL (Liberia) and one to UNOCI (Cote d'Ivoire): neither can
 * list, read, change or delete the other's programmes, create one outside their scope, or measure
 * their own programme with the other's indicators.
 */
@IntegrationTest
class ProgrammeScopeIT {

    @Autowired
    MockMvc mvc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private ResultActions send(RequestPostProcessor user, String path, String json) throws Exception {
        return mvc.perform(
                post(path).with(user).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions change(RequestPostProcessor user, long id, String json) throws Exception {
        return mvc.perform(put("/api/v1/programmes/{id}", id)
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private static String programme(String code, String country, long mission, long lead, String results) {
        return """
                {"code":"%s","name":"Programme %s","pillar":"JUSTICE","countryCode":"%s","missionId":%d,
                 "leadActorId":%d,"status":"ACTIVE","results":[%s]}""".formatted(code, code, country, mission, lead, results);
    }

    @Test
    void usersScopedToDifferentMissionsCannotReachEachOthersProgrammes() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long unoci = missionId(mvc, "UNOCI");
        RequestPostProcessor a = userScopedToMission(mvc, "MISSION_MANAGER", unmil);
        RequestPostProcessor b = userScopedToMission(mvc, "MISSION_MANAGER", unoci);

        long liberianLead = id(send(a, "/api/v1/actors", """
                        {"name":"Liberian Judiciary %s","type":"SECURITY_INSTITUTION","countryCode":"LBR"}""".formatted(tag)).andExpect(status().isCreated()));
        long ivorianLead = id(send(b, "/api/v1/actors", """
                        {"name":"Ministere de la Justice %s","type":"HOST_MINISTRY","countryCode":"CIV"}""".formatted(tag)).andExpect(status().isCreated()));
        long ivorianIndicator =
                IndicatorFixtures.id(createIndicator(mvc, b, "\"missionId\":" + unoci + ",\"countryCode\":\"CIV\""));
        long liberianIndicator =
                IndicatorFixtures.id(createIndicator(mvc, a, "\"missionId\":" + unmil + ",\"countryCode\":\"LBR\""));

        String outcome = "{\"code\":\"OC1\",\"level\":\"OUTCOME\",\"title\":\"Courts work\",\"indicatorIds\":[%d]}";
        String aJson = programme("LBR-JUS-" + tag, "LBR", unmil, liberianLead, outcome.formatted(liberianIndicator));
        String bJson = programme("CIV-JUS-" + tag, "CIV", unoci, ivorianLead, outcome.formatted(ivorianIndicator));
        long aProgramme = id(send(a, "/api/v1/programmes", aJson).andExpect(status().isCreated()));
        long bProgramme = id(send(b, "/api/v1/programmes", bJson).andExpect(status().isCreated()));

        mvc.perform(get("/api/v1/programmes").param("q", tag).with(a))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[*].id", contains((int) aProgramme)));
        mvc.perform(get("/api/v1/programmes")
                        .param("q", tag)
                        .param("country", "CIV")
                        .with(a))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/programmes")
                        .param("actor", String.valueOf(ivorianLead))
                        .with(a))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/programmes").param("q", tag).with(b))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[*].id", contains((int) bProgramme)));
        mvc.perform(get("/api/v1/programmes").param("q", tag).with(admin()))
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder((int) aProgramme, (int) bProgramme)));

        mvc.perform(get("/api/v1/programmes/{id}", bProgramme).with(a)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/programmes/{id}/indicators", bProgramme).with(a))
                .andExpect(status().isNotFound());
        change(a, bProgramme, "{\"version\":1," + aJson.substring(1).replace("LBR-JUS-", "TAKEN-"))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/programmes/{id}", bProgramme)
                        .param("version", "1")
                        .with(a))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/programmes/{id}", aProgramme).with(b)).andExpect(status().isNotFound());

        // Creating in, or moving to, a scope one does not have is forbidden.
        send(a, "/api/v1/programmes", programme("CIV-OUT-" + tag, "CIV", unoci, liberianLead, ""))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        change(
                        a,
                        aProgramme,
                        "{\"version\":1,"
                                + programme("LBR-JUS-" + tag, "CIV", unoci, liberianLead, "")
                                        .substring(1))
                .andExpect(status().isForbidden());

        // The other user's indicator does not exist for A, so it cannot measure A's programme.
        send(
                        a,
                        "/api/v1/programmes",
                        programme("LBR-STEAL-" + tag, "LBR", unmil, liberianLead, outcome.formatted(ivorianIndicator)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("results[0].indicatorIds[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("indicator " + ivorianIndicator + " does not exist"));
        change(
                        a,
                        aProgramme,
                        "{\"version\":1,"
                                + aJson.substring(1)
                                        .replace("[" + liberianIndicator + "]", "[" + ivorianIndicator + "]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("results[0].indicatorIds[0]"));
        // ... nor can B's actor lead it.
        send(a, "/api/v1/programmes", programme("LBR-LEAD-" + tag, "LBR", unmil, ivorianLead, ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("leadActorId"));

        mvc.perform(get("/api/v1/programmes/{id}", bProgramme).with(b))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("CIV-JUS-" + tag))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/api/v1/programmes/{id}", aProgramme).with(a))
                .andExpect(jsonPath("$.countryCode").value("LBR"))
                .andExpect(jsonPath("$.results[0].indicatorIds", contains((int) liberianIndicator)))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/api/v1/programmes").param("q", tag).with(admin()))
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void aChangeKeepsThePartnersAndInstitutionsTheEditorCannotSee() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long unomil = missionId(mvc, "UNOMIL");
        RequestPostProcessor a = userScopedToMission(mvc, "MISSION_MANAGER", unmil);
        long lead = id(send(admin(), "/api/v1/actors", """
                        {"name":"Ministry of National Defense %s","type":"HOST_MINISTRY","countryCode":"LBR"}""".formatted(tag)).andExpect(status().isCreated()));
        long earlierComponent =
                id(send(admin(), "/api/v1/actors", """
                        {"name":"UNOMIL Military Observers %s","type":"MISSION_COMPONENT","missionId":%d}""".formatted(tag, unomil)).andExpect(status().isCreated()));
        long earlierInstitution = id(send(admin(), "/api/v1/institutions", """
                        {"name":"Armed Forces of UNOMIL days %s","pillar":"DEFENCE","countryCode":"LBR","missionId":%d}""".formatted(tag, unomil))
                .andExpect(status().isCreated()));
        long armedForces =
                id(send(admin(), "/api/v1/institutions", """
                        {"name":"Armed Forces of Liberia %s","pillar":"DEFENCE","countryCode":"LBR"}""".formatted(tag)).andExpect(status().isCreated()));
        long id = id(send(admin(), "/api/v1/programmes", """
                        {"code":"LBR-DEF-%s","name":"Defence reform","pillar":"DEFENCE","countryCode":"LBR",
                         "missionId":%d,"leadActorId":%d,"status":"ACTIVE",
                         "partners":[{"actorId":%d,"role":"MONITORING"}],
                         "institutionIds":[%d,%d]}""".formatted(
                                tag, unmil, lead, earlierComponent, earlierInstitution, armedForces))
                .andExpect(status().isCreated()));

        mvc.perform(get("/api/v1/programmes/{id}", id).with(a))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partners").isEmpty())
                .andExpect(jsonPath("$.institutionIds", contains((int) armedForces)));
        change(a, id, """
                        {"version":1,"code":"LBR-DEF-%s","name":"Defence reform, phase 2","pillar":"DEFENCE",
                         "countryCode":"LBR","missionId":%d,"leadActorId":%d,"status":"ACTIVE",
                         "partners":[],"institutionIds":[]}""".formatted(tag, unmil, lead))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.institutionIds").isEmpty());
        mvc.perform(get("/api/v1/programmes/{id}", id).with(admin()))
                .andExpect(jsonPath("$.name").value("Defence reform, phase 2"))
                .andExpect(jsonPath("$.partners[*].actorId", contains((int) earlierComponent)))
                .andExpect(jsonPath("$.institutionIds", contains((int) earlierInstitution)));
    }
}
