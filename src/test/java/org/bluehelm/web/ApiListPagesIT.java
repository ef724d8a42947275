package org.bluehelm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.bluehelm.test.TestApi.userScopedToMission;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The lists that once answered bare arrays (risks, coordination meetings, mentoring, training
 * events, reports, the audit log; deliverables, my action items, documents, needs, gaps, overlaps,
 * context assessments, strategy revisions, reference series, panel sources) answer pages like every other list: {@code q} searches their
 * text case-insensitively, {@code page}, {@code size} and {@code sort} are checked, and the page
 * holds only the caller's scope. Each test searches by a tag of its own: the database is shared.
 */
@IntegrationTest
class ApiListPagesIT {

    static final List<String> LISTS = List.of(
            "/api/v1/risks",
            "/api/v1/coordination/meetings",
            "/api/v1/capacity/mentoring",
            "/api/v1/capacity/events",
            "/api/v1/reports",
            "/api/v1/audit",
            "/api/v1/capacity/deliverables",
            "/api/v1/coordination/action-items/mine",
            "/api/v1/coordination/documents",
            "/api/v1/coordination/needs",
            "/api/v1/coordination/gaps",
            "/api/v1/coordination/overlaps",
            "/api/v1/context/assessments",
            "/api/v1/context/revisions",
            "/api/v1/reference/series",
            "/api/v1/evidence/sources");

    @Autowired
    MockMvc mvc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private long unmil;

    private RequestPostProcessor elsewhere;

    @BeforeEach
    void missions() throws Exception {
        unmil = missionId(mvc, "UNMIL");
        elsewhere = userScopedToMission(mvc, "MISSION_MANAGER", missionId(mvc, "UNOCI"));
    }

