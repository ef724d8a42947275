package org.bluehelm.context;

import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.bluehelm.test.TestApi.userScopedToMission;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Context assessments (every factor scored, history kept), the risk register with optimistic
 * locking, a trigger raising its risk when a committed value crosses the threshold and asking for a
 * strategy review, a revision answering it, and scope.
 */
@IntegrationTest
class ContextRiskIT {

    @Autowired
    MockMvc mvc;

    private static final String FACTORS = """
            [{"factor":"POLITICAL_WILL","score":%d,"evidence":"Cabinet endorsed the national security strategy"},
             {"factor":"RESOURCES","score":2},{"factor":"FRAGMENTATION","score":3},{"factor":"CORRUPTION","score":2},
             {"factor":"SPOILERS","score":3},{"factor":"LOCAL_OWNERSHIP","score":3},{"factor":"PUBLIC_TRUST","score":2}]""";

    @Test
    void anAssessmentScoresEveryFactorAndHistoryIsKept() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        post("/api/v1/context/assessments", admin(), """
                        {"missionId":%d,"assessedOn":"2025-01-15","kind":"PERIODIC","scores":[{"factor":"RESOURCES","score":7}]}""".formatted(unmil))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("scores[0].score")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("scores")));
        long first = id(post("/api/v1/context/assessments", admin(), """
                        {"missionId":%d,"assessedOn":"2024-01-15","kind":"BEFORE_MISSION","scores":%s}""".formatted(unmil, FACTORS.formatted(2)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.countryCode").value("LBR"))
                .andExpect(jsonPath("$.overall").value(2.43)));
        long second = id(post("/api/v1/context/assessments", admin(), """
                        {"missionId":%d,"assessedOn":"%s","kind":"PERIODIC","scores":%s}""".formatted(
                                unmil, LocalDate.now(), FACTORS.formatted(5)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scores[0].factor").value("POLITICAL_WILL"))
                .andExpect(jsonPath("$.scores[0].evidence").value("Cabinet endorsed the national security strategy"))
                .andExpect(jsonPath("$.overall").value(2.86)));
        mvc.perform(get("/api/v1/context/assessments")
                        .param("mission", String.valueOf(unmil))
                        .with(admin()))
                .andExpect(jsonPath("$.items[0].id").value((int) second))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) first)));
        RequestPostProcessor somalia = userScopedToMission(mvc, "VIEWER", missionId(mvc, "UNOSOM II"));
        mvc.perform(get("/api/v1/context/assessments/" + first).with(somalia)).andExpect(status().isNotFound());
    }

    @Test
    void aThresholdCrossedRaisesTheRiskAndAsksForAStrategyReviewThatARevisionAnswers() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long indicator =
                org.bluehelm.indicator.IndicatorFixtures.id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        long unit = orgUnit(mvc, "LBR");
        String risk = """
                {"missionId":%d,"title":"Unrest around the elections","likelihood":2,"impact":4,"owner":"admin",
                 "mitigation":"Joint patrols","reviewDate":"2030-01-01","version":%%d,
                 "triggers":[{"indicatorId":%d,"orgUnitId":%d,"comparison":"ABOVE","threshold":50}]}""".formatted(unmil, indicator, unit);
        post("/api/v1/risks", admin(), """
                        {"missionId":%d,"title":"","likelihood":9,"owner":"nobody-here","triggers":[{"threshold":1}]}""".formatted(unmil))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("likelihood")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("impact")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("owner")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("triggers[0].indicatorId")));
        long id = id(post("/api/v1/risks", admin(), risk.formatted(0))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.level").value(8)));
        mvc.perform(put("/api/v1/risks/" + id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(risk.formatted(1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/v1/risks/" + id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(risk.formatted(1)))
                .andExpect(status().isConflict());

        value(indicator, unit, "2026Q1", "40");
        mvc.perform(get("/api/v1/risks/" + id).with(admin()))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.reviewRequestedAt").value(nullValue()));
        value(indicator, unit, "2026Q2", "75");
        mvc.perform(get("/api/v1/risks/" + id).with(admin()))
                .andExpect(jsonPath("$.status").value("TRIGGERED"))
                .andExpect(jsonPath("$.likelihood").value(3))
                .andExpect(jsonPath("$.reviewReason", containsString("was 75 in 2026Q2, above the threshold 50")))
                .andExpect(jsonPath("$.triggers[0].firedPeriod").value("2026Q2"));
        mvc.perform(get("/api/v1/risks")
                        .param("q", "Unrest around the elections")
                        .param("owner", "admin")
                        .param("reviewRequested", "true")
                        .param("size", "200")
                        .with(admin()))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        // still above: the fired trigger does not raise the risk again
        value(indicator, unit, "2026Q3", "80");
        mvc.perform(get("/api/v1/risks/" + id).with(admin()))
                .andExpect(jsonPath("$.likelihood").value(3));

        post("/api/v1/context/revisions", admin(), """
                        {"missionId":%d,"revisedOn":"%s","whatChanged":"Patrols doubled in the county","reason":"Unrest indicator above 50","riskId":%d}""".formatted(unmil, LocalDate.now(), id))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.riskTitle").value("Unrest around the elections"));
        mvc.perform(get("/api/v1/risks/" + id).with(admin()))
                .andExpect(jsonPath("$.reviewRequestedAt").value(nullValue()))
                .andExpect(jsonPath("$.status").value("TRIGGERED"));
        mvc.perform(get("/api/v1/risks")
                        .param("q", "Unrest around the elections")
                        .param("reviewRequested", "true")
                        .param("size", "200")
                        .with(admin()))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));

        RequestPostProcessor somalia = userScopedToMission(mvc, "MISSION_MANAGER", missionId(mvc, "UNOSOM II"));
        mvc.perform(get("/api/v1/risks/" + id).with(somalia)).andExpect(status().isNotFound());
        post("/api/v1/risks", somalia, risk.formatted(0))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("triggers[0].indicatorId"));
        post("/api/v1/risks", somalia, """
                        {"missionId":%d,"title":"Elsewhere","likelihood":2,"impact":2,"owner":"admin"}""".formatted(unmil)).andExpect(status().isForbidden());
    }

    private void value(long indicator, long unit, String period, String value) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%s}"
                                .formatted(indicator, unit, period, value)))
                .andExpect(status().is2xxSuccessful());
    }

    private ResultActions post(String path, RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
