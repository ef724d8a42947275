package org.bluehelm.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.test.TestApi.admin;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A misconduct case from received to closed: the steps allowed and refused, deadlines and overdue
 * cases, a conflict when two handlers move the same case, the people involved with duplicate
 * detection, internal notes, staff-created and imported cases, and who may see and reveal what.
 */
@IntegrationTest
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class CaseWorkflowIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\">(\\d{4} \\d{4} \\d{4} \\d{4})<");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ApplicationEvents events;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    private String createUser(String role, String missionAcronym) throws Exception {
        String username = role.toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"%s","password":"%s",
                                 "roles":["%s"],"scopes":[{"type":"MISSION","value":"%d"}]}""".formatted(
                                        username, username, PASSWORD, role, TestApi.missionId(mvc, missionAcronym))))
                .andExpect(status().isCreated());
        return username;
    }

    private static RequestPostProcessor api(String username) {
        return httpBasic(username, PASSWORD);
    }

    private RequestPostProcessor ui(String username) {
        return user(users.loadUserByUsername(username));
    }

    private long institution(String name, String country) throws Exception {
        return TestApi.id(mvc.perform(post("/api/v1/institutions")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","pillar":"POLICE","countryCode":"%s"}""".formatted(name, country)))
                .andExpect(status().isCreated()));
    }

    private long body(String name, String country, long... overseen) throws Exception {
        String ids = String.join(
                ",", java.util.Arrays.stream(overseen).mapToObj(String::valueOf).toList());
        return TestApi.id(mvc.perform(post("/api/v1/oversightBodies")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","type":"INSPECTORATE","countryCode":"%s","independent":true,
                                 "institutionIds":[%s]}""".formatted(name, country, ids)))
                .andExpect(status().isCreated()));
    }

    private void addMember(long body, String username) throws Exception {
        mvc.perform(post("/complaints/bodies/{b}/members", body)
                        .with(csrf())
                        .with(ui("admin"))
                        .param("username", username))
                .andExpect(status().is3xxRedirection());
    }

    private long createCase(String description, Long institutionId) throws Exception {
        return summaryId(mvc.perform(post("/api/v1/complaints")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"category":"TORTURE_ILL_TREATMENT","description":"%s","occurredOn":"2026-02-01",
                                 "countryCode":"LBR","institutionId":%s}""".formatted(description, institutionId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.summary.source").value("STAFF"))
                .andExpect(jsonPath("$.summary.state").value("RECEIVED"))
                .andExpect(
                        jsonPath("$.summary.stageDue").value(today.plusDays(3).toString())));
    }

    private static long summaryId(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.summary.id"))
                .longValue();
    }

    private ResultActions move(long id, RequestPostProcessor as, String json) throws Exception {
        return mvc.perform(post("/api/v1/complaints/{id}/transitions", id)
                .with(as)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private int version(long id) {
        return jdbc.sql("select version from complaint where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    @Test
    void aCaseGoesFromReceivedToSubstantiatedWithDeadlinesConflictsAndAccessRules() throws Exception {
        long police = institution("Police " + tag, "LBR");
        long unit = institution("Rapid response unit " + tag, "LBR");
        long other = institution("Gendarmerie " + tag, "CIV");
        long bodyX = body("Inspectorate X " + tag, "LBR", police, unit);
        long bodyY = body("Inspectorate Y " + tag, "LBR", police);
        long foreignBody = body("Inspection CIV " + tag, "CIV", other);
        String officerX = createUser("CASE_OFFICER", "UNMIL");
        String officerY = createUser("CASE_OFFICER", "UNMIL");
        String manager = createUser("MISSION_MANAGER", "UNMIL");
        String viewer = createUser("VIEWER", "UNMIL");
        addMember(bodyX, officerX);
        addMember(bodyY, officerY);

        long id = createCase("Beaten in custody " + tag, police);

        // a step that skips the triage is refused, naming the field
        move(id, admin(), """
                        {"state":"ASSIGNED","version":1,"oversightBodyId":%d,"handler":"%s"}""".formatted(bodyX, officerX))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("state")));
        // a mission manager triages, without identities
        move(id, api(manager), """
                        {"state":"TRIAGED","version":1,"note":"credible"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.state").value("TRIAGED"))
                .andExpect(
                        jsonPath("$.summary.stageDue").value(today.plusDays(7).toString()))
                .andExpect(jsonPath("$.canReveal").value(false));
        mvc.perform(post("/api/v1/complaints/{id}/reveal", id).with(api(manager)))
                .andExpect(status().isNotFound());

        // assignment needs a body of the case's country overseeing its institution, and a member of it
        move(id, admin(), """
                        {"state":"ASSIGNED","version":2,"oversightBodyId":%d,"handler":"%s"}""".formatted(foreignBody, officerX))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("oversightBodyId")));
        move(id, admin(), """
                        {"state":"ASSIGNED","version":2,"oversightBodyId":%d,"handler":"%s"}""".formatted(bodyX, officerY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("handler")));
        assertThat(version(id)).isEqualTo(2);

        // two handlers move the same version: the second gets a conflict, not an overwrite
        move(id, admin(), """
                        {"state":"ASSIGNED","version":2,"oversightBodyId":%d,"handler":"%s"}""".formatted(bodyX, officerX))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.handler").value(officerX))
                .andExpect(
                        jsonPath("$.summary.stageDue").value(today.plusDays(14).toString()));
        move(id, api(manager), """
                        {"state":"CLOSED","version":2,"outcome":"WITHDRAWN"}""").andExpect(status().isConflict());
        assertThat(jdbc.sql("select state from complaint where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("ASSIGNED");

        // who sees the case: the officer of its body; not the officer of another body, nor a viewer
        mvc.perform(get("/api/v1/complaints/{id}", id).with(api(officerX))).andExpect(status().isOk());
        mvc.perform(get("/complaints/{id}", id).with(ui(officerX))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/complaints/{id}", id).with(api(officerY))).andExpect(status().isNotFound());
        mvc.perform(get("/complaints/{id}", id).with(ui(officerY))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/complaints/{id}/reveal", id).with(api(officerY)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/complaints").param("size", "200").with(api(officerY)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("\"id\":" + id + ","))));
        mvc.perform(get("/api/v1/complaints/{id}", id).with(api(viewer))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/complaints").with(api(viewer))).andExpect(status().isNotFound());
        mvc.perform(get("/complaints/{id}", id).with(ui(viewer))).andExpect(status().isNotFound());
        mvc.perform(get("/complaints").with(ui(viewer))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/complaints/{id}/transitions", id)
                        .with(api(viewer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\":\"UNDER_INVESTIGATION\",\"version\":3}"))
                .andExpect(status().isNotFound());

        // the handler investigates; once the stage is past its deadline the case is flagged overdue
        move(id, api(officerX), """
                        {"state":"UNDER_INVESTIGATION","version":3}""")
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.summary.stageDue").value(today.plusDays(90).toString()))
                .andExpect(jsonPath("$.summary.overdue").value(false))
                .andExpect(jsonPath("$.canReveal").value(true));
        jdbc.sql("update complaint set stage_due = :d where id = :id")
                .param("d", today.minusDays(1))
                .param("id", id)
                .update();
        mvc.perform(get("/api/v1/complaints")
                        .param("overdue", "true")
                        .param("size", "200")
                        .with(api(officerX)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        mvc.perform(get("/api/v1/complaints")
                        .param("state", "UNDER_INVESTIGATION")
                        .param("category", "TORTURE_ILL_TREATMENT")
                        .param("oversightBodyId", String.valueOf(bodyX))
                        .with(api(officerX)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        mvc.perform(get("/complaints").param("overdue", "true").with(ui(officerX)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/complaints/" + id)))
                .andExpect(content().string(containsString("id=\"overdue-mine\"")))
                .andExpect(content().string(containsString("Overdue")));
        mvc.perform(get("/complaints/{id}", id).with(ui(officerX)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"overdue-flag\"")));

        // a closing outcome other than WITHDRAWN needs an investigation, which this case had
        mvc.perform(post("/api/v1/complaints/{id}/people", id)
                        .with(api(officerX))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"ALLEGED_PERPETRATOR\",\"institutionId\":" + unit + "}"))
                .andExpect(status().isOk());
        move(id, api(officerX), """
                        {"state":"CLOSED","version":4,"outcome":"SUBSTANTIATED"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.outcome").value("SUBSTANTIATED"))
                .andExpect(jsonPath("$.summary.overdue").value(false))
                .andExpect(jsonPath("$.transitions.length()").value(5));
        List<CaseSubstantiated> substantiated = events.stream(CaseSubstantiated.class)
                .filter(e -> e.caseId() == id)
                .toList();
        assertThat(substantiated).hasSize(1);
        assertThat(substantiated.get(0).implicatedInstitutionIds()).containsExactlyInAnyOrder(police, unit);
        assertThat(substantiated.get(0).countryCode()).isEqualTo("LBR");
        // a closed case takes no further step
        move(id, admin(), """
                        {"state":"REFERRED","version":5,"referral":"DISCIPLINE"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("state")));
        // every step is in the transitions and the audit log
        assertThat(jdbc.sql("select to_state from complaint_transition where complaint_id = :id order by at, id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("RECEIVED", "TRIAGED", "ASSIGNED", "UNDER_INVESTIGATION", "CLOSED");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'complaint' and record_id = :id")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void aReferredCaseIsClosedReferredAndItsResultRecordedLater() throws Exception {
        long police = institution("Police " + tag, "LBR");
        long bodyX = body("Inspectorate R " + tag, "LBR", police);
        String officer = createUser("CASE_OFFICER", "UNMIL");
        addMember(bodyX, officer);
        long withdrawn = createCase("Withdrawn at once " + tag, null);
        move(withdrawn, admin(), "{\"state\":\"CLOSED\",\"version\":1,\"outcome\":\"SUBSTANTIATED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("outcome")));
        move(withdrawn, admin(), "{\"state\":\"CLOSED\",\"version\":1,\"outcome\":\"WITHDRAWN\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.stageDue").doesNotExist());

        long id = createCase("Extortion at the port " + tag, police);
        move(id, admin(), "{\"state\":\"TRIAGED\",\"version\":1}").andExpect(status().isOk());
        move(id, admin(), """
                        {"state":"ASSIGNED","version":2,"oversightBodyId":%d,"handler":"%s"}""".formatted(bodyX, officer)).andExpect(status().isOk());
        move(id, api(officer), "{\"state\":\"UNDER_INVESTIGATION\",\"version\":3}")
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/complaints/{id}/referral-result", id)
                        .with(api(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":4,\"referralResult\":\"SANCTIONED\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("referralResult")));
        move(id, api(officer), "{\"state\":\"REFERRED\",\"version\":4}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("referral")));
        move(id, api(officer), "{\"state\":\"REFERRED\",\"version\":4,\"referral\":\"PROSECUTION\"}")
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.summary.stageDue").value(today.plusDays(180).toString()));
        move(id, api(officer), "{\"state\":\"CLOSED\",\"version\":5,\"outcome\":\"REFERRED\"}")
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/complaints/{id}/referral-result", id)
                        .with(api(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":6,\"referralResult\":\"CONVICTED\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.referral").value("PROSECUTION"))
                .andExpect(jsonPath("$.summary.referralResult").value("CONVICTED"))
                .andExpect(jsonPath("$.summary.state").value("CLOSED"));
        assertThat(events.stream(CaseSubstantiated.class).filter(e -> e.caseId() == id))
                .isEmpty();
    }

    private String submit(String description, String address) throws Exception {
        String html = mvc.perform(post("/report")
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        })
                        .param("description", description)
                        .param("countryCode", "LBR")
                        .param("category", "SGBV")
                        .param("anonymous", "yes"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = RECEIPT.matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private long idOf(String description) {
        return jdbc.sql("select id from complaint where description = :d")
                .param("d", description)
                .query(Long.class)
                .single();
    }

    @Test
    void peopleAreMaskedDuplicatesOfferedAndNotesStayInternal(CapturedOutput output) throws Exception {
        String address = "10.77." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
        String canary = "Canary" + tag + " Zebulon-Okafor";
        String canaryContact = "+231-555-" + tag;
        String description = "Assaulted at the market " + tag;
        String receipt = submit(description, address);
        long id = idOf(description);
        // the public report now starts its first stage with a deadline
        assertThat(jdbc.sql("select stage_due from complaint where id = :id")
                        .param("id", id)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(today.plusDays(3));

        // a witness added from the case page (plain POST, then back to the page)
        mvc.perform(post("/complaints/{id}/people", id)
                        .with(csrf())
                        .with(ui("admin"))
                        .param("role", "WITNESS")
                        .param("name", canary)
                        .param("contact", canaryContact))
                .andExpect(status().is3xxRedirection());
        long witness = jdbc.sql("select id from complaint_person where complaint_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        mvc.perform(get("/complaints/{id}", id).with(ui("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Person " + witness)))
                .andExpect(content().string(containsString("witness")))
                .andExpect(content().string(not(containsString(canary))))
                .andExpect(content().string(not(containsString(canaryContact))));

        // the same name (other case, spelling and spacing) is detected and the person offered to link
        long second = createCase("Second incident " + tag, null);
        String sameName = "  canary" + tag + "   ZEBULON okafor ";
        mvc.perform(post("/complaints/{id}/people", second)
                        .with(csrf())
                        .with(ui("admin"))
                        .param("role", "VICTIM")
                        .param("name", sameName))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("already recorded")))
                .andExpect(content().string(containsString("Person " + witness + " in case #" + id)));
        assertThat(count("select count(*) from complaint_person where complaint_id = :id", second))
                .isZero();
        mvc.perform(post("/complaints/{id}/people", second)
                        .with(csrf())
                        .with(ui("admin"))
                        .param("role", "VICTIM")
                        .param("name", sameName)
                        .param("duplicate", "link")
                        .param("linkTo", String.valueOf(witness)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select same_as_id from complaint_person where complaint_id = :id")
                        .param("id", second)
                        .query(Long.class)
                        .single())
                .isEqualTo(witness);
        // the API says the same, and creating anyway adds a person of its own
        mvc.perform(post("/api/v1/complaints/{id}/people", second)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"WITNESS\",\"name\":\"" + canary + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personId").doesNotExist())
                .andExpect(jsonPath("$.matches[*].personId", hasItem((int) witness)));
        mvc.perform(post("/api/v1/complaints/{id}/people", second)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"WITNESS\",\"name\":\"" + canary + "\",\"duplicate\":\"new\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personId").isNumber());
        // a person needs a name (or, for an alleged perpetrator, a unit)
        mvc.perform(post("/api/v1/complaints/{id}/people", second)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"WITNESS\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")));

        // internal notes: on the staff page, never on the reporter's follow page
        String note = "Internal: the witness fears reprisals " + tag;
        mvc.perform(post("/complaints/{id}/notes", id)
                        .with(csrf())
                        .with(ui("admin"))
                        .param("note", note))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/complaints/{id}", id).with(ui("admin")))
                .andExpect(content().string(containsString(note)));
        mvc.perform(post("/report/follow")
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        })
                        .param("receipt", receipt))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(note))))
                .andExpect(content().string(not(containsString(canary))));

        // the canary person never shows in the API, the database or the log until revealed
        mvc.perform(get("/api/v1/complaints/{id}", id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(canary))));
        mvc.perform(get("/api/v1/complaints").param("size", "200").with(admin()))
                .andExpect(content().string(not(containsString(canary))));
        for (Map<String, Object> row : jdbc.sql("select * from complaint_person where complaint_id in (:ids)")
                .param("ids", List.of(id, second))
                .query()
                .listOfRows()) {
            assertThat(row.toString())
                    .doesNotContainIgnoringCase("canary" + tag)
                    .doesNotContain(canaryContact);
        }
        mvc.perform(post("/api/v1/complaints/{id}/people/{p}/reveal", id, witness)
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(canary))
                .andExpect(jsonPath("$.contact").value(canaryContact));
        mvc.perform(post("/complaints/{id}/people/{p}/reveal", id, witness)
                        .with(csrf())
                        .with(ui("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(canary)));
        assertThat(jdbc.sql("select username from complaint_identity_reveal where person_id = :p")
                        .param("p", witness)
                        .query(String.class)
                        .list())
                .containsExactly("admin", "admin");
        assertThat(jdbc.sql("select summary from audit_entry where action = 'REVEAL'"
                                + " and record_type = 'complaint_person' and record_id = :p")
                        .param("p", String.valueOf(witness))
                        .query(String.class)
                        .list())
                .hasSize(2)
                .allSatisfy(s -> assertThat(s).doesNotContain(canary));
        assertThat(output.getAll()).doesNotContain(canary).doesNotContain(canaryContact);
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    void staffCreateCasesOnAFormAndImportThemFromCsvAllOrNothing() throws Exception {
        mvc.perform(post("/complaints/new")
                        .with(csrf())
                        .with(ui("admin"))
                        .param("category", "DISCRIMINATION")
                        .param("description", "Refused service " + tag)
                        .param("countryCode", "LBR"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select source from complaint where description = :d")
                        .param("d", "Refused service " + tag)
                        .query(String.class)
                        .single())
                .isEqualTo("STAFF");
        mvc.perform(post("/complaints/new")
                        .with(csrf())
                        .with(ui("admin"))
                        .param("category", "NOPE")
                        .param("countryCode", "XXX"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"category-error\"")))
                .andExpect(content().string(containsString("id=\"description-error\"")))
                .andExpect(content().string(containsString("id=\"countryCode-error\"")));
        // the API names the fields as the request does
        mvc.perform(post("/api/v1/complaints")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"category":"OTHER","description":"x","occurredOn":"2026-13-01","countryCode":"ZZZ",
                                 "orgUnitCode":"NO-SUCH-UNIT","institutionId":999999999}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder("occurredOn", "countryCode", "orgUnitCode", "institutionId")));
        String viewer = createUser("VIEWER", "UNMIL");
        mvc.perform(post("/api/v1/complaints")
                        .with(api(viewer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"OTHER\",\"description\":\"x\",\"countryCode\":\"LBR\"}"))
                .andExpect(status().isNotFound());

        String bad = """
                category,description,occurred_on,country,org_unit,institution_id
                EXCESSIVE_FORCE,Imported one %1$s,2026-01-03,LBR,,
                SOMETHING,Imported two %1$s,2026-13-01,ZZZ,,
                OTHER,Imported three %1$s,,LBR,NO-SUCH-UNIT,abc
                """.formatted(tag);
        mvc.perform(multipart("/complaints/import")
                        .file(new MockMultipartFile(
                                "file", "cases.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())
                        .with(ui("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was imported")))
                .andExpect(content().string(containsString("line 3 category")))
                .andExpect(content().string(containsString("line 3 occurred_on")))
                .andExpect(content().string(containsString("line 3 country")))
                .andExpect(content().string(containsString("line 4 org_unit")))
                .andExpect(content().string(containsString("line 4 institution_id")));
        assertThat(imported()).isZero();

        String good = """
                category,description,occurred_on,country,org_unit,institution_id
                EXCESSIVE_FORCE,Imported one %1$s,2026-01-03,LBR,,
                "OTHER","Imported two %1$s, with a comma",,LBR,,
                """.formatted(tag);
        mvc.perform(multipart("/complaints/import")
                        .file(new MockMultipartFile(
                                "file", "cases.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
                        .param("dryRun", "true")
                        .with(csrf())
                        .with(ui("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 case(s) would be imported")));
        assertThat(imported()).isZero();
        mvc.perform(multipart("/complaints/import")
                        .file(new MockMultipartFile(
                                "file", "cases.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())
                        .with(ui("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 case(s) imported")));
        assertThat(imported()).isEqualTo(2);
        assertThat(jdbc.sql("select distinct source from complaint where description like :d")
                        .param("d", "Imported % " + tag + "%")
                        .query(String.class)
                        .list())
                .containsExactly("IMPORT");
    }

    private long imported() {
        return jdbc.sql("select count(*) from complaint where description like :d")
                .param("d", "Imported %" + tag + "%")
                .query(Long.class)
                .single();
    }
}