    @Test
    void risksPageSearchAndSort() throws Exception {
        long low = risk("Paging risk A " + tag, 1, 2);
        long high = risk("Paging risk B " + tag, 4, 5);
        // the search ignores case; the default order is the highest level first
        pages("/api/v1/risks", high, low, "title", low, high);
        mvc.perform(get("/api/v1/risks").param("q", "joint patrols " + tag).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/risks")
                        .param("q", tag)
                        .param("mission", String.valueOf(unmil))
                        .param("country", "CIV")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/risks")
                        .param("q", tag)
                        .param("mission", String.valueOf(unmil))
                        .param("country", "lbr")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void meetingsPageSearchAndSort() throws Exception {
        long earlier = meeting("Paging meeting B " + tag, "2026-01-10");
        long later = meeting("Paging meeting A " + tag, "2026-02-10");
        // latest first by default; by title A (the later one) comes first
        pages("/api/v1/coordination/meetings", later, earlier, "title", later, earlier);
        mvc.perform(get("/api/v1/coordination/meetings")
                        .param("q", "AGENDA OF " + tag.toUpperCase(Locale.ROOT))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void mentoringPagesSearchAndSort() throws Exception {
        long institution = institution("Paging unit " + tag);
        long earlier = mentoring("Zora mentor " + tag, institution, "2026-01-05");
        long later = mentoring("Abel mentor " + tag, institution, "2026-03-05");
        pages("/api/v1/capacity/mentoring", later, earlier, "-startsOn", later, earlier);
        mvc.perform(get("/api/v1/capacity/mentoring")
                        .param("q", tag)
                        .param("sort", "mentor")
                        .with(admin()))
                .andExpect(jsonPath("$.items[0].id").value(later))
                .andExpect(jsonPath("$.items[1].id").value(earlier));
        mvc.perform(get("/api/v1/capacity/mentoring")
                        .param("q", tag)
                        .param("institution", String.valueOf(institution))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void trainingEventsPageSearchAndSort() throws Exception {
        long institution = institution("Paging police " + tag);
        long course = id(mvc.perform(post("/api/v1/capacity/courses")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Paging course %s","competency":"INVESTIGATION","durationDays":3,
                                 "targetInstitutionId":%d,"rankLevels":["OFFICER"]}""".formatted(tag, institution)))
                .andExpect(status().isCreated()));
        long earlier = event(course, "2026-03-02", "UNPOL");
        long later = event(course, "2026-05-04", "National academy");
        pages("/api/v1/capacity/events", later, earlier, "startsOn", earlier, later);
        mvc.perform(get("/api/v1/capacity/events")
                        .param("q", tag)
                        .param("course", String.valueOf(course))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(2));
        // the trainer is searched too
        mvc.perform(get("/api/v1/capacity/events")
                        .param("q", "national ACADEMY " + tag)
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(later));
    }

    @Test
    void theAuditLogPagesSearchesAndSorts() throws Exception {
        long first = risk("Audited risk one " + tag, 1, 1);
        long second = risk("Audited risk two " + tag, 1, 1);
        // the summaries of the two creations hold the tag
        String url = "/api/v1/audit";
        mvc.perform(get(url).param("q", tag.toUpperCase(Locale.ROOT))
                        .param("recordType", "risk")
                        .param("size", "1")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].recordId").value(String.valueOf(second)))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get(url).param("q", tag)
                        .param("recordType", "risk")
                        .param("sort", "seq")
                        .with(admin()))
                .andExpect(jsonPath("$.items[0].recordId").value(String.valueOf(first)))
                .andExpect(jsonPath("$.items[1].recordId").value(String.valueOf(second)));
        mvc.perform(get(url).param("q", tag)
                        .param("recordType", "risk")
                        .param("page", "1")
                        .param("size", "1")
                        .with(admin()))
                .andExpect(jsonPath("$.items[0].recordId").value(String.valueOf(first)));
        mvc.perform(get(url).param("q", tag).with(elsewhere)).andExpect(status().isForbidden());
    }

    @Test
    void deliverablesPageSearchAndSort() throws Exception {
        long institution = institution("Paging ministry " + tag);
        long first = deliverable("Zulu SOP " + tag, institution);
        long second = deliverable("Alpha SOP " + tag, institution);
        // the latest first by default; by title Alpha (the second) comes first
        pages("/api/v1/capacity/deliverables", second, first, "title", second, first);
        mvc.perform(get("/api/v1/capacity/deliverables")
                        .param("q", "zulu sop " + tag)
                        .param("institution", String.valueOf(institution))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(first));
    }

    @Test
    void myActionItemsPageSearchAndSort() throws Exception {
        long meeting = meeting("Paging action meeting " + tag, "2026-01-12");
        long later = actionItem(meeting, "Send the roster " + tag, "2026-04-01");
        long sooner = actionItem(meeting, "Send the budget " + tag, "2026-03-01");
        // the open ones first, then by due date
        pages("/api/v1/coordination/action-items/mine", sooner, later, "-dueDate", later, sooner);
        mvc.perform(get("/api/v1/coordination/action-items/mine")
                        .param("q", "the ROSTER " + tag)
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(later));
    }

    @Test
    void documentsPageSearchAndSort() throws Exception {
        long second = document("Paging plan B " + tag);
        long first = document("Paging plan A " + tag);
        // by title by default
        pages("/api/v1/coordination/documents", first, second, "-id", first, second);
        mvc.perform(get("/api/v1/coordination/documents")
                        .param("q", "plan b " + tag)
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(second));
    }

    @Test
    void needsAndGapsPageSearchAndSort() throws Exception {
        long institution = institution("Paging prisons " + tag);
        long first = need(institution, "ADVISORY", "Paging advice " + tag);
        long second = need(institution, "TRAINING", "Paging courses " + tag);
        // by country, pillar and id by default; no activity answers them, so both are gaps
        for (String list : List.of("/api/v1/coordination/needs", "/api/v1/coordination/gaps")) {
            pages(list, first, second, "-id", second, first);
            mvc.perform(get(list).param("q", "paging COURSES " + tag).with(admin()))
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].id").value(second));
            // the institution's name is searched too, and the country filters
            mvc.perform(get(list).param("q", "paging prisons " + tag).with(admin()))
                    .andExpect(jsonPath("$.total").value(2));
            mvc.perform(get(list).param("q", tag).param("country", "civ").with(admin()))
                    .andExpect(jsonPath("$.total").value(0));
        }
    }

    @Test
    void overlapsPageSearchAndSort() throws Exception {
        long institution = institution("Paging academy " + tag);
        long first = activity("Zulu training " + tag, actor("Paging union " + tag), institution);
        long second = activity("Alpha training " + tag, actor("Paging NGO " + tag), institution);
        mvc.perform(get("/api/v1/coordination/activities/{id}", first).with(admin()))
                .andExpect(jsonPath("$.overlaps[*].activityId", hasItem((int) second)));
        pages("/api/v1/coordination/overlaps", second, first, "title", second, first);
        mvc.perform(get("/api/v1/coordination/overlaps")
                        .param("q", "zulu training " + tag)
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(first));
    }

    @Test
    void contextAssessmentsAndRevisionsPageSearchAndSort() throws Exception {
        long earlier = assessment("2024-02-01", "Paging summary one " + tag);
        long later = assessment("2024-03-01", "Paging summary two " + tag);
        pages("/api/v1/context/assessments", later, earlier, "assessedOn", earlier, later);
        mvc.perform(get("/api/v1/context/assessments")
                        .param("q", "SUMMARY ONE " + tag)
                        .param("mission", String.valueOf(unmil))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(earlier));

        long before = revision("2024-02-02", "Patrols doubled " + tag);
        long after = revision("2024-03-02", "Checkpoints removed " + tag);
        pages("/api/v1/context/revisions", after, before, "revisedOn", before, after);
        // the reason is searched too
        mvc.perform(get("/api/v1/context/revisions")
                        .param("q", "reason of " + tag)
                        .param("country", "lbr")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/context/revisions")
                        .param("q", "checkpoints REMOVED " + tag)
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(after));
    }

    @Test
    void referenceSeriesPageSearchAndSort() throws Exception {
        // the shipped series: several of the Worldwide Governance Indicators
        String url = "/api/v1/reference/series";
        int wgi = JsonPath.read(
                mvc.perform(get(url).param("q", "WGI_").with(admin()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.total");
        assertThat(wgi).isGreaterThan(1);
        mvc.perform(get(url).param("q", "wgi_").param("size", "1").with(admin()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.total").value(wgi));
        mvc.perform(get(url).param("q", "wgi_rule_of_law").with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value("wgi_rule_of_law"));
        mvc.perform(get(url).param("q", "wgi_")
                        .param("sort", "code")
                        .param("size", "1")
                        .with(admin()))
                .andExpect(jsonPath("$.items[0].code", startsWith("wgi_c")));
        mvc.perform(get(url).param("q", "wgi_")
                        .param("sort", "-code")
                        .param("size", "1")
                        .with(admin()))
                .andExpect(jsonPath("$.items[0].code", startsWith("wgi_r")));
    }

    @Test
    void panelSourcesPageAndSearch() throws Exception {
        String url = "/api/v1/evidence/sources";
        int all = JsonPath.read(
                mvc.perform(get(url).with(admin()))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.items[0].id").value("reference"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.total");
        mvc.perform(get(url).param("size", "1").with(admin()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value("reference"))
                .andExpect(jsonPath("$.total").value(all));
        mvc.perform(get(url).param("q", "REFERENCE").with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value("reference"));
        mvc.perform(get(url).param("q", "no such source " + tag).with(admin()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void everyListRefusesABadSortPageOrSizeNamingTheParameter() throws Exception {
        for (String list : LISTS) {
            mvc.perform(get(list).param("sort", "bogus").with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("invalid-input"))
                    .andExpect(jsonPath("$.errors[0].field").value("sort"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("'bogus' is not a sort key")));
            mvc.perform(get(list).param("sort", "-bogus").param("format", "csv").with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("sort"));
            mvc.perform(get(list).param("page", "-1").with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("page"));
            mvc.perform(get(list).param("page", "first").with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("page"));
            mvc.perform(get(list).param("size", "201").with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("size"));
            mvc.perform(get(list).param("size", "200").with(admin()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.size").value(200))
                    .andExpect(jsonPath("$.items").isArray());
        }
    }

    /**
     * Two records found by the tag: in {@code defaultFirst, defaultSecond} order by default, in
     * {@code sortedFirst, sortedSecond} order by {@code sort}; one per page at size 1; none for a user
     * of another mission.
     */
    private void pages(
            String list, long defaultFirst, long defaultSecond, String sort, long sortedFirst, long sortedSecond)
            throws Exception {
        mvc.perform(get(list).param("q", tag.toUpperCase(Locale.ROOT)).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.items[0].id").value(defaultFirst))
                .andExpect(jsonPath("$.items[1].id").value(defaultSecond));
        mvc.perform(get(list).param("q", tag).param("size", "1").with(admin()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(defaultFirst))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get(list)
                        .param("q", tag)
                        .param("size", "1")
                        .param("page", "1")
                        .with(admin()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(defaultSecond))
                .andExpect(jsonPath("$.page").value(1));
        mvc.perform(get(list)
                        .param("q", tag)
                        .param("size", "1")
                        .param("page", "2")
                        .with(admin()))
                .andExpect(jsonPath("$.items.length()").value(0))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get(list).param("q", tag).param("sort", sort).with(admin()))
                .andExpect(jsonPath("$.items[0].id").value(sortedFirst))
                .andExpect(jsonPath("$.items[1].id").value(sortedSecond));
        String reversed = sort.startsWith("-") ? sort.substring(1) : "-" + sort;
        mvc.perform(get(list).param("q", tag).param("sort", reversed).with(admin()))
                .andExpect(jsonPath("$.items[0].id").value(sortedSecond))
                .andExpect(jsonPath("$.items[1].id").value(sortedFirst));
        mvc.perform(get(list).param("q", tag).with(elsewhere))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    private long risk(String title, int likelihood, int impact) throws Exception {
        return id(mvc.perform(post("/api/v1/risks")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"missionId":%d,"title":"%s","likelihood":%d,"impact":%d,"owner":"admin",
                                 "mitigation":"Joint patrols %s"}""".formatted(unmil, title, likelihood, impact, tag)))
                .andExpect(status().isCreated()));
    }

    private long meeting(String title, String heldOn) throws Exception {
        return id(mvc.perform(post("/api/v1/coordination/meetings")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"%s","heldOn":"%s","countryCode":"LBR","missionId":%d,
                                 "agenda":"Agenda of %s"}""".formatted(title, heldOn, unmil, tag)))
                .andExpect(status().isCreated()));
    }

    private long institution(String name) throws Exception {
        return id(mvc.perform(post("/api/v1/institutions")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","pillar":"POLICE","countryCode":"LBR","missionId":%d}""".formatted(name, unmil)))
                .andExpect(status().isCreated()));
    }

    private long mentoring(String mentor, long institution, String startsOn) throws Exception {
        return id(mvc.perform(post("/api/v1/capacity/mentoring")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"mentor":"%s","counterpart":"Deputy commissioner","institutionId":%d,
                                 "focus":"INVESTIGATION","startsOn":"%s"}""".formatted(mentor, institution, startsOn)))
                .andExpect(status().isCreated()));
    }

    private long event(long course, String startsOn, String deliveredBy) throws Exception {
        return id(mvc.perform(post("/api/v1/capacity/events")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"courseId":%d,"startsOn":"%s","endsOn":"%s","deliveredBy":"%s %s",
                                 "nationalTrainers":1,"internationalTrainers":1}""".formatted(course, startsOn, startsOn, deliveredBy, tag)))
                .andExpect(status().isCreated()));
    }

