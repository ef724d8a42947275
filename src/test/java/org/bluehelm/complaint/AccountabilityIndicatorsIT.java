package org.bluehelm.complaint;

import static org.bluehelm.complaint.CaseFixtures.insertCase;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The accountability indicators published from the cases of one institution (2,000 personnel in
 * 2024, its own org unit) and read through the analytics API and pivot, by a mission manager and by
 * a partner (small cells suppressed).
 */
@IntegrationTest
class AccountabilityIndicatorsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    long unit;
    long institution;

    @BeforeEach
    void cases() throws Exception {
        unit = CaseFixtures.orgUnit(mvc);
        institution = CaseFixtures.institution(mvc, unit, 2024, 2000);
        long body = CaseFixtures.body(mvc);
        // 2024Q1: 6 received; closed 2 substantiated, 1 unsubstantiated, 1 withdrawn
        insertCase(
                jdbc,
                "EXCESSIVE_FORCE",
                institution,
                body,
                "2024-01-05T08:00:00Z",
                "2024-01-15T08:00:00Z",
                "SUBSTANTIATED",
                null,
                null,
                null);
        insertCase(
                jdbc,
                "EXCESSIVE_FORCE",
                institution,
                body,
                "2024-01-10T00:00:00Z",
                "2024-02-09T00:00:00Z",
                "UNSUBSTANTIATED",
                null,
                null,
                null);
        insertCase(
                jdbc,
                "SGBV",
                institution,
                body,
                "2024-02-01T00:00:00Z",
                "2024-03-02T00:00:00Z",
                "SUBSTANTIATED",
                null,
                null,
                null);
        insertCase(
                jdbc,
                "OTHER",
                institution,
                body,
                "2024-02-15T00:00:00Z",
                "2024-03-31T10:00:00Z",
                "WITHDRAWN",
                null,
                null,
                null);
        insertCase(jdbc, "OTHER", institution, body, "2024-03-20T00:00:00Z", null, null, null, null, null);
        insertCase(jdbc, "OTHER", institution, null, "2024-03-30T00:00:00Z", null, null, null, null, null);
    }

    private long indicator(String code) {
        return jdbc.sql("select id from indicator where code = :code")
                .param("code", code)
                .query(Long.class)
                .single();
    }

    private ResultActions analytics(RequestPostProcessor user, String code) throws Exception {
        return mvc.perform(get("/api/v1/analytics")
                        .param("indicator", String.valueOf(indicator(code)))
                        .param("orgUnit", String.valueOf(unit))
                        .param("periodType", "QUARTERLY")
                        .param("from", "2024Q1")
                        .param("to", "2024Q1")
                        .with(user))
                .andExpect(status().isOk());
    }

    /** The usernames of a mission manager and a partner. */
    private record Readers(String manager, String partner) {}

    /** Publishes the values from the cases and creates a mission manager and a partner to read them. */
    private Readers published() throws Exception {
        mvc.perform(post("/api/v1/complaints/performance/republish").with(admin()))
                .andExpect(status().isOk());
        return new Readers(CaseFixtures.username(mvc, "MISSION_MANAGER"), CaseFixtures.username(mvc, "PARTNER"));
    }

    @Test
    void valuesArePublishedPerOrgUnitAndQuarterAndSmallCellsAreSuppressedForPartners() throws Exception {
        Readers readers = published();
        String managerName = readers.manager();
        String partnerName = readers.partner();
        RequestPostProcessor manager = httpBasic(managerName, "correct-horse-battery");
        RequestPostProcessor partner = httpBasic(partnerName, "correct-horse-battery");

        analytics(manager, "acc_complaints_received")
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].value").value(6))
                .andExpect(jsonPath("$.rows[0].suppressed").value(false));
        analytics(manager, "acc_personnel")
                .andExpect(jsonPath("$.rows[0].value").value(2));
        analytics(manager, "acc_complaints_per_1000")
                .andExpect(jsonPath("$.rows[0].value").value(3));
        analytics(manager, "acc_cases_closed")
                .andExpect(jsonPath("$.rows[0].value").value(4));
        analytics(manager, "acc_cases_decided")
                .andExpect(jsonPath("$.rows[0].value").value(3));
        analytics(manager, "acc_cases_substantiated")
                .andExpect(jsonPath("$.rows[0].value").value(2));
        analytics(manager, "acc_substantiated_share")
                .andExpect(jsonPath("$.rows[0].value").value(66.666667));

        // 6 received is shown to a partner, and so is the rate resting on it; counts under 5 are not
        analytics(partner, "acc_complaints_received")
                .andExpect(jsonPath("$.rows[0].value").value(6));
        analytics(partner, "acc_complaints_per_1000")
                .andExpect(jsonPath("$.rows[0].value").value(3));
        analytics(partner, "acc_cases_decided")
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].value").value(nullValue()))
                .andExpect(jsonPath("$.rows[0].suppressed").value(true));
        analytics(partner, "acc_substantiated_share")
                .andExpect(jsonPath("$.rows[0].value").value(nullValue()))
                .andExpect(jsonPath("$.rows[0].suppressed").value(true));
        // a formula over a suppressed count is suppressed too
        mvc.perform(get("/api/v1/analytics")
                        .param("formula", "#{acc_cases_decided} * 1")
                        .param("orgUnit", String.valueOf(unit))
                        .param("from", "2024Q1")
                        .with(partner))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].value").value(nullValue()))
                .andExpect(jsonPath("$.rows[0].suppressed").value(true));

        // the pivot shows "<5" to the partner, the figure to the manager, and the download leaves it out
        String pivot = "/analytics?indicator=" + indicator("acc_cases_decided") + "&orgUnit=" + unit
                + "&periodType=QUARTERLY&from=2024Q1&to=2024Q1";
        mvc.perform(get(pivot).with(CaseFixtures.ui(users, partnerName)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;5")));
        mvc.perform(get(pivot).with(CaseFixtures.ui(users, managerName)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("&lt;5"))));
        mvc.perform(get(pivot.replace("/analytics?", "/analytics.csv?")).with(CaseFixtures.ui(users, partnerName)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<5"))))
                .andExpect(content().string(not(containsString(",3\r\n"))));
    }

    @Test
    void theStoredValuesOfSmallCountsAreLeftOutForPartnersInListsExportsAndDataEntry() throws Exception {
        Readers readers = published();
        String managerName = readers.manager();
        String partnerName = readers.partner();
        RequestPostProcessor manager = httpBasic(managerName, "correct-horse-battery");
        RequestPostProcessor partner = httpBasic(partnerName, "correct-horse-battery");
        long decided = indicator("acc_cases_decided");
        long received = indicator("acc_complaints_received");

        // 3 cases decided: the value itself is a small cell
        values(manager, decided)
                .andExpect(jsonPath("$.items[0].value").value(3))
                .andExpect(jsonPath("$.items[0].suppressed").value(false));
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(
                        values(partner, decided)
                                .andExpect(jsonPath("$.total").value(1))
                                .andExpect(jsonPath("$.items[0].value").value(nullValue()))
                                .andExpect(jsonPath("$.items[0].suppressed").value(true))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.items[0].id"))
                .longValue();
        mvc.perform(get("/api/v1/dataValues/{id}", id).with(partner))
                .andExpect(jsonPath("$.value").value(nullValue()))
                .andExpect(jsonPath("$.suppressed").value(true));
        values(partner, received).andExpect(jsonPath("$.items[0].value").value(6));

        // the list's download and the data value set export leave it out; 6 received stays
        mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(decided))
                        .param("orgUnit", String.valueOf(unit))
                        .param("format", "csv")
                        .with(partner))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(",3,"))));
        String export = mvc.perform(get("/api/v1/dataValueSets")
                        .param("indicator", String.valueOf(decided), String.valueOf(received))
                        .param("orgUnit", String.valueOf(unit))
                        .param("format", "csv")
                        .with(partner))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(export)
                .contains("acc_complaints_received")
                .doesNotContain("acc_cases_decided");
        mvc.perform(get("/api/v1/dataValueSets")
                        .param("indicator", String.valueOf(decided))
                        .param("orgUnit", String.valueOf(unit))
                        .param("format", "csv")
                        .with(manager))
                .andExpect(content().string(containsString("acc_cases_decided")));

        // the indicator's page charts it with a gap for the partner
        String page = "/indicators/" + decided + "?unit=" + unit;
        mvc.perform(get(page).with(CaseFixtures.ui(users, managerName)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-value=\"3\"")));
        mvc.perform(get(page).with(CaseFixtures.ui(users, partnerName)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-value=\"3\""))));

        // the data entry grid neither shows nor takes the indicator's values from a partner
        String grid =
                "/data-entry?indicator=" + decided + "&indicator=" + received + "&orgUnit=" + unit + "&period=2024Q1";
        mvc.perform(get(grid).with(CaseFixtures.ui(users, partnerName)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"grid-suppressed\"")))
                .andExpect(content().string(not(containsString("None of the chosen indicators applies"))))
                .andExpect(content().string(not(containsString(":3\""))));
        mvc.perform(get(grid).with(CaseFixtures.ui(users, managerName)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"grid-suppressed\""))))
                .andExpect(content().string(containsString(":3\"")));

        // nor may a partner write its values, which would overwrite a count they cannot read: not by
        // import (the row refused with its line and field, nothing written), nor through the API
        String refusal = "values of indicator acc_cases_decided are written only by users who see its counts under 5";
        for (boolean dryRun : new boolean[] {true, false}) {
            importRows(partner, dryRun, decided + ",2024Q1," + unit + ",,,7")
                    .andExpect(dryRun ? status().isOk() : status().isConflict())
                    .andExpect(jsonPath("$.status").value("ERROR"))
                    .andExpect(jsonPath("$.importCount.imported").value(0))
                    .andExpect(jsonPath("$.importCount.updated").value(0))
                    .andExpect(jsonPath("$.conflictCount").value(1))
                    .andExpect(jsonPath("$.conflicts[0].line").value(1))
                    .andExpect(jsonPath("$.conflicts[0].field").value("dataElement"))
                    .andExpect(jsonPath("$.conflicts[0].message").value(containsString(refusal)));
        }
        mvc.perform(post("/api/v1/dataValues")
                        .contentType("application/json")
                        .content("{\"indicatorId\":" + decided + ",\"orgUnitId\":" + unit
                                + ",\"period\":\"2024Q1\",\"value\":7,\"version\":1}")
                        .with(partner))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString(refusal)));
        mvc.perform(put("/api/v1/dataValues/{id}", id)
                        .contentType("application/json")
                        .content("{\"value\":7,\"version\":1}")
                        .with(partner))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString(refusal)));
        mvc.perform(delete("/api/v1/dataValues/{id}", id).param("version", "1").with(partner))
                .andExpect(status().isForbidden());
        values(manager, decided)
                .andExpect(jsonPath("$.items[0].value").value(3))
                .andExpect(jsonPath("$.items[0].version").value(1));

        // the manager, who sees the count, may: repeating it is ignored, nothing written
        importRows(manager, true, decided + ",2024Q1," + unit + ",,,3")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.updated").value(0))
                .andExpect(jsonPath("$.importCount.ignored").value(1));
    }

    /** Imports rows in DHIS2's CSV layout, without a header, naming indicators and units by id. */
    private ResultActions importRows(RequestPostProcessor user, boolean dryRun, String... dhis2CsvRows)
            throws Exception {
        return mvc.perform(post("/api/v1/dataValueSets")
                .param("idScheme", "ID")
                .param("dryRun", String.valueOf(dryRun))
                .contentType("text/csv")
                .content(String.join("\n", dhis2CsvRows) + "\n")
                .with(user));
    }

    private ResultActions values(RequestPostProcessor user, long indicator) throws Exception {
        return mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(indicator))
                        .param("orgUnit", String.valueOf(unit))
                        .param("period", "2024Q1")
                        .with(user))
                .andExpect(status().isOk());
    }

    @Test
    void aRepublishFollowsTheCasesAndWritesOnlyWhatChanged() throws Exception {
        mvc.perform(post("/api/v1/complaints/performance/republish").with(admin()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/complaints/performance/republish").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.deleted").value(0));
        insertCase(jdbc, "OTHER", institution, null, "2024-02-02T00:00:00Z", null, null, null, null, null);
        mvc.perform(post("/api/v1/complaints/performance/republish").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(1));
        analytics(admin(), "acc_complaints_received")
                .andExpect(jsonPath("$.rows[0].value").value(7));
        // nobody but an administrator republishes
        mvc.perform(post("/api/v1/complaints/performance/republish").with(CaseFixtures.user(mvc, "PARTNER")))
                .andExpect(status().isForbidden());
    }
}
