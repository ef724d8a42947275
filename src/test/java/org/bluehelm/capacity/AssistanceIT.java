package org.bluehelm.capacity;

import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.UUID;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Mentoring engagements with progress over sessions, and deliverables with milestones, through the API. */
@IntegrationTest
class AssistanceIT {

    @Autowired
    MockMvc mvc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void mentoringProgressIsTheChangeFromTheFirstRatingToTheLatest() throws Exception {
        long police = institution();
        send(post("/api/v1/capacity/mentoring"), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder("mentor", "counterpart", "institutionId", "focus", "startsOn")));
        long m = id(send(post("/api/v1/capacity/mentoring"), """
                        {"mentor":"UNPOL adviser %s","counterpart":"Deputy commissioner, operations","institutionId":%d,
                         "focus":"LEADERSHIP","startsOn":"2026-01-05"}""".formatted(tag, police))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.countryCode").value("LBR")));
        send(post("/api/v1/capacity/mentoring/{id}/sessions", m), """
                        {"heldOn":"2025-12-01","rating":6}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("heldOn", "rating")));
        send(post("/api/v1/capacity/mentoring/{id}/sessions", m), """
                        {"heldOn":"2026-01-10","rating":2}""").andExpect(status().isCreated());
        send(post("/api/v1/capacity/mentoring/{id}/sessions", m), """
                        {"heldOn":"2026-03-10","rating":4,"note":"Chairs the weekly meeting"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sessions.length()").value(2))
                .andExpect(jsonPath("$.latestRating").value(4))
                .andExpect(jsonPath("$.progress").value(2));
        int version = JsonPath.read(
                mvc.perform(get("/api/v1/capacity/mentoring/{id}", m).with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.version");
        String change = """
                {"mentor":"UNPOL adviser %s","counterpart":"Commissioner","institutionId":%d,
                 "focus":"LEADERSHIP","startsOn":"2026-01-05","version":%d}""";
        send(put("/api/v1/capacity/mentoring/{id}", m), change.formatted(tag, police, version))
                .andExpect(status().isOk());
        send(put("/api/v1/capacity/mentoring/{id}", m), change.formatted(tag, police, version))
                .andExpect(status().isConflict());
    }

    @Test
    void aDeliverableTracksItsMilestones() throws Exception {
        long police = institution();
        long d = id(send(post("/api/v1/capacity/deliverables"), """
                        {"title":"SOP on arrest and detention %s","kind":"SOP","institutionId":%d}""".formatted(tag, police))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PLANNED")));
        String past = LocalDate.now().minusDays(10).toString();
        send(post("/api/v1/capacity/deliverables/{id}/milestones", d), """
                        {"title":"First draft","dueOn":"%s"}""".formatted(past))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.milestonesOverdue").value(1));
        long milestone = ((Number) JsonPath.read(
                        mvc.perform(get("/api/v1/capacity/deliverables/{id}", d).with(admin()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.milestones[0].id"))
                .longValue();
        send(put("/api/v1/capacity/deliverables/{id}/milestones/{m}", d, milestone), """
                        {"title":"First draft","dueOn":"%s","status":"DONE"}""".formatted(past))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("doneOn"));
        send(put("/api/v1/capacity/deliverables/{id}/milestones/{m}", d, milestone), """
                        {"title":"First draft","dueOn":"%s","status":"DONE","doneOn":"%s"}""".formatted(past, past))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.milestonesDone").value(1))
                .andExpect(jsonPath("$.milestonesOverdue").value(0));
        int version = JsonPath.read(
                mvc.perform(get("/api/v1/capacity/deliverables/{id}", d).with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.version");
        send(put("/api/v1/capacity/deliverables/{id}", d), """
                        {"title":"SOP on arrest and detention %s","kind":"SOP","institutionId":%d,"status":"ADOPTED",
                         "version":%d}""".formatted(tag, police, version))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ADOPTED"));
        mvc.perform(get("/api/v1/capacity/deliverables")
                        .param("institution", String.valueOf(police))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items.length()").value(1));
    }

    private long institution() throws Exception {
        return id(send(post("/api/v1/institutions"), """
                        {"name":"Police %s","pillar":"POLICE","countryCode":"LBR"}""".formatted(tag)).andExpect(status().isCreated()));
    }

    private ResultActions send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(
                request.with(admin()).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
