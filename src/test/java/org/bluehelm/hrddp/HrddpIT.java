package org.bluehelm.hrddp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.bluehelm.test.TestApi.userScopedToMission;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bluehelm.complaint.CaseDeleted;
import org.bluehelm.complaint.CaseSubstantiated;
import org.bluehelm.complaint.ComplaintCategory;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Supports to non-UN security forces through the API: validation, optimistic locking, activation
 * only after an assessment that decides to proceed, flags raised by substantiated grave cases on the
 * implicated unit and the units above and below it, cleared by a reassessment, and scope.
 */
@IntegrationTest
class HrddpIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UserDetailsService userDetails;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private static final String FUTURE = LocalDate.now().plusMonths(6).toString();

    @Test
    void aSupportIsCreatedValidatedAndChangedOnlyFromTheVersionRead() throws Exception {
        long battalion = institution(admin(), "Battalion", null);

        create(admin(), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("recipientInstitutionId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("periodFrom")));
        create(admin(), """
                        {"recipientInstitutionId":%d,"type":"TRAINING","periodFrom":"2026-06-01","periodTo":"2026-01-01",
                         "responsible":["nobody-%s"]}""".formatted(battalion, tag))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("periodTo", "responsible")));
        create(admin(), """
                        {"recipientInstitutionId":%d,"type":"TRAINING","periodFrom":"2026-01-01","status":"ACTIVE"}""".formatted(battalion))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        create(admin(), """
                        {"recipientInstitutionId":%d,"type":"TRAINNG","periodFrom":"2026-01-01"}""".formatted(battalion))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(get("/api/v1/hrddp/supports")
                        .param("recipient", String.valueOf(battalion))
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(0));

        ResultActions created = create(admin(), """
                        {"recipientInstitutionId":%d,"type":"FUEL_RATIONS","periodFrom":"2026-01-01","periodTo":"2026-12-31",
                         "description":"Fuel for patrols %s"}""".formatted(battalion, tag))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("PLANNED"))
                .andExpect(jsonPath("$.countryCode").value("LBR"))
                .andExpect(jsonPath("$.responsible[0]").value("admin"))
                .andExpect(jsonPath("$.recipientName").value("Battalion " + tag));
        long support = id(created);

        String change = """
                {"recipientInstitutionId":%d,"type":"LOGISTICS","periodFrom":"2026-01-01","status":"PLANNED",
                 "description":"Trucks %s","version":%d}""";
        update(admin(), support, change.formatted(battalion, tag, 1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("LOGISTICS"))
                .andExpect(jsonPath("$.version").value(2));
        update(admin(), support, change.formatted(battalion, tag, 1))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        update(admin(), support, """
                        {"recipientInstitutionId":%d,"type":"LOGISTICS","periodFrom":"2026-01-01","status":"PLANNED"}""".formatted(battalion))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(get("/api/v1/hrddp/supports").param("q", "trucks " + tag).with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].type").value("LOGISTICS"));

        mvc.perform(delete("/api/v1/hrddp/supports/{id}", support)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/hrddp/supports/{id}", support)
                        .param("version", "2")
                        .with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/hrddp/supports/{id}", support).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void aSupportBecomesActiveOnlyOnceAnAssessmentDecidesToProceed() throws Exception {
        long unit = institution(admin(), "Police unit", null);
        long support = support(admin(), unit, "JOINT_OPERATIONS");

        activate(support)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("has none")));

        assess(support, """
                        {"violationsLevel":"ALLEGATIONS","violationsRecord":"","overallRisk":"HIGH","decision":"PROCEED_WITH_MITIGATION",
                         "reviewDate":"2020-01-01","mitigations":[]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field", containsInAnyOrder("violationsRecord", "reviewDate", "mitigations")));
        mvc.perform(get("/api/v1/hrddp/supports/{id}/assessments", support).with(admin()))
                .andExpect(jsonPath("$.length()").value(0));

        assess(support, assessment("DO_NOT_PROCEED", "[]")).andExpect(status().isCreated());
        activate(support)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(
                        jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("DO_NOT_PROCEED")));

        assess(
                        support,
                        assessment(
                                "PROCEED_WITH_MITIGATION",
                                "[{\"text\":\"Vet commanders\",\"status\":\"IN_PLACE\"},{\"text\":\"Human rights training\"}]"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mitigations[1].status").value("OPEN"))
                .andExpect(jsonPath("$.assessedBy").value("admin"));
        activate(support)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(get("/api/v1/hrddp/supports/{id}", support).with(admin()))
                .andExpect(jsonPath("$.currentAssessment.decision").value("PROCEED_WITH_MITIGATION"))
                .andExpect(jsonPath("$.reviewOverdue").value(false));

        mvc.perform(post("/api/v1/hrddp/supports/{id}/monitoring", support)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"observation\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("observedOn", "observation")));
        mvc.perform(post("/api/v1/hrddp/supports/{id}/monitoring", support)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"observedOn\":\"%s\",\"observation\":\"Vetting done\",\"mitigationRespected\":true}"
                                .formatted(LocalDate.now())))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/hrddp/supports/{id}/monitoring", support).with(admin()))
                .andExpect(jsonPath("$[0].observation").value("Vetting done"))
                .andExpect(jsonPath("$[0].mitigationRespected").value(true));

        assess(support, assessment("SUSPEND", "[]")).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/hrddp/supports/{id}", support).with(admin()))
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.currentAssessment.decision").value("SUSPEND"));
        mvc.perform(get("/api/v1/hrddp/supports/{id}/assessments", support).with(admin()))
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].decision").value("SUSPEND"));
    }

    @Test
    void aSubstantiatedGraveCaseFlagsSupportToTheUnitItsCommandAndItsSubunitsUntilReassessed() throws Exception {
        long army = institution(admin(), "Army", null);
        long brigade = institution(admin(), "Brigade", army);
        long battalion = institution(admin(), "Battalion", brigade);
        long company = institution(admin(), "Company", battalion);
        long siblingBattalion = institution(admin(), "Other battalion", brigade);
        long unrelated = institution(admin(), "Police", null);

        long toBattalion = support(admin(), battalion, "TRAINING");
        long toBrigade = support(admin(), brigade, "FUEL_RATIONS");
        long toCompany = support(admin(), company, "LOGISTICS");
        long toArmy = support(admin(), army, "ADVISORY");
        long toSibling = support(admin(), siblingBattalion, "TRAINING");
        long toUnrelated = support(admin(), unrelated, "TRAINING");
        long ended = support(admin(), battalion, "INFRASTRUCTURE");
        mvc.perform(put("/api/v1/hrddp/supports/{id}", ended)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"recipientInstitutionId":%d,"type":"INFRASTRUCTURE","periodFrom":"2025-01-01",
                                 "status":"ENDED","version":1}""".formatted(battalion)))
                .andExpect(status().isOk());

        long otherCase = caseNumber();
        substantiate(otherCase, ComplaintCategory.CORRUPTION_EXTORTION, battalion);
        for (long support : List.of(toBattalion, toBrigade, toCompany, toArmy, toSibling, toUnrelated, ended)) {
            flags(support).andExpect(jsonPath("$.length()").value(0));
        }

        long grave = caseNumber();
        substantiate(grave, ComplaintCategory.TORTURE_ILL_TREATMENT, battalion);
        substantiate(grave, ComplaintCategory.TORTURE_ILL_TREATMENT, battalion); // delivered twice: one flag
        for (long support : List.of(toBattalion, toBrigade, toCompany, toArmy)) {
            flags(support)
                    .andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].state").value("OPEN"))
                    .andExpect(jsonPath("$[0].caseId").value(grave))
                    .andExpect(jsonPath("$[0].caseCategory").value("TORTURE_ILL_TREATMENT"));
        }
        for (long support : List.of(toSibling, toUnrelated, ended)) {
            flags(support).andExpect(jsonPath("$.length()").value(0));
        }
        mvc.perform(get("/api/v1/hrddp/supports")
                        .param("q", tag)
                        .param("flagged", "true")
                        .param("size", "50")
                        .with(admin()))
                .andExpect(jsonPath(
                        "$.items[*].id",
                        containsInAnyOrder((int) toBattalion, (int) toBrigade, (int) toCompany, (int) toArmy)));
        mvc.perform(get("/api/v1/hrddp/supports/{id}", toBrigade).with(admin()))
                .andExpect(jsonPath("$.openFlags.length()").value(1));

        // a reassessment clears the flag
        assess(toBrigade, assessment("PROCEED", "[]")).andExpect(status().isCreated());
        flags(toBrigade)
                .andExpect(jsonPath("$[0].state").value("CLEARED"))
                .andExpect(jsonPath("$[0].clearedByAssessment").isNumber());

        // or an acknowledgement with a note
        String companyFlags = flags(toCompany).andReturn().getResponse().getContentAsString();
        long flag = ((Number) JsonPath.read(companyFlags, "$[0].id")).longValue();
        acknowledge(toCompany, flag, "{\"note\":\"\",\"version\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        acknowledge(toCompany, flag, "{\"note\":\"Company was not deployed at the time\",\"version\":1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ACKNOWLEDGED"));
        acknowledge(toCompany, flag, "{\"note\":\"Again\",\"version\":2}").andExpect(status().isConflict());
        mvc.perform(get("/api/v1/audit")
                        .param("recordType", "hrddp_flag")
                        .param("recordId", String.valueOf(flag))
                        .with(admin()))
                .andExpect(jsonPath("$.items[*].action", containsInAnyOrder("CREATE", "UPDATE")))
                .andExpect(jsonPath("$.items[?(@.action == 'CREATE')].actor").value(hasItem("system")));

        mvc.perform(get("/api/v1/hrddp/supports")
                        .param("q", tag)
                        .param("flagged", "true")
                        .param("size", "50")
                        .with(admin()))
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder((int) toBattalion, (int) toArmy)));

        // the case is deleted under retention: flags stay, without the case number
        transactions.executeWithoutResult(s -> events.publishEvent(new CaseDeleted(grave)));
        for (long support : List.of(toBattalion, toBrigade, toCompany, toArmy)) {
            flags(support)
                    .andExpect(jsonPath("$.length()").value(1))
                    .andExpect(jsonPath("$[0].caseId").doesNotExist())
                    .andExpect(jsonPath("$[0].caseDeleted").value(true))
                    .andExpect(jsonPath("$[0].caseCategory").value("TORTURE_ILL_TREATMENT"));
        }
        flags(toBattalion).andExpect(jsonPath("$[0].state").value("OPEN"));
    }

    @Test
    void theResponsiblePeopleSeeTheFlagCountAndOthersOutOfScopeSeeNothing() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long unoci = missionId(mvc, "UNOCI");
        RequestPostProcessor manager = userScopedToMission(mvc, "MISSION_MANAGER", unmil);
        RequestPostProcessor viewer = userScopedToMission(mvc, "VIEWER", unmil);
        RequestPostProcessor outsider = userScopedToMission(mvc, "MISSION_MANAGER", unoci);
        String managerName = username(manager);

        long unit = institution(admin(), "Scoped unit", null);
        long support = id(create(manager, """
                        {"recipientInstitutionId":%d,"type":"TRAINING","periodFrom":"2026-01-01","missionId":%d,
                         "description":"Scoped %s"}""".formatted(unit, unmil, tag))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.responsible[0]").value(managerName)));
        create(manager, """
                        {"recipientInstitutionId":%d,"type":"TRAINING","periodFrom":"2026-01-01","missionId":%d}""".formatted(unit, unoci))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("missionId"));

        mvc.perform(get("/api/v1/hrddp/supports/{id}", support).with(viewer)).andExpect(status().isOk());
        create(viewer, """
                        {"recipientInstitutionId":%d,"type":"TRAINING","periodFrom":"2026-01-01"}""".formatted(unit)).andExpect(status().isForbidden());
        assess(support, viewer, assessment("PROCEED", "[]")).andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/hrddp/supports/{id}", support).with(outsider)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/hrddp/supports/{id}/flags", support).with(outsider))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/hrddp/supports/{id}/assessments", support).with(outsider))
                .andExpect(status().isNotFound());
        update(outsider, support, """
                        {"recipientInstitutionId":%d,"type":"TRAINING","periodFrom":"2026-01-01","status":"PLANNED",
                         "version":1}""".formatted(unit)).andExpect(status().isNotFound());
        assess(support, outsider, assessment("PROCEED", "[]")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/hrddp/supports").param("q", tag).with(outsider))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/hrddp/{id}", support).with(page(outsider))).andExpect(status().isNotFound());

        substantiate(caseNumber(), ComplaintCategory.SGBV, unit);
        mvc.perform(get("/api/v1/hrddp/supports")
                        .param("q", tag)
                        .param("mine", "true")
                        .param("flagged", "true")
                        .with(manager))
                .andExpect(jsonPath("$.total").value(1));
        String page = mvc.perform(get("/hrddp/{id}", support).with(page(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"nav-hrddp-flag-count\"").contains("Sexual or gender-based violence");
        String viewerPage = mvc.perform(get("/hrddp/{id}", support).with(page(viewer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(viewerPage).contains("Sexual or gender-based violence").doesNotContain("nav-hrddp-flag-count");
        mvc.perform(get("/api/v1/hrddp/supports")
                        .param("q", tag)
                        .param("flagged", "true")
                        .with(outsider))
                .andExpect(jsonPath("$.total").value(0));
    }

    // ------------------------------------------------------------------ steps

    private long institution(RequestPostProcessor user, String name, Long parent) throws Exception {
        return id(mvc.perform(post("/api/v1/institutions")
                        .with(user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s %s","pillar":"DEFENCE","countryCode":"LBR","parentId":%s}""".formatted(name, tag, parent)))
                .andExpect(status().isCreated()));
    }

    private long support(RequestPostProcessor user, long recipient, String type) throws Exception {
        return id(create(user, """
                        {"recipientInstitutionId":%d,"type":"%s","periodFrom":"2026-01-01","description":"Support %s"}""".formatted(recipient, type, tag)).andExpect(status().isCreated()));
    }

    private ResultActions create(RequestPostProcessor user, String json) throws Exception {
        return mvc.perform(post("/api/v1/hrddp/supports")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions update(RequestPostProcessor user, long id, String json) throws Exception {
        return mvc.perform(put("/api/v1/hrddp/supports/{id}", id)
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions activate(long support) throws Exception {
        String body = mvc.perform(get("/api/v1/hrddp/supports/{id}", support).with(admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int version = JsonPath.read(body, "$.version");
        long recipient = ((Number) JsonPath.read(body, "$.recipientInstitutionId")).longValue();
        String type = JsonPath.read(body, "$.type");
        return update(admin(), support, """
                        {"recipientInstitutionId":%d,"type":"%s","periodFrom":"2026-01-01","status":"ACTIVE",
                         "version":%d}""".formatted(recipient, type, version));
    }

    private static String assessment(String decision, String mitigations) {
        return """
                {"violationsLevel":"ALLEGATIONS","violationsRecord":"Two allegations of ill-treatment in 2025",
                 "commandResponsibility":"Commander in post since 2024","overallRisk":"MEDIUM",
                 "decision":"%s","reviewDate":"%s","mitigations":%s}""".formatted(decision, FUTURE, mitigations);
    }

    private ResultActions assess(long support, String json) throws Exception {
        return assess(support, admin(), json);
    }

    private ResultActions assess(long support, RequestPostProcessor user, String json) throws Exception {
        return mvc.perform(post("/api/v1/hrddp/supports/{id}/assessments", support)
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions flags(long support) throws Exception {
        return mvc.perform(get("/api/v1/hrddp/supports/{id}/flags", support).with(admin()))
                .andExpect(status().isOk());
    }

    private ResultActions acknowledge(long support, long flag, String json) throws Exception {
        return mvc.perform(post("/api/v1/hrddp/supports/{id}/flags/{flag}/acknowledge", support, flag)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    /** Publishes, as the complaint module does when it closes a case, in a transaction that commits. */
    private void substantiate(long caseId, ComplaintCategory category, long institution) {
        transactions.executeWithoutResult(s -> events.publishEvent(new CaseSubstantiated(
                caseId, category, "LBR", Set.of(institution), OffsetDateTime.now(ZoneOffset.UTC))));
    }

    private static long caseNumber() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
    }

    /** The same user signed in to the screens (the API signs in with HTTP Basic, the screens with a session). */
    private RequestPostProcessor page(RequestPostProcessor apiUser) throws Exception {
        return user(userDetails.loadUserByUsername(username(apiUser)));
    }

    private String username(RequestPostProcessor user) throws Exception {
        String body = mvc.perform(get("/api/v1/me").with(user))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.username");
    }
}
