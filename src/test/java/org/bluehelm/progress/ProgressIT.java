package org.bluehelm.progress;

import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.missionId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Progress through the API over records of our own: a region with two districts and a second area,
 * both locations of a UNMIL programme measured by "trained" (higher is better, 100 in 2020 to 200
 * in 2024 in the region, 10 to 20 in the area) and "complaints" (lower is better, 30 to 20 in the
 * region only). Values are entered quarterly in 2022 at the districts, so the region's figures are
 * their sums: trained 120, 125, 130, 150; complaints 25 in 2022Q4.
 */
@IntegrationTest
class ProgressIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    long region;
    long d1;
    long d2;
    long area;
    long trained;
    long complaints;
    long programme;

    @BeforeEach
    void fixture() throws Exception {
        ProgrammeWithTargets p = ProgrammeWithTargets.create(mvc, "PRG-" + tag, "Progress test");
        region = p.region();
        d1 = p.d1();
        d2 = p.d2();
        area = p.area();
        trained = p.trained();
        complaints = p.complaints();
        programme = p.programme();
    }

    private void record(long indicator, long unit, String period, int value) throws Exception {
        ProgrammeWithTargets.record(mvc, indicator, unit, period, value);
    }

    private ResultActions progress(RequestPostProcessor user, long indicator, long unit, String asOf) throws Exception {
        return mvc.perform(get("/api/v1/progress")
                .param("indicator", String.valueOf(indicator))
                .param("orgUnit", String.valueOf(unit))
                .param("asOf", asOf)
                .with(user));
    }

    @Test
    void theRegionsProgressAddsUpItsDistrictsAndIsJudgedAgainstAStraightPath() throws Exception {
        // end of 2022: half of the time from the end of 2020 to the end of 2024, half of the way covered
        progress(admin(), trained, region, "2022-12-31")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.baseline.value").value(100))
                .andExpect(jsonPath("$.baseline.period").value("2020"))
                .andExpect(jsonPath("$.target.value").value(200))
                .andExpect(jsonPath("$.target.period").value("2024"))
                .andExpect(jsonPath("$.current.value").value(150))
                .andExpect(jsonPath("$.current.period").value("2022Q4"))
                .andExpect(jsonPath("$.percentAchieved").value(50))
                .andExpect(jsonPath("$.expectedPercent").value(50))
                .andExpect(jsonPath("$.status").value("ON_TRACK"))
                .andExpect(jsonPath("$.trend.periodType").value("QUARTERLY"))
                .andExpect(jsonPath("$.trend.periods").value(6))
                .andExpect(jsonPath("$.trend.points[*].period", contains("2022Q1", "2022Q2", "2022Q3", "2022Q4")))
                .andExpect(jsonPath("$.trend.points[*].value", contains(120, 125, 130, 150)))
                .andExpect(jsonPath("$.trend.slope").value(9.5))
                .andExpect(jsonPath("$.trend.label").value("IMPROVING"));
        // the same value judged later: three quarters of the time gone is at risk, all of it off track
        progress(admin(), trained, region, "2023-12-31")
                .andExpect(jsonPath("$.expectedPercent").value(74.9))
                .andExpect(jsonPath("$.status").value("AT_RISK"));
        progress(admin(), trained, region, "2025-06-30")
                .andExpect(jsonPath("$.expectedPercent").value(100))
                .andExpect(jsonPath("$.status").value("OFF_TRACK"));
        // in mid-2022 only the values up to 2022Q2 count: 125 is a quarter of the way
        progress(admin(), trained, region, "2022-06-30")
                .andExpect(jsonPath("$.current.period").value("2022Q2"))
                .andExpect(jsonPath("$.percentAchieved").value(25))
                .andExpect(jsonPath("$.expectedPercent").value(37.4))
                .andExpect(jsonPath("$.status").value("AT_RISK"))
                .andExpect(jsonPath("$.trend.label").value("TOO_FEW_POINTS"));
        // lower is better: 30 down to 25 is half of the way to 20
        progress(admin(), complaints, region, "2022-12-31")
                .andExpect(jsonPath("$.current.value").value(25))
                .andExpect(jsonPath("$.percentAchieved").value(50))
                .andExpect(jsonPath("$.status").value("ON_TRACK"))
                .andExpect(jsonPath("$.trend.points", hasSize(1)));
        // a district has no target of its own
        progress(admin(), trained, d1, "2022-12-31")
                .andExpect(jsonPath("$.current.value").value(75))
                .andExpect(jsonPath("$.status").value("NO_TARGET"))
                .andExpect(jsonPath("$.percentAchieved").value(nullValue()));
    }

    @Test
    void aProgrammeIsJudgedForEveryIndicatorOfItsChainAtEachLocation() throws Exception {
        String row = "$.rows[?(@.indicatorId == %d && @.orgUnitId == %d)].";
        mvc.perform(get("/api/v1/programmes/{id}/progress", programme)
                        .param("asOf", "2022-12-31")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.countryRoot").value(false))
                .andExpect(jsonPath("$.rows", hasSize(4)))
                .andExpect(jsonPath(row.formatted(trained, region) + "status", contains("ON_TRACK")))
                .andExpect(jsonPath(row.formatted(trained, region) + "percentAchieved", contains(50)))
                // each row's own trend, though all rows' trends are read together
                .andExpect(jsonPath(
                        row.formatted(trained, region) + "trend.points[*].value", contains(120, 125, 130, 150)))
                .andExpect(jsonPath(row.formatted(trained, region) + "trend.slope", contains(9.5)))
                .andExpect(jsonPath(row.formatted(complaints, region) + "trend.points[*].period", contains("2022Q4")))
                .andExpect(jsonPath(row.formatted(complaints, region) + "trend.points[*].value", contains(25)))
                .andExpect(jsonPath(row.formatted(trained, area) + "trend.points[*]", hasSize(0)))
                .andExpect(jsonPath(row.formatted(trained, area) + "status", contains("NO_DATA")))
                .andExpect(jsonPath(row.formatted(trained, area) + "expectedPercent", contains(50)))
                .andExpect(jsonPath(row.formatted(complaints, region) + "status", contains("ON_TRACK")))
                .andExpect(jsonPath(row.formatted(complaints, area) + "status", contains("NO_TARGET")))
                .andExpect(jsonPath("$.statusCounts.ON_TRACK").value(2))
                .andExpect(jsonPath("$.statusCounts.AT_RISK").value(0))
                .andExpect(jsonPath("$.statusCounts.NO_DATA").value(1))
                .andExpect(jsonPath("$.statusCounts.NO_TARGET").value(1));
        // the indicator's own view: every unit with a target
        mvc.perform(get("/api/v1/indicators/{id}/progress", trained)
                        .param("asOf", "2022-12-31")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].orgUnitId", containsInAnyOrder((int) region, (int) area)));
    }

    @Test
    void reportsAreCountedPerLocationAndPeriodAndTimelyOnlyWhenInByTheDueDate() throws Exception {
        // the 2022 values were stored years after their due dates: in, but not on time
        String unit = "$.units[?(@.orgUnitId == %d)].";
        mvc.perform(get("/api/v1/programmes/{id}/reporting", programme)
                        .param("from", "2022Q3")
                        .param("to", "2022Q4")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periodType").value("QUARTERLY"))
                .andExpect(jsonPath("$.dueDays").value(15))
                .andExpect(jsonPath("$.indicatorCount").value(2))
                .andExpect(jsonPath("$.periods[*].id", contains("2022Q3", "2022Q4")))
                .andExpect(jsonPath("$.periods[1].dueDate").value("2023-01-15"))
                .andExpect(jsonPath("$.units[*].orgUnitId", containsInAnyOrder((int) region, (int) area)))
                // the region reports through its districts: trained in both quarters, complaints in 2022Q4
                .andExpect(jsonPath(unit.formatted(region) + "cells[*].reported", contains(1, 2)))
                .andExpect(jsonPath(unit.formatted(region) + "cells[*].completeness", contains(50, 100)))
                .andExpect(jsonPath(unit.formatted(region) + "total.completeness", contains(75)))
                .andExpect(jsonPath(unit.formatted(region) + "total.timely", contains(0)))
                .andExpect(jsonPath(unit.formatted(area) + "total.reported", contains(0)))
                .andExpect(jsonPath("$.periodTotals[*].completeness", contains(25, 50)))
                .andExpect(jsonPath("$.total.expected").value(8))
                .andExpect(jsonPath("$.total.reported").value(3))
                .andExpect(jsonPath("$.total.completeness").value(37.5))
                .andExpect(jsonPath("$.total.timeliness").value(0));

        // a value stored now for the current quarter is on time
        Period now = Period.day(LocalDate.now(ZoneOffset.UTC)).rollUpTo(PeriodType.QUARTERLY);
        record(trained, area, now.id(), 3);
        mvc.perform(get("/api/v1/programmes/{id}/reporting", programme)
                        .param("from", now.id())
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periods[*].id", contains(now.id())))
                .andExpect(jsonPath(unit.formatted(area) + "total.reported", contains(1)))
                .andExpect(jsonPath(unit.formatted(area) + "total.timely", contains(1)))
                .andExpect(jsonPath(unit.formatted(area) + "total.timeliness", contains(50)))
                .andExpect(jsonPath(unit.formatted(region) + "total.reported", contains(0)));
    }

    @Test
    void aSmallCountInAProgressTableReadsUnderItsIndicatorsOwnThresholdForThoseWhoMayNotSeeIt() throws Exception {
        record(complaints, region, "2023Q1", 7);
        jdbc.sql("update indicator set suppress_below = 30 where id = :id")
                .param("id", complaints)
                .update();
        String cell = "<td class=\"num\" data-value=\"7\">7</td>";
        mvc.perform(get("/programmes/{id}", programme)
                        .with(TestApi.uiUserScopedToMission(mvc, users, "MISSION_MANAGER", missionId(mvc, "UNMIL"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(cell)));
        // a partner reads "<30", the threshold of this indicator, not the usual "<5"
        mvc.perform(get("/programmes/{id}", programme)
                        .with(TestApi.uiUserScopedToMission(mvc, users, "PARTNER", missionId(mvc, "UNMIL"))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(cell))))
                .andExpect(content().string(containsString(">&lt;30</td>")))
                .andExpect(content().string(not(containsString(">&lt;5</td>"))));
    }

    @Test
    void badInputNamesTheField() throws Exception {
        mvc.perform(get("/api/v1/progress").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("indicator", "orgUnit")));
        mvc.perform(get("/api/v1/progress")
                        .param("indicator", String.valueOf(trained))
                        .param("orgUnit", "999999999")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orgUnit"));
        mvc.perform(get("/api/v1/programmes/{id}/reporting", programme)
                        .param("from", "2022Q5")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/programmes/{id}/reporting", programme)
                        .param("from", "2022Q4")
                        .param("to", "2022Q1")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/programmes/{id}/reporting", programme)
                        .param("from", "2000Q1")
                        .param("to", "2022Q1")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void progressOutsideTheUsersScopeIsNotFound() throws Exception {
        RequestPostProcessor unmilViewer = TestApi.userScopedToMission(mvc, "VIEWER", missionId(mvc, "UNMIL"));
        RequestPostProcessor unociViewer = TestApi.userScopedToMission(mvc, "VIEWER", missionId(mvc, "UNOCI"));
        progress(unmilViewer, trained, region, "2022-12-31")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.percentAchieved").value(50));
        mvc.perform(get("/api/v1/programmes/{id}/reporting", programme)
                        .param("from", "2022Q4")
                        .with(unmilViewer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.reported").value(2));

        progress(unociViewer, trained, region, "2022-12-31")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
        mvc.perform(get("/api/v1/indicators/{id}/progress", trained).with(unociViewer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/programmes/{id}/progress", programme).with(unociViewer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/programmes/{id}/reporting", programme).with(unociViewer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/progress")
                        .param("indicator", String.valueOf(trained))
                        .param("orgUnit", String.valueOf(region)))
                .andExpect(status().isUnauthorized());
    }
}
