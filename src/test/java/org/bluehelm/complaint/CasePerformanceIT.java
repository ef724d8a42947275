package org.bluehelm.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.complaint.CaseFixtures.insertCase;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The performance figures over a small known set of cases of one institution and body in 2024Q1 and
 * 2024Q2, as a mission manager sees them and as a partner sees them (small cells suppressed).
 */
@IntegrationTest
class CasePerformanceIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    long institution;
    long body;

    @BeforeEach
    void cases() throws Exception {
        long unit = CaseFixtures.orgUnit(mvc);
        institution = CaseFixtures.institution(mvc, unit, 2024, 2000);
        body = CaseFixtures.body(mvc);
        // closed in Q1: 10, 30, 30 and 45 days (median 30); 2 substantiated, 1 unsubstantiated, 1 withdrawn
        insertCase(
                jdbc,
                "EXCESSIVE_FORCE",
                institution,
                body,
                "2024-01-05T08:00:00Z",
                "2024-01-15T08:00:00Z",
                "SUBSTANTIATED",
                "DISCIPLINE",
                "SANCTIONED",
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
        long referred = insertCase(
                jdbc,
                "CORRUPTION_EXTORTION",
                institution,
                body,
                "2024-02-01T00:00:00Z",
                "2024-03-02T00:00:00Z",
                "SUBSTANTIATED",
                "PROSECUTION",
                null,
                null);
        jdbc.sql("""
                        insert into complaint_transition (complaint_id, from_state, to_state, username, at)
                        values (:id, 'UNDER_INVESTIGATION', 'REFERRED', 'someone', :at)""")
                .param("id", referred)
                .param("at", OffsetDateTime.parse("2024-02-20T00:00:00Z"))
                .update();
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
        // open at the end of Q1: received in Q1 and still open, referred in Q1, and one from 2023 closed in Q2
        insertCase(jdbc, "OTHER", institution, body, "2024-03-20T00:00:00Z", null, null, null, null, null);
        insertCase(
                jdbc, "OTHER", institution, body, "2024-03-30T00:00:00Z", null, null, "DISCIPLINE", null, "REFERRED");
        insertCase(
                jdbc,
                "OTHER",
                institution,
                body,
                "2023-12-20T00:00:00Z",
                "2024-04-02T00:00:00Z",
                "UNSUBSTANTIATED",
                null,
                null,
                null);
    }

    private String query() {
        return "/api/v1/complaints/performance?periodType=QUARTERLY&from=2024Q1&to=2024Q2&oversightBody=" + body;
    }

    @Test
    void aMissionManagerSeesEveryFigure() throws Exception {
        RequestPostProcessor manager = CaseFixtures.user(mvc, "MISSION_MANAGER");
        mvc.perform(get(query()).with(manager))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.smallCellsSuppressed").value(false))
                .andExpect(jsonPath("$.rows", hasSize(2)))
                .andExpect(jsonPath("$.rows[0].period").value("2024Q1"))
                .andExpect(jsonPath("$.rows[0].oversightBodyId").value(body))
                .andExpect(jsonPath("$.rows[0].received.value").value(6))
                .andExpect(jsonPath("$.rows[0].openAtEnd.value").value(3))
                .andExpect(jsonPath("$.rows[0].closed.value").value(4))
                .andExpect(jsonPath("$.rows[0].medianDaysToClose.value").value(30))
                .andExpect(jsonPath("$.rows[0].substantiated.value").value(2))
                .andExpect(jsonPath("$.rows[0].unsubstantiated.value").value(1))
                .andExpect(jsonPath("$.rows[0].substantiatedShare.value").value(66.7))
                .andExpect(jsonPath("$.rows[0].referredDiscipline.value").value(2))
                .andExpect(jsonPath("$.rows[0].referredProsecution.value").value(1))
                .andExpect(
                        jsonPath("$.rows[0].referralResults.SANCTIONED.value").value(1))
                .andExpect(jsonPath("$.rows[0].referralResults.PENDING.value").value(2))
                .andExpect(jsonPath("$.rows[0].referralResults.CONVICTED.value").value(0))
                .andExpect(jsonPath("$.rows[1].period").value("2024Q2"))
                .andExpect(jsonPath("$.rows[1].received.value").value(0))
                .andExpect(jsonPath("$.rows[1].openAtEnd.value").value(2))
                .andExpect(jsonPath("$.rows[1].closed.value").value(1))
                .andExpect(jsonPath("$.rows[1].medianDaysToClose.value").value(104))
                .andExpect(jsonPath("$.rows[1].substantiatedShare.value").value(0));

        // by year, and by institution: the same cases
        mvc.perform(get("/api/v1/complaints/performance?periodType=YEARLY&from=2024&to=2024&by=INSTITUTION&institution="
                                + institution)
                        .with(manager))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].institutionId").value(institution))
                .andExpect(jsonPath("$.rows[0].oversightBodyId").value(nullValue()))
                .andExpect(jsonPath("$.rows[0].received.value").value(6))
                .andExpect(jsonPath("$.rows[0].closed.value").value(5))
                .andExpect(jsonPath("$.rows[0].medianDaysToClose.value").value(30))
                .andExpect(jsonPath("$.rows[0].substantiatedShare.value").value(50));
    }

    @Test
    void aPartnerSeesSmallCellsSuppressedOnTheApiTheScreenAndTheDownload() throws Exception {
        String partnerName = CaseFixtures.username(mvc, "PARTNER");
        RequestPostProcessor partner = httpBasic(partnerName, "correct-horse-battery");
        RequestPostProcessor partnerUi = CaseFixtures.ui(users, partnerName);
        mvc.perform(get(query()).with(partner))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.smallCellsSuppressed").value(true))
                .andExpect(jsonPath("$.rows[0].received.value").value(6))
                .andExpect(jsonPath("$.rows[0].received.suppressed").value(false))
                .andExpect(jsonPath("$.rows[0].openAtEnd.value").value(nullValue()))
                .andExpect(jsonPath("$.rows[0].openAtEnd.suppressed").value(true))
                .andExpect(jsonPath("$.rows[0].closed.suppressed").value(true))
                .andExpect(jsonPath("$.rows[0].medianDaysToClose.suppressed").value(true))
                .andExpect(jsonPath("$.rows[0].substantiatedShare.suppressed").value(true))
                .andExpect(jsonPath("$.rows[0].referralResults.SANCTIONED.suppressed")
                        .value(true));

        mvc.perform(get("/complaints/performance?periodType=QUARTERLY&from=2024Q1&to=2024Q2&oversightBody=" + body)
                        .with(partnerUi))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;5")))
                .andExpect(content().string(containsString("id=\"suppression-note\"")));

        String csv = mvc.perform(get("/complaints/performance.csv?periodType=QUARTERLY&from=2024Q1&to=2024Q1"
                                + "&oversightBody=" + body)
                        .with(partnerUi))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("period,oversightBodyId,oversightBody,institutionId,institution,received,");
        // received 6 is shown; every count under 5 (and what rests on them) is left out
        assertThat(lines[1])
                .startsWith("2024Q1," + body + ",")
                .contains(",6,,,,,,,,,")
                .doesNotContain("<5");

        // a viewer, like a partner, is not among those who see small cells
        mvc.perform(get(query()).with(CaseFixtures.user(mvc, "VIEWER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].received.value").value(6))
                .andExpect(jsonPath("$.rows[0].openAtEnd.suppressed").value(true));

        RequestPostProcessor manager = CaseFixtures.ui(users, CaseFixtures.username(mvc, "MISSION_MANAGER"));
        mvc.perform(get("/complaints/performance?periodType=QUARTERLY&from=2024Q1&to=2024Q2&oversightBody=" + body)
                        .with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("&lt;5"))));
    }

    @Test
    void aCountryFilterNarrowsTheCasesAndBadInputNamesTheField() throws Exception {
        RequestPostProcessor elsewhere = CaseFixtures.user(mvc, "MISSION_MANAGER");
        mvc.perform(get(query() + "&country=SOM").with(elsewhere))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(0)));
        mvc.perform(get(query()).with(admin())).andExpect(status().isOk()).andExpect(jsonPath("$.rows", hasSize(2)));
        mvc.perform(get("/api/v1/complaints/performance?from=2024Q3&to=2024Q1").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/complaints/performance?periodType=MONTHLY").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("periodType"));
        mvc.perform(get("/api/v1/complaints/performance?by=NOTHING").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("by"));
    }
}
