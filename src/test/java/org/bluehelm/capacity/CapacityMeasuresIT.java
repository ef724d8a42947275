package org.bluehelm.capacity;

import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.bluehelm.test.TestApi.userScopedToMission;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.bluehelm.indicator.IndicatorFixtures;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Capacity measures of an institution (coverage of its strength by competency, unit and sex,
 * knowledge gain, national trainers, continuity, retention, one-off courses), small cells suppressed
 * for viewers, the cap_ indicators published to the engine, and training set against an outcome.
 */
@IntegrationTest
class CapacityMeasuresIT {

    @Autowired
    MockMvc mvc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void coverageKnowledgeGainOwnershipContinuityRetentionAndOutcome() throws Exception {
        long hq = orgUnit("HQ");
        long unitA = orgUnit("A");
        long unitB = orgUnit("B");
        long police =
                id(json(post("/api/v1/institutions"), """
                        {"name":"Police %s","pillar":"POLICE","countryCode":"LBR","orgUnitId":%d,
                         "strength":[{"year":2026,"authorised":40,"actual":20}]}""".formatted(tag, hq)).andExpect(status().isCreated()));
        long stationA = id(json(post("/api/v1/institutions"), """
                        {"name":"Station A %s","pillar":"POLICE","countryCode":"LBR","parentId":%d,"orgUnitId":%d,
                         "strength":[{"year":2026,"authorised":12,"actual":10}]}""".formatted(tag, police, unitA))
                .andExpect(status().isCreated()));
        id(json(post("/api/v1/institutions"), """
                        {"name":"Station B %s","pillar":"POLICE","countryCode":"LBR","parentId":%d,"orgUnitId":%d}""".formatted(tag, police, unitB)).andExpect(status().isCreated()));
        long investigation = id(json(post("/api/v1/capacity/courses"), """
                        {"title":"Investigation %s","competency":"INVESTIGATION","durationDays":3,
                         "targetInstitutionId":%d,"rankLevels":["OFFICER"]}""".formatted(tag, police)));
        long gender = id(json(post("/api/v1/capacity/courses"), """
                        {"title":"Gender %s","competency":"GENDER","durationDays":1,
                         "targetInstitutionId":%d,"rankLevels":["OFFICER"]}""".formatted(tag, police)));
        long first = event(investigation, "2026-01-12", 1, 1);
        long second = event(investigation, "2026-04-20", 2, 0);
        long third = event(gender, "2026-04-27", 0, 1);
        // six people of station A in the first event, two of them again in the second; one in the gender course
        StringBuilder roster = new StringBuilder("service_number,unit,sex,pre_score,post_score\n");
        for (int i = 1; i <= 6; i++) {
            roster.append("SN-%s-%d,Station A %s,%s,40,%d\n".formatted(tag, i, tag, i == 1 ? "F" : "M", 50 + i * 2));
        }
        roster(first, roster.toString());
        roster(second, "service_number,sex\nSN-%s-1,F\nSN-%s-2,M\n".formatted(tag, tag));
        roster(third, "service_number,sex\nSN-%s-3,M\n".formatted(tag));

        mvc.perform(get("/api/v1/capacity/institutions/{id}/coverage", police).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actualStrength").value(20))
                .andExpect(jsonPath("$.trained.value").value(6))
                .andExpect(jsonPath("$.coveragePercent").value(30.0))
                .andExpect(jsonPath("$.byCompetency[?(@.key=='INVESTIGATION')].trained.value", contains(6)))
                .andExpect(jsonPath("$.byCompetency[?(@.key=='GENDER')].trained.value", contains(1)))
                .andExpect(
                        jsonPath("$.byUnit[?(@.label=='Station A %s')].coveragePercent".formatted(tag), contains(60.0)))
                .andExpect(jsonPath("$.bySex[?(@.key=='FEMALE')].trained.value", contains(1)))
                // gains 12, 14, ..., 22 for the first event: mean 17
                .andExpect(jsonPath("$.knowledgeGain").value(17.0))
                // trainers 1+1, 2+0, 0+1: 3 of 5 national
                .andExpect(jsonPath("$.nationalTrainerPercent").value(60.0))
                .andExpect(jsonPath("$.trainedMoreThanOnce.value").value(3))
                .andExpect(jsonPath("$.continuityPercent").value(50.0))
                .andExpect(jsonPath("$.stillInService.value").value(6))
                .andExpect(jsonPath("$.oneOffCourses[*].courseId", contains((int) gender)));

        // one of them leaves the service: retention falls, from the version read
        long leaver = ((Number) com.jayway.jsonpath.JsonPath.read(
                        mvc.perform(get("/api/v1/capacity/events/{id}/participants", third)
                                        .with(admin()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$[0].personId"))
                .longValue();
        int personVersion = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(get("/api/v1/capacity/people/{id}", leaver).with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.version");
        json(
                        put("/api/v1/capacity/people/{id}/in-service", leaver),
                        "{\"inService\":false,\"version\":%d}".formatted(personVersion))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inService").value(false));
        json(
                        put("/api/v1/capacity/people/{id}/in-service", leaver),
                        "{\"inService\":false,\"version\":%d}".formatted(personVersion))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/capacity/institutions/{id}/coverage", police).with(admin()))
                .andExpect(jsonPath("$.stillInService.value").value(5))
                .andExpect(jsonPath("$.retentionPercent").value(83.3));

        // a viewer (not an administrator or mission manager) sees cells under 5 suppressed
        RequestPostProcessor viewer = userScopedToMission(mvc, "VIEWER", missionId(mvc, "UNMIL"));
        mvc.perform(get("/api/v1/capacity/institutions/{id}/coverage", police).with(viewer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trained.value").value(6))
                .andExpect(jsonPath("$.bySex[?(@.key=='FEMALE')].trained.suppressed", contains(true)))
                .andExpect(jsonPath("$.bySex[?(@.key=='FEMALE')].trained.value", contains((Object) null)))
                .andExpect(jsonPath("$.trainedMoreThanOnce.suppressed").value(true));

        // the counts are published to the indicator engine, per org unit and quarter
        mvc.perform(post("/api/v1/capacity/indicators/republish").with(viewer)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/capacity/indicators/republish").with(admin())).andExpect(status().isOk());
        long trained = indicator("cap_personnel_trained");
        mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(trained))
                        .param("orgUnit", String.valueOf(unitA))
                        .param("period", "2026Q2")
                        .with(admin()))
                .andExpect(jsonPath("$.items[0].value").value(6));
        mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(indicator("cap_followup_participants")))
                        .param("orgUnit", String.valueOf(unitA))
                        .param("period", "2026Q2")
                        .with(admin()))
                .andExpect(jsonPath("$.items[0].value").value(2));
        mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(indicator("cap_national_trainers")))
                        .param("orgUnit", String.valueOf(hq))
                        .param("period", "2026Q1")
                        .with(admin()))
                .andExpect(jsonPath("$.items[0].value").value(1));

        // training against an outcome: station A trained in 2026Q1, station B not yet
        String outcome = "out_" + tag;
        long indicator =
                id(json(post("/api/v1/indicators"), IndicatorFixtures.indicatorJson("\"code\":\"" + outcome + "\"")));
        value(indicator, unitA, "2025Q4", 10);
        value(indicator, unitA, "2026Q2", 4);
        value(indicator, unitB, "2025Q4", 5);
        value(indicator, unitB, "2026Q2", 6);
        mvc.perform(get("/api/v1/capacity/institutions/{id}/outcome", police)
                        .param("indicator", outcome)
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicatorCode").value(outcome))
                .andExpect(jsonPath("$.series[?(@.period=='2026Q2')].coveragePercent", contains(30.0)))
                .andExpect(jsonPath(
                        "$.units[?(@.institutionId==%d)].firstTrained".formatted(stationA), contains("2026Q1")))
                .andExpect(jsonPath("$.trainedChange").value(-6.0))
                .andExpect(jsonPath("$.untrainedChange").value(1.0));
    }

    private long orgUnit(String name) throws Exception {
        return id(json(post("/api/v1/orgUnits"), """
                        {"code":"CAP-%s-%s","name":"%s %s","kind":"INSTITUTION_UNIT","countryCode":"LBR"}""".formatted(name, tag, name, tag))
                .andExpect(status().isCreated()));
    }

    private long event(long course, String ends, int national, int international) throws Exception {
        return id(json(post("/api/v1/capacity/events"), """
                        {"courseId":%d,"startsOn":"%s","endsOn":"%s","deliveredBy":"UNPOL","nationalTrainers":%d,
                         "internationalTrainers":%d}""".formatted(course, ends, ends, national, international))
                .andExpect(status().isCreated()));
    }

    private void roster(long event, String csv) throws Exception {
        mvc.perform(multipart("/api/v1/capacity/events/{id}/roster", event)
                        .file(new MockMultipartFile("file", "r.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(admin()))
                .andExpect(status().isOk());
    }

    private long indicator(String code) throws Exception {
        return id(mvc.perform(get("/api/v1/indicators/byCode/{code}", code).with(admin())));
    }

    private void value(long indicator, long unit, String period, int value) throws Exception {
        json(
                        post("/api/v1/dataValues"),
                        "{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%d}"
                                .formatted(indicator, unit, period, value))
                .andExpect(status().isCreated());
    }

    private ResultActions json(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body)
            throws Exception {
        return mvc.perform(
                request.with(admin()).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
