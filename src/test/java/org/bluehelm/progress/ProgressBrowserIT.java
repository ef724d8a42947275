package org.bluehelm.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.bluehelm.actor.ActorCommand;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorType;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitCommand;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.indicator.BenchmarkKind;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.indicator.Direction;
import org.bluehelm.indicator.IndicatorCommand;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.measurement.DataValueCommand;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.mission.MissionService;
import org.bluehelm.programme.ProgrammeCommand;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.programme.ProgrammeStatus;
import org.bluehelm.programme.ResultLevel;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.shared.Pillar;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A mission manager follows a programme's progress: a region (values at its district) and an area
 * are the programme's locations; "trained" (higher is better) has come 90% of the way from its
 * baseline two years ago to its target two years ahead, "complaints" (lower is better) is worse
 * than its baseline. The dates follow today's, so that the statuses do not age. Records are made
 * through the services, which run here with the system's scope.
 */
@BrowserTest
class ProgressBrowserIT {

    private final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @LocalServerPort
    int port;

    @Autowired
    MissionService missions;

    @Autowired
    GeographyService geography;

    @Autowired
    ActorService actors;

    @Autowired
    IndicatorService indicators;

    @Autowired
    MeasurementService measurements;

    @Autowired
    ProgrammeService programmes;

    Browser browser;
    long region;
    long area;
    long trained;
    long complaints;
    long programme;
    List<Period> quarters;

