package org.bluehelm.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitCommand;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.indicator.Direction;
import org.bluehelm.indicator.IndicatorCommand;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.measurement.DataValueCommand;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.Pillar;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst uses the pivot screen: a region with two districts, officers trained recorded
 * monthly and quarterly at the districts; the screen sums them by district and by year or quarter,
 * rolling the months up, offers the table for download, and names the field of a bad period.
 */
@BrowserTest
class PivotBrowserIT {

    private final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @LocalServerPort
    int port;

    @Autowired
    MissionService missions;

    @Autowired
    GeographyService geography;

    @Autowired
    IndicatorService indicators;

    @Autowired
    MeasurementService measurements;

    Browser browser;
    long region;
    long trained;
    String north;
    String south;

    @BeforeAll
    void start() {
        long unmil = missions.findByAcronym("UNMIL").orElseThrow().id();
        region = geography
                .createOrgUnit(new OrgUnitCommand("PVT-R-" + tag, "Pivot region " + tag, OrgUnitKind.AREA, null, "LBR"))
                .id();
        north = "Pivot north " + tag;
        south = "Pivot south " + tag;
        long n = geography
                .createOrgUnit(new OrgUnitCommand("PVT-N-" + tag, north, OrgUnitKind.AREA, region, null))
                .id();
        long s = geography
                .createOrgUnit(new OrgUnitCommand("PVT-S-" + tag, south, OrgUnitKind.AREA, region, null))
                .id();
        trained = indicators
                .create(IndicatorCommand.sum(
                        "pvt_trained_" + tag.toLowerCase(),
                        "Pivot test officers trained " + tag,
                        "persons",
                        Direction.HIGHER_IS_BETTER,
                        Dimension.CAPACITY,
                        Pillar.POLICE,
                        unmil,
                        "LBR",
                        List.of(),
                        List.of()))
                .id();
        // the north reports monthly (rolled up into its quarters), the south quarterly
        measurements.recordBatch(List.of(
                value(n, "202301", "4"),
                value(n, "202302", "6"),
                value(n, "202304", "12"),
                value(s, "2023Q1", "7"),
                value(s, "2023Q3", "9")));
        browser = new Browser(port);
        browser.signInAsAdmin();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private DataValueCommand value(long unit, String period, String value) {
        return new DataValueCommand(trained, unit, period, null, null, new BigDecimal(value), null, null);
    }

    /** Fills the form for the region's districts and shows the table. */
    private void show(String periodType, String from, String to) {
        browser.open("/analytics");
        Select indicator = new Select(browser.driver().findElement(By.id("indicator")));
        indicator.deselectAll();
        indicator.selectByValue(String.valueOf(trained));
        new Select(browser.driver().findElement(By.id("orgUnit"))).selectByValue(String.valueOf(region));
        new Select(browser.driver().findElement(By.id("orgUnitLevel"))).selectByValue("children");
        new Select(browser.driver().findElement(By.id("periodType"))).selectByValue(periodType);
        browser.type("from", from).type("to", to);
        browser.clickAndWait(By.cssSelector("form.filters button[type=submit]"));
    }

    /** The cells of a unit's row, the unit's name first. */
    private List<String> row(String unit) {
        for (WebElement tr : browser.all(By.cssSelector("table tbody tr"))) {
            if (tr.findElement(By.tagName("th")).getText().equals(unit)) {
                List<String> cells = new java.util.ArrayList<>(List.of(unit));
                tr.findElements(By.tagName("td")).forEach(td -> cells.add(td.getText()));
                return cells;
            }
        }
        throw new AssertionError("no row for " + unit + " in " + browser.pageText());
    }

    @Test
    void theDistrictsAreSummedByQuarterAndYearWithTheMonthsRolledUp() {
        browser.navigate("Analytics");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Analytics");

        show("QUARTERLY", "2023Q1", "2023Q4");
        assertThat(browser.all(By.cssSelector("table thead th")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly("Organisation unit", "2023Q1", "2023Q2", "2023Q3", "2023Q4");
        assertThat(browser.text(By.tagName("caption"))).contains("Pivot test officers trained " + tag);
        assertThat(row(north)).containsExactly(north, "10", "12", "", "");
        assertThat(row(south)).containsExactly(south, "7", "", "9", "");
        // the choices stay as they were chosen, and the same table can be downloaded
        assertThat(new Select(browser.driver().findElement(By.id("periodType")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Quarterly");
        assertThat(browser.driver().findElement(By.id("analytics-csv")).getAttribute("href"))
                .contains("/analytics.csv")
                .contains("indicator=" + trained)
                .contains("from=2023Q1");
        browser.screenshot("pivot-quarters");

        show("YEARLY", "2023", "2023");
        assertThat(row(north)).containsExactly(north, "22");
        assertThat(row(south)).containsExactly(south, "16");
    }

    @Test
    void aBadPeriodIsNamedWithItsFieldAndNoTableIsShown() {
        show("QUARTERLY", "2023Q9", "2023Q4");
        String problem = browser.text(By.cssSelector(".alert.error"));
        assertThat(problem).contains("From: '2023Q9' is not a period");
        assertThat(browser.all(By.cssSelector("table tbody tr"))).isEmpty();
        assertThat(browser.driver().findElement(By.id("from")).getAttribute("value"))
                .isEqualTo("2023Q9");
    }
}
