package org.bluehelm.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.id;
import static org.bluehelm.test.TestApi.missionId;
import static org.bluehelm.test.TestApi.userScopedToMission;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitCommand;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.indicator.IndicatorFixtures;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.measurement.DataValueFilter;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The 3W/4W through the API: activities validated and changed only from the version read, overlaps
 * between actors found (and not between a funder and an implementer, nor in other places or
 * periods), the matrices, needs and gaps, the HXL export and the IATI export and all-or-nothing
 * import, and scope.
 */
@IntegrationTest
class CoordinationIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    GeographyService geography;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    IndicatorService indicators;

    @Autowired
    MeasurementService measurements;

    @Autowired
    UserDetailsService users;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anActivityIsValidatedAndChangedOnlyFromTheVersionRead() throws Exception {
        long actor = actor("Donor " + tag, "DONOR_GOVERNMENT", null);
        long police = institution("Police " + tag);

        create("{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("actorId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("actorRole")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("pillar")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("supportKind")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("startDate")));
        create("""
                        {"title":"T %s","actorId":%d,"actorRole":"IMPLEMENTING","pillar":"POLICE","supportKind":"TRAINING",
                         "institutionId":%d,"countryCode":"SOM","startDate":"2026-06-01","endDate":"2026-01-01",
                         "budgetAmount":1000}""".formatted(tag, actor, police))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field", containsInAnyOrder("institutionId", "endDate", "budgetCurrency")));
        create("""
                        {"title":"T","actorId":%d,"actorRole":"LEADING","pillar":"POLICE"}""".formatted(actor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("actorRole"));

        ResultActions created = create("""
                        {"title":"Community policing %s","actorId":%d,"actorRole":"IMPLEMENTING","pillar":"POLICE",
                         "supportKind":"TRAINING","institutionId":%d,"startDate":"2026-01-01","endDate":"2026-12-31",
                         "budgetAmount":250000,"budgetCurrency":"usd"}""".formatted(tag, actor, police))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("PLANNED"))
                .andExpect(jsonPath("$.countryCode").value("LBR"))
                .andExpect(jsonPath("$.budgetCurrency").value("USD"))
                .andExpect(jsonPath("$.actorName").value("Donor " + tag))
                .andExpect(jsonPath("$.institutionName").value("Police " + tag))
                .andExpect(jsonPath("$.overlaps").isEmpty());
        long activity = id(created);

        String change = """
                {"title":"Community policing %s","actorId":%d,"actorRole":"IMPLEMENTING","pillar":"POLICE",
                 "supportKind":"MENTORING","institutionId":%d,"countryCode":"LBR","startDate":"2026-01-01",
                 "status":"ACTIVE","version":%d}""";
        update(activity, change.formatted(tag, actor, police, 1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supportKind").value("MENTORING"))
                .andExpect(jsonPath("$.version").value(2));
        update(activity, change.formatted(tag, actor, police, 1))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(get("/api/v1/coordination/activities")
                        .param("q", "community policing " + tag)
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].status").value("ACTIVE"));

        mvc.perform(delete("/api/v1/coordination/activities/{id}", activity)
                        .param("version", "1")
                        .with(admin()))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/coordination/activities/{id}", activity)
                        .header("If-Match", "\"2\"")
                        .with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/coordination/activities/{id}", activity).with(admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theFormShowsFieldErrorsAndAnEditFromAnOldVersionAsAConflict() throws Exception {
        RequestPostProcessor ui = user(userDetails.loadUserByUsername("admin"));
        long actor = actor("Form actor " + tag, "INTERNATIONAL_NGO", null);
        long police = institution("Form police " + tag);
        long activity = activity("Form " + tag, actor, "IMPLEMENTING", "TRAINING", police, "2026-01-01", null);
        mvc.perform(post("/coordination/activities").with(ui).with(csrf()).param("budgetAmount", "lots"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"budgetAmount-error\"")));
        mvc.perform(post("/coordination/activities").with(ui).with(csrf()).param("title", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"title-error\"")))
                .andExpect(content().string(containsString("id=\"actorId-error\"")));
        update(activity, """
                        {"title":"Form %s changed","actorId":%d,"actorRole":"IMPLEMENTING","pillar":"POLICE",
                         "supportKind":"TRAINING","institutionId":%d,"startDate":"2026-01-01","version":1}""".formatted(tag, actor, police)).andExpect(status().isOk());
        mvc.perform(post("/coordination/activities/{id}", activity)
                        .with(ui)
                        .with(csrf())
                        .param("title", "Form " + tag + " mine")
                        .param("actorId", String.valueOf(actor))
                        .param("actorRole", "IMPLEMENTING")
                        .param("pillar", "POLICE")
                        .param("supportKind", "TRAINING")
                        .param("institutionId", String.valueOf(police))
                        .param("countryCode", "LBR")
                        .param("startDate", "2026-01-01")
                        .param("status", "PLANNED")
                        .param("version", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"conflict\"")))
                .andExpect(content().string(containsString("Form " + tag + " changed")));
    }

    @Test
    void twoActorsGivingTheSameSupportToTheSameInstitutionAtTheSameTimeOverlap() throws Exception {
        long eu = actor("Union " + tag, "MULTILATERAL", null);
        long ngo = actor("Trainers " + tag, "INTERNATIONAL_NGO", null);
        long donor = actor("Funder " + tag, "DONOR_GOVERNMENT", null);
        long police = institution("Police " + tag);
        long courts = institution("Courts " + tag);

        long first = activity("EU training " + tag, eu, "IMPLEMENTING", "TRAINING", police, "2026-01-01", "2026-12-31");
        long funding = activity("Funding " + tag, donor, "FUNDING", "TRAINING", police, "2026-01-01", null);
        long later = activity("Later " + tag, ngo, "IMPLEMENTING", "TRAINING", police, "2027-01-01", null);
        long otherInstitution = activity("Courts " + tag, ngo, "IMPLEMENTING", "TRAINING", courts, "2026-01-01", null);
        long otherKind = activity("Kit " + tag, ngo, "IMPLEMENTING", "EQUIPMENT", police, "2026-01-01", null);
        mvc.perform(get("/api/v1/coordination/activities/{id}", first).with(admin()))
                .andExpect(jsonPath("$.overlaps").isEmpty());

        ResultActions second = create("""
                        {"title":"NGO training %s","actorId":%d,"actorRole":"LEAD","pillar":"POLICE","supportKind":"TRAINING",
                         "institutionId":%d,"startDate":"2026-06-01","endDate":"2027-03-31"}""".formatted(tag, ngo, police))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.overlaps[*].activityId", containsInAnyOrder((int) first)))
                .andExpect(jsonPath("$.overlaps[0].actorName").value("Union " + tag));
        long overlapping = id(second);
        mvc.perform(get("/api/v1/coordination/activities/{id}", first).with(admin()))
                .andExpect(jsonPath("$.overlaps[*].activityId", containsInAnyOrder((int) overlapping)));
        for (long alone : List.of(funding, later, otherInstitution, otherKind)) {
            mvc.perform(get("/api/v1/coordination/activities/{id}", alone).with(admin()))
                    .andExpect(jsonPath("$.overlaps").isEmpty());
        }
        mvc.perform(get("/api/v1/coordination/activities")
                        .param("q", tag)
                        .param("overlapping", "true")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder((int) first, (int) overlapping)));
        mvc.perform(get("/api/v1/coordination/overlaps").param("q", tag).with(admin()))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) first)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) later))));

        // the matrix flags the cell of each overlapping actor and the police institution
        String matrix = mvc.perform(get("/api/v1/coordination/matrix").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> institutions = JsonPath.read(matrix, "$.institutions");
        int policeColumn = institutions.indexOf("Police " + tag);
        assertThat(policeColumn).isNotNegative();
        List<Map<String, Object>> ngoLine =
                JsonPath.read(matrix, "$.actorByInstitution[?(@.label == 'Trainers " + tag + "')]");
        assertThat(ngoLine).hasSize(1);
        List<Map<String, Object>> cells = JsonPath.read(ngoLine.get(0), "$.cells");
        assertThat(cells.get(policeColumn)).containsEntry("count", 3).containsEntry("overlapping", 1);
        assertThat(ngoLine.get(0)).containsEntry("total", 4);

        // ended one day before the other starts: no longer an overlap
        update(first, """
                        {"title":"EU training %s","actorId":%d,"actorRole":"IMPLEMENTING","pillar":"POLICE",
                         "supportKind":"TRAINING","institutionId":%d,"startDate":"2026-01-01","endDate":"2026-05-31",
                         "version":1}""".formatted(tag, eu, police))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overlaps").isEmpty());
    }

    @Test
    void aNeedThatNoCurrentActivityAnswersIsAGap() throws Exception {
        long corrections = institution("Prisons " + tag);
        long actor = actor("Prison advisers " + tag, "INTERNATIONAL_NGO", null);
        mvc.perform(post("/api/v1/coordination/needs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"countryCode\":\"LBR\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("pillar", "description")));
        long need = id(mvc.perform(post("/api/v1/coordination/needs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"pillar":"POLICE","supportKind":"ADVISORY","institutionId":%d,"countryCode":"LBR",
                                 "description":"Prison management advice %s"}""".formatted(corrections, tag)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.gap").value(true)));
        mvc.perform(get("/api/v1/coordination/gaps").param("size", "200").with(admin()))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) need)));

        activity("Done long ago " + tag, actor, "IMPLEMENTING", "ADVISORY", corrections, "2020-01-01", "2020-12-31");
        mvc.perform(get("/api/v1/coordination/gaps").param("size", "200").with(admin()))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) need)));
        long answer =
                activity("Prison advice " + tag, actor, "IMPLEMENTING", "ADVISORY", corrections, "2024-01-01", null);
        mvc.perform(get("/api/v1/coordination/gaps").param("size", "200").with(admin()))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) need))));
        mvc.perform(get("/api/v1/coordination/needs").param("size", "200").with(admin()))
                .andExpect(
                        jsonPath("$.items[?(@.id == " + need + ")].answeredBy[*].activityId", hasItem((int) answer)));
    }

    @Test
    void anInstitutionOfAProgrammeWithAnIndicatorOffTrackAndNoSupportIsAGap() throws Exception {
        long unmil = missionId(mvc, "UNMIL");
        long unit = IndicatorFixtures.orgUnit(mvc, "LBR");
        long indicator =
                IndicatorFixtures.id(IndicatorFixtures.createIndicator(mvc, admin(), """
                "valueType":"INTEGER","direction":"HIGHER_IS_BETTER","missionId":%d,
                "baselinesAndTargets":[
                  {"kind":"BASELINE","orgUnitId":%d,"period":"2020","value":100},
                  {"kind":"TARGET","orgUnitId":%d,"period":"2024","value":200}]""".formatted(unmil, unit, unit)));
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"2022Q4\",\"value\":100}"
                                .formatted(indicator, unit)))
                .andExpect(status().isCreated());
        long police = institution("Lagging police " + tag);
        long lead = actor("Lagging lead " + tag, "INTERNATIONAL_NGO", null);
        mvc.perform(post("/api/v1/programmes")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"GAP-%s","name":"Gap test","pillar":"POLICE","countryCode":"LBR",
                                 "missionId":%d,"leadActorId":%d,"status":"ACTIVE","locationIds":[%d],
                                 "institutionIds":[%d],
                                 "results":[{"code":"OC1","level":"OUTCOME","title":"Patrols",
                                             "indicatorIds":[%d]}]}""".formatted(tag, unmil, lead, unit, police, indicator)))
                .andExpect(status().isCreated());
        String gap = "$.items[?(@.institutionId == %d)].".formatted(police);
        mvc.perform(get("/api/v1/coordination/gaps").param("size", "200").with(admin()))
                .andExpect(jsonPath(gap + "createdBy", hasItem("progress")))
                .andExpect(jsonPath(gap + "description", hasItem(containsString("GAP-" + tag + ": "))))
                .andExpect(jsonPath(gap + "description", hasItem(containsString("off track"))));

        activity("Patrol support " + tag, lead, "IMPLEMENTING", "MENTORING", police, "2024-01-01", null);
        mvc.perform(get("/api/v1/coordination/gaps").param("size", "200").with(admin()))
                .andExpect(jsonPath(gap + "createdBy").isEmpty());
        mvc.perform(get("/api/v1/coordination/needs").param("size", "200").with(admin()))
                .andExpect(jsonPath(gap + "gap", hasItem(false)));
    }

    @Test
    void activitiesAreExportedAsHxlAndIatiAndImportedFromIatiAllOrNothing() throws Exception {
        long actor = actor("=Formula Actor " + tag, "INTERNATIONAL_NGO", null);
        long police = institution("Police " + tag);
        long activity = activity("HXL " + tag, actor, "IMPLEMENTING", "TRAINING", police, "2026-01-01", null);

        String csv = mvc.perform(get("/api/v1/coordination/activities.hxl.csv").with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        assertThat(rows.get(1).toList())
                .contains(
                        "#org+name",
                        "#org+role",
                        "#sector",
                        "#adm1+name",
                        "#activity+name",
                        "#date+start",
                        "#date+end",
                        "#status",
                        "#value+budget");
        CSVRecord row = rows.stream()
                .filter(r -> r.get(0).equals(String.valueOf(activity)))
                .findFirst()
                .orElseThrow();
        assertThat(row.get(1)).isEqualTo("HXL " + tag);
        assertThat(row.get(2)).isEqualTo("'=Formula Actor " + tag);
        assertThat(row.get(3)).isEqualTo("implementing");
        assertThat(row.get(5)).isEqualTo("police");

        String xml = mvc.perform(get("/api/v1/coordination/activities.iati.xml").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(xml)
                .contains("<iati-identifier>XM-BLUEHELM-" + activity + "</iati-identifier>")
                .contains("<sector vocabulary=\"1\" code=\"15210\" percentage=\"100\"></sector>")
                .contains("<recipient-country code=\"LR\"");

        long funder = actor("Funding Ministry " + tag, "DONOR_GOVERNMENT", null);
        long implementer = actor("Implementer " + tag, "INTERNATIONAL_NGO", null);
        String document = """
                <?xml version="1.0" encoding="UTF-8"?>
                <iati-activities version="2.03">
                  <iati-activity default-currency="EUR">
                    <iati-identifier>XM-TEST-%1$s-1</iati-identifier>
                    <title><narrative>Justice &amp; police reform %1$s</narrative></title>
                    <participating-org role="1"><narrative>Funding Ministry %1$s</narrative></participating-org>
                    <participating-org role="4"><narrative>Implementer %1$s</narrative></participating-org>
                    <activity-status code="2"/>
                    <activity-date type="2" iso-date="2025-03-01"/>
                    <activity-date type="3" iso-date="2027-02-28"/>
                    <recipient-country code="LR" percentage="100"/>
                    <sector vocabulary="1" code="15210" percentage="100"/>
                    <sector vocabulary="99" code="JUSTICE" percentage="100"/>
                    <tag vocabulary="99" code="ADVISORY"/>
                    <budget type="1"><period-start iso-date="2025-03-01"/><period-end iso-date="2027-02-28"/>
                      <value value-date="2025-03-01">120000</value></budget>
                  </iati-activity>
                  %2$s
                </iati-activities>
                """;
        String unknownOrg = """
                <iati-activity>
                    <iati-identifier>XM-TEST-%s-2</iati-identifier>
                    <title><narrative>Second</narrative></title>
                    <participating-org role="4"><narrative>Nobody %s</narrative></participating-org>
                    <activity-date type="1" iso-date="2025-13-01"/>
                    <recipient-country code="LR"/>
                    <sector vocabulary="1" code="15210"/>
                  </iati-activity>""".formatted(tag, tag);
        importIati(document.formatted(tag, unknownOrg))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("line 22: activity-date")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("line 18: iati-activity, participating-org")));
        mvc.perform(get("/api/v1/coordination/activities")
                        .param("q", "police reform " + tag)
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(0));

        importIati(document.formatted(tag, ""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].title").value("Justice & police reform " + tag))
                .andExpect(jsonPath("$[0].actorId").value((int) implementer))
                .andExpect(jsonPath("$[0].actorRole").value("IMPLEMENTING"))
                .andExpect(jsonPath("$[0].pillar").value("JUSTICE"))
                .andExpect(jsonPath("$[0].supportKind").value("ADVISORY"))
                .andExpect(jsonPath("$[0].status").value("ACTIVE"))
                .andExpect(jsonPath("$[0].countryCode").value("LBR"))
                .andExpect(jsonPath("$[0].budgetAmount").value(120000))
                .andExpect(jsonPath("$[0].budgetCurrency").value("EUR"))
                .andExpect(jsonPath("$[0].iatiIdentifier").value("XM-TEST-" + tag + "-1"));
        assertThat(funder).isPositive();
    }

    @Test
    void aDoctypeOrExternalEntityIsRefused() throws Exception {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE iati-activities [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <iati-activities version="2.03">
                  <iati-activity>
                    <iati-identifier>XM-XXE-%s</iati-identifier>
                    <title><narrative>&secret;</narrative></title>
                  </iati-activity>
                </iati-activities>
                """.formatted(tag);
        String body = importIati(xxe)
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain("root:");
        mvc.perform(get("/api/v1/coordination/activities")
                        .param("q", "XM-XXE-" + tag)
                        .with(admin()))
                .andExpect(jsonPath("$.total").value(0));
        importIati("<not-iati/>")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("iati-activities")));
    }

    @Test
    void aUserOfAnotherMissionDoesNotSeeTheActivity() throws Exception {
        long actor = actor("Scoped " + tag, "INTERNATIONAL_NGO", null);
        long police = institution("Police " + tag);
        long activity = activity("Scoped " + tag, actor, "IMPLEMENTING", "TRAINING", police, "2026-01-01", null);
        RequestPostProcessor elsewhere = userScopedToMission(mvc, "MISSION_MANAGER", missionId(mvc, "UNOCI"));
        mvc.perform(get("/api/v1/coordination/activities/{id}", activity).with(elsewhere))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/coordination/activities")
                        .param("q", "scoped " + tag)
                        .with(elsewhere))
                .andExpect(jsonPath("$.total").value(0));
        RequestPostProcessor here = userScopedToMission(mvc, "VIEWER", missionId(mvc, "UNMIL"));
        mvc.perform(get("/api/v1/coordination/activities/{id}", activity).with(here))
                .andExpect(status().isOk());
    }

    @Test
    void ownershipCountsNationalLeadsAndFundingAndIsPublishedAsIndicators() throws Exception {
        long national = actor("Ministry " + tag, "HOST_MINISTRY", "LBR");
        long international = actor("Partner " + tag, "INTERNATIONAL_NGO", null);
        long police = institution("Owned Police " + tag);
        // a county below a country unit of its own: activities without an org unit of other tests
        // may be counted in a top unit of the country, never in this county
        long country = geography
                .createOrgUnit(new OrgUnitCommand("OWN-" + tag, "Country " + tag, OrgUnitKind.AREA, null, "LBR"))
                .id();
        long unit = geography
                .createOrgUnit(new OrgUnitCommand("OWN-C-" + tag, "County " + tag, OrgUnitKind.AREA, country, null))
                .id();
        create(ownershipActivity("Lead " + tag, national, "LEAD", police, unit, null))
                .andExpect(status().isCreated());
        create(ownershipActivity("Co-lead " + tag, international, "CO_LEAD", police, unit, null))
                .andExpect(status().isCreated());
        create(ownershipActivity("Fund national " + tag, national, "FUNDING", police, unit, "100"))
                .andExpect(status().isCreated());
        create(ownershipActivity("Fund partner " + tag, international, "FUNDING", police, unit, "300"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/coordination/ownership").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byInstitution[?(@.label == 'Owned Police %s')].led".formatted(tag))
                        .value(2))
                .andExpect(jsonPath("$.byInstitution[?(@.label == 'Owned Police %s')].ledNational".formatted(tag))
                        .value(1))
                .andExpect(jsonPath("$.byInstitution[?(@.label == 'Owned Police %s')].nationalLedShare".formatted(tag))
                        .value(50.0))
                .andExpect(
                        jsonPath("$.byInstitution[?(@.label == 'Owned Police %s')].nationalFundingShare".formatted(tag))
                                .value(25.0));

        mvc.perform(post("/api/v1/coordination/ownership/republish").with(admin()))
                .andExpect(status().isOk());
        assertThat(value("own_led_activities", unit, "2026")).isEqualByComparingTo("2");
        assertThat(value("own_led_national", unit, "2026")).isEqualByComparingTo("1");
        assertThat(value("own_funding", unit, "2026")).isEqualByComparingTo("400");
        assertThat(value("own_funding_national", unit, "2026")).isEqualByComparingTo("100");
    }

    @Test
    void ownershipShowsTheShareOfNationalTrainersFromTrainingEvents() throws Exception {
        long police = institution("Trained Police " + tag);
        long course = id(mvc.perform(post("/api/v1/capacity/courses")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Ownership %s","competency":"PUBLIC_ORDER","durationDays":2,
                                 "targetInstitutionId":%d,"rankLevels":["NCO"]}""".formatted(tag, police)))
                .andExpect(status().isCreated()));
        mvc.perform(post("/api/v1/capacity/events")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"courseId":%d,"startsOn":"2026-04-01","endsOn":"2026-04-02","deliveredBy":"Police academy",
                                 "nationalTrainers":3,"internationalTrainers":1}""".formatted(course)))
                .andExpect(status().isCreated());

        String line = "$.trainersByInstitution[?(@.label == 'Trained Police %s')]".formatted(tag);
        mvc.perform(get("/api/v1/coordination/ownership").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath(line + ".national").value(3))
                .andExpect(jsonPath(line + ".international").value(1))
                .andExpect(jsonPath(line + ".nationalShare").value(75.0))
                .andExpect(jsonPath("$.trainersByCountry[?(@.label == 'LBR')].national")
                        .isNotEmpty());

        String page = mvc.perform(get("/coordination/ownership").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("ownership-trainers-byInstitution", "Trained Police " + tag, "75.0 %");
    }

    private String ownershipActivity(
            String title, long actor, String role, long institution, long unit, String budget) {
        return """
                {"title":"%s","actorId":%d,"actorRole":"%s","pillar":"POLICE","supportKind":"ADVISORY",
                 "institutionId":%d,"orgUnitId":%d,"startDate":"2026-01-01","endDate":"2026-12-31",
                 "budgetAmount":%s,"budgetCurrency":%s}""".formatted(
                        title,
                        actor,
                        role,
                        institution,
                        unit,
                        budget == null ? "null" : budget,
                        budget == null ? "null" : "\"USD\"");
    }

    private BigDecimal value(String code, long unit, String period) {
        long indicator = indicators.findByCodeIgnoringScope(code).orElseThrow().id();
        return measurements
                .list(
                        new DataValueFilter(indicator, unit, null, period, null, null, null),
                        PageQuery.of(0, 10, "id", Map.of("id", "d.id"), "id"))
                .items()
                .get(0)
                .value();
    }

    // ---------------------------------------------------------------- helpers

    private long actor(String name, String type, String country) throws Exception {
        return id(mvc.perform(post("/api/v1/actors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","type":"%s","countryCode":%s}""".formatted(name, type, country == null ? "null" : "\"" + country + "\"")))
                .andExpect(status().isCreated()));
    }

    private long institution(String name) throws Exception {
        return id(mvc.perform(post("/api/v1/institutions")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"%s","pillar":"POLICE","countryCode":"LBR"}""".formatted(name)))
                .andExpect(status().isCreated()));
    }

    private long activity(
            String title, long actor, String role, String kind, long institution, String start, String end)
            throws Exception {
        return id(create("""
                        {"title":"%s","actorId":%d,"actorRole":"%s","pillar":"POLICE","supportKind":"%s",
                         "institutionId":%d,"startDate":"%s","endDate":%s}""".formatted(
                                title, actor, role, kind, institution, start, end == null ? "null" : "\"" + end + "\""))
                .andExpect(status().isCreated()));
    }

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/v1/coordination/activities")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions update(long id, String json) throws Exception {
        return mvc.perform(put("/api/v1/coordination/activities/{id}", id)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions importIati(String xml) throws Exception {
        return mvc.perform(post("/api/v1/coordination/activities/iati")
                .with(admin())
                .contentType(MediaType.APPLICATION_XML)
                .content(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