    @BeforeAll
    void start() {
        long unmil = missions.findByAcronym("UNMIL").orElseThrow().id();
        region = geography
                .createOrgUnit(
                        new OrgUnitCommand("PBT-R-" + tag, "Progress region " + tag, OrgUnitKind.AREA, null, "LBR"))
                .id();
        long district = geography
                .createOrgUnit(
                        new OrgUnitCommand("PBT-D-" + tag, "Progress district " + tag, OrgUnitKind.AREA, region, null))
                .id();
        area = geography
                .createOrgUnit(
                        new OrgUnitCommand("PBT-A-" + tag, "Progress area " + tag, OrgUnitKind.AREA, null, "LBR"))
                .id();
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        String baselineYear = String.valueOf(year - 2);
        String targetYear = String.valueOf(year + 2);
        trained = indicator(
                "pbt_trained_" + tag.toLowerCase(),
                "Progress test officers trained " + tag,
                Direction.HIGHER_IS_BETTER,
                List.of(
                        benchmark(BenchmarkKind.BASELINE, region, baselineYear, "100"),
                        benchmark(BenchmarkKind.TARGET, region, targetYear, "200"),
                        benchmark(BenchmarkKind.BASELINE, area, baselineYear, "10"),
                        benchmark(BenchmarkKind.TARGET, area, targetYear, "20")),
                unmil);
        complaints = indicator(
                "pbt_complaints_" + tag.toLowerCase(),
                "Progress test complaints " + tag,
                Direction.LOWER_IS_BETTER,
                List.of(
                        benchmark(BenchmarkKind.BASELINE, region, baselineYear, "30"),
                        benchmark(BenchmarkKind.TARGET, region, targetYear, "20")),
                unmil);
        Period now = Period.day(LocalDate.now(ZoneOffset.UTC)).rollUpTo(PeriodType.QUARTERLY);
        Period q1 = ProgressService.previous(now);
        Period q2 = ProgressService.previous(q1);
        Period q3 = ProgressService.previous(q2);
        quarters = List.of(q3, q2, q1, now);
        measurements.recordBatch(List.of(
                value(trained, district, q3, "150"),
                value(trained, district, q2, "160"),
                value(trained, district, q1, "170"),
                value(trained, district, now, "190"),
                value(complaints, district, now, "31")));
        long lead = actors.create(new ActorCommand(
                        "Progress test ministry " + tag, null, null, ActorType.HOST_MINISTRY, "LBR", null, null, null))
                .id();
        programme = programmes
                .create(new ProgrammeCommand(
                        "PBT-" + tag,
                        "Progress browser test " + tag,
                        Pillar.POLICE,
                        null,
                        "LBR",
                        unmil,
                        lead,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        ProgrammeStatus.ACTIVE,
                        List.of(region, area),
                        List.of(),
                        List.of(new ProgrammeCommand.Result(
                                "OC1",
                                ResultLevel.OUTCOME,
                                "Trusted police",
                                null,
                                null,
                                List.of(trained, complaints)))))
                .id();
        browser = new Browser(port);
        browser.signInAsAdmin();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private long indicator(
            String code,
            String name,
            Direction direction,
            List<IndicatorCommand.BenchmarkCommand> benchmarks,
            long mission) {
        return indicators
                .create(IndicatorCommand.sum(
                        code,
                        name,
                        "persons",
                        direction,
                        Dimension.CAPACITY,
                        Pillar.POLICE,
                        mission,
                        "LBR",
                        List.of(),
                        benchmarks))
                .id();
    }

    private static IndicatorCommand.BenchmarkCommand benchmark(
            BenchmarkKind kind, long unit, String period, String value) {
        return new IndicatorCommand.BenchmarkCommand(kind, unit, period, new BigDecimal(value));
    }

    private static DataValueCommand value(long indicator, long unit, Period period, String value) {
        return new DataValueCommand(indicator, unit, period.id(), null, null, new BigDecimal(value), null, null);
    }

    private WebElement row(long indicator, long unit) {
        return browser.driver()
                .findElement(By.cssSelector(
                        "table.progress-lines tr[data-indicator='" + indicator + "'][data-org-unit='" + unit + "']"));
    }

    /** The text with non-breaking spaces as plain ones (French puts one before %). */
    private static String spaced(String text) {
        return text.replace('\u00a0', ' ');
    }

    private static String badge(WebElement row) {
        return row.findElement(By.cssSelector(".badge")).getText();
    }

    private static @Nullable String badgeClass(WebElement row) {
        return row.findElement(By.cssSelector(".badge")).getAttribute("class");
    }

    @Test
    void theProgrammesProgressPageShowsStatusTrendAndTheReportingTable() {
        browser.open("/programmes/" + programme);
        browser.clickAndWait(By.id("programme-progress-link"));
        assertThat(browser.text(By.tagName("h1"))).contains("PBT-" + tag);

        WebElement trainedInRegion = row(trained, region);
        assertThat(badge(trainedInRegion)).isEqualTo("On track");
        assertThat(badgeClass(trainedInRegion)).contains("on-track");
        assertThat(trainedInRegion
                        .findElement(By.cssSelector(".progress-achieved"))
                        .getText())
                .isEqualTo("90%");
        assertThat(trainedInRegion
                        .findElement(By.cssSelector(".progress-trend"))
                        .getText())
                .contains("↗")
                .contains("Improving")
                .contains("4 of the last 6 periods");
        assertThat(trainedInRegion.getText()).contains("190 (" + quarters.get(3).id() + ")");

        WebElement complaintsInRegion = row(complaints, region);
        assertThat(badge(complaintsInRegion)).isEqualTo("Off track");
        assertThat(badgeClass(complaintsInRegion)).contains("off-track");
        assertThat(complaintsInRegion
                        .findElement(By.cssSelector(".progress-achieved"))
                        .getText())
                .isEqualTo("-10%");
        assertThat(complaintsInRegion.getText()).contains("Too few values");
        assertThat(badge(row(trained, area))).isEqualTo("No data");
        assertThat(badge(row(complaints, area))).isEqualTo("No baseline or target");
        assertThat(browser.text(By.cssSelector("ul.progress-summary")))
                .contains("On track 1")
                .contains("Off track 1")
                .contains("No data 1")
                .contains("No baseline or target 1");
        browser.screenshotWholePage("progress-programme");

        // the reporting table for the last four quarters: the region reports through its district
        browser.open("/programmes/" + programme + "/progress?from="
                + quarters.get(0).id() + "&to=" + quarters.get(3).id());
        List<WebElement> units = browser.all(By.cssSelector("#reporting-table tbody tr"));
        assertThat(units).hasSize(2);
        WebElement regionRow = browser.driver()
                .findElement(By.cssSelector("#reporting-table tbody tr[data-org-unit='" + region + "']"));
        List<WebElement> complete = regionRow.findElements(By.cssSelector("td.reporting-complete"));
        List<WebElement> timely = regionRow.findElements(By.cssSelector("td.reporting-timely"));
        assertThat(complete).hasSize(5); // four quarters and the total
        assertThat(complete.get(0).getText()).isEqualTo("50% 1 of 2");
        assertThat(timely.get(0).getText()).isEqualTo("0% 0 of 2");
        assertThat(complete.get(3).getText()).isEqualTo("100% 2 of 2");
        assertThat(timely.get(3).getText()).isEqualTo("100% 2 of 2");
        assertThat(complete.get(4).getText()).isEqualTo("62.5% 5 of 8");
        WebElement areaRow =
                browser.driver().findElement(By.cssSelector("#reporting-table tbody tr[data-org-unit='" + area + "']"));
        assertThat(areaRow.findElements(By.cssSelector("td.reporting-complete"))
                        .get(4)
                        .getText())
                .isEqualTo("0% 0 of 8");
        assertThat(browser.text(By.cssSelector("#reporting-table tfoot")))
                .startsWith("All units")
                .contains("31.3% 5 of 16");
        browser.screenshotWholePage("progress-reporting");

        // a period that does not exist is named, and the progress table stays
        browser.open("/programmes/" + programme + "/progress?from=2024Q9");
        assertThat(browser.text(By.cssSelector(".alert.error"))).contains("from: '2024Q9' is not a period");
        assertThat(browser.all(By.cssSelector("table.progress-lines tbody tr"))).hasSize(4);

        browser.open("/programmes/" + programme + "/progress?lang=fr");
        assertThat(badge(row(trained, region))).isEqualTo("En bonne voie");
        assertThat(badge(row(complaints, region))).isEqualTo("En retard");
        assertThat(spaced(row(trained, region)
                        .findElement(By.cssSelector(".progress-achieved"))
                        .getText()))
                .isEqualTo("90 %");
        assertThat(browser.text(By.id("reporting"))).isEqualTo("Complétude et ponctualité des rapports");
        browser.screenshotWholePage("progress-programme-fr");
        browser.open("/programmes/" + programme + "/progress?lang=en");
    }

    @Test
    void theIndicatorPageShowsALineForEachUnitWithATarget() {
        browser.open("/indicators/" + trained);
        // htmx replaces the link to the progress page with the lines themselves
        browser.waitUntil(
                d -> !d.findElements(By.id("indicator-progress-lines")).isEmpty());
        assertThat(browser.all(By.cssSelector("#indicator-progress table.progress-lines tbody tr")))
                .hasSize(2);
        assertThat(badge(row(trained, region))).isEqualTo("On track");
        assertThat(badge(row(trained, area))).isEqualTo("No data");
        browser.screenshotWholePage("progress-indicator");

        // without JavaScript the link leads to the same lines on a page of their own
        browser.open("/indicators/" + trained + "/progress");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Progress test officers trained " + tag);
        assertThat(badge(row(trained, region))).isEqualTo("On track");
    }

    @Test
    void theMethodPageDocumentsTheThresholds() {
        browser.open("/progress/method");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("How progress is judged");
        assertThat(browser.text(By.id("method-status")))
                .contains("The target is met, or the percentage achieved is at least 90% of")
                .contains("The percentage achieved is at least 60% of");
        assertThat(browser.pageText()).contains("the last 6 periods").contains("within 15 days");
        browser.open("/progress/method?lang=fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Comment l'avancement est évalué");
        assertThat(spaced(browser.text(By.id("method-status")))).contains("au moins 90 % du pourcentage attendu");
        browser.open("/progress/method?lang=en");
    }
}