    private long deliverable(String title, long institution) throws Exception {
        return id(mvc.perform(post("/api/v1/capacity/deliverables")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"%s","kind":"SOP","institutionId":%d}""".formatted(title, institution)))
                .andExpect(status().isCreated()));
    }

    private long actionItem(long meeting, String text, String dueDate) throws Exception {
        return id(mvc.perform(post("/api/v1/coordination/meetings/{id}/action-items", meeting)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text":"%s","ownerUsername":"admin","dueDate":"%s"}""".formatted(text, dueDate)))
                .andExpect(status().isCreated()));
    }

    private long document(String title) throws Exception {
        return id(mvc.perform(multipart("/api/v1/coordination/documents")
                        .file(new MockMultipartFile(
                                "file", "plan.txt", "text/plain", "draft".getBytes(StandardCharsets.UTF_8)))
                        .param("title", title)
                        .param("kind", "JOINT_PLAN")
                        .param("countryCode", "LBR")
                        .param("missionId", String.valueOf(unmil))
                        .with(admin()))
                .andExpect(status().isCreated()));
    }

    private long need(long institution, String kind, String description) throws Exception {
        return id(mvc.perform(post("/api/v1/coordination/needs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"pillar":"POLICE","supportKind":"%s","institutionId":%d,"countryCode":"LBR",
                                 "missionId":%d,"description":"%s"}""".formatted(kind, institution, unmil, description)))
                .andExpect(status().isCreated()));
    }

    private long actor(String name) throws Exception {
        return id(mvc.perform(post("/api/v1/actors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","type":"INTERNATIONAL_NGO","countryCode":null}""".formatted(name)))
                .andExpect(status().isCreated()));
    }

    private long activity(String title, long actor, long institution) throws Exception {
        return id(mvc.perform(post("/api/v1/coordination/activities")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"%s","actorId":%d,"actorRole":"IMPLEMENTING","pillar":"POLICE",
                                 "supportKind":"TRAINING","institutionId":%d,"startDate":"2026-01-01",
                                 "endDate":"2026-12-31"}""".formatted(title, actor, institution)))
                .andExpect(status().isCreated()));
    }

    private long assessment(String assessedOn, String summary) throws Exception {
        return id(mvc.perform(post("/api/v1/context/assessments")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"missionId":%d,"assessedOn":"%s","kind":"PERIODIC","summary":"%s","scores":[
                                 {"factor":"POLITICAL_WILL","score":3},{"factor":"RESOURCES","score":2},
                                 {"factor":"FRAGMENTATION","score":3},{"factor":"CORRUPTION","score":2},
                                 {"factor":"SPOILERS","score":3},{"factor":"LOCAL_OWNERSHIP","score":3},
                                 {"factor":"PUBLIC_TRUST","score":2}]}""".formatted(unmil, assessedOn, summary)))
                .andExpect(status().isCreated()));
    }

    private long revision(String revisedOn, String whatChanged) throws Exception {
        return id(mvc.perform(post("/api/v1/context/revisions")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"missionId":%d,"revisedOn":"%s","whatChanged":"%s","reason":"Reason of %s"}""".formatted(unmil, revisedOn, whatChanged, tag)))
                .andExpect(status().isCreated()));
    }
}
