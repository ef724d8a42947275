package org.bluehelm.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitCommand;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.IndicatorFixtures;
import org.bluehelm.mission.MissionService;
import org.bluehelm.test.AsAdmin;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * One steward's session: defines an indicator with a baseline and a target through the form,
 * enters two quarters in the grid with the keyboard only, sees them on the indicator's page
 * against the baseline and target, is stopped by an out-of-range value (nothing saved), works in
 * French with a decimal comma, removes a value by emptying its cell and meets a concurrent change.
 */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataEntryBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsService users;

    @Autowired
    GeographyService geography;

    @Autowired
    MissionService missions;

    @Autowired
    MeasurementService measurements;

    Browser browser;
    String run;
    long unmil;
    OrgUnitView county;
    long indicatorId;

    @BeforeAll
    void start() {
        run = IndicatorFixtures.unique();
        unmil = missions.findByAcronym("UNMIL").orElseThrow().id();
        county = AsAdmin.run(
                users,
                () -> geography.createOrgUnit(new OrgUnitCommand(
                        "GB-" + run.toUpperCase(), "Grand Bassa " + run, OrgUnitKind.AREA, null, "LBR")));
        browser = new Browser(port);
        browser.signIn("admin", "test-admin-password");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    @Order(1)
    void aStewardDefinesTheIndicatorWithABaselineAndATarget() {
        browser.open("/indicators/new");
        browser.type("code", "hr_trained_" + run)
                .type("name", "Officers trained in human rights " + run)
                .type("unit", "persons")
                .type("minValue", "0")
                .type("maxValue", "500");
        select("valueType", "INTEGER");
        select("aggregation", "SUM");
        select("direction", "HIGHER_IS_BETTER");
        select("dimension", "RIGHTS");
        select("missionId", String.valueOf(unmil));
        browser.click(By.id("category-SEX"));
        select("baselinesAndTargets[0].kind", "BASELINE");
        select("baselinesAndTargets[0].orgUnitId", String.valueOf(county.id()));
        browser.type("baselinesAndTargets[0].period", "2023").type("baselinesAndTargets[0].value", "40");
        select("baselinesAndTargets[1].kind", "TARGET");
        select("baselinesAndTargets[1].orgUnitId", String.valueOf(county.id()));
        browser.type("baselinesAndTargets[1].period", "2025").type("baselinesAndTargets[1].value", "120");
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        String url = browser.driver().getCurrentUrl();
        indicatorId = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    @Test
    @Order(2)
    void theStewardEntersTwoQuartersWithTheKeyboardOnly() {
        browser.open("/data-entry");
        assertThat(browser.all(By.id("orgUnit"))).isEmpty();
        browser.screenshot("data-entry-start");
        browser.open("/indicators/" + indicatorId);
        browser.click(By.linkText("Enter data"));
        new Select(browser.driver().findElement(By.id("orgUnit"))).selectByValue(String.valueOf(county.id()));
        browser.type("period", "2024Q1");
        browser.clickAndWait(By.cssSelector(".entry-choice button[type=submit]"));

        assertThat(browser.all(By.cssSelector("table.entry tbody tr"))).hasSize(3);
        assertThat(browser.text(By.cssSelector("table.entry tbody")))
                .contains("Total")
                .contains("Sex: Female");
        WebElement first = browser.driver().switchTo().activeElement();
        assertThat(first.getAttribute("id")).isEqualTo("cells[0].value");
        // a breakdown beside a total would count the same officers twice: refused, nothing saved
        first.sendKeys("60", Keys.TAB, "25", Keys.TAB, "35", Keys.ENTER);
        waitForText("either the total or one breakdown");
        assertThat(browser.text(By.id("form-errors"))).contains("Nothing was saved");
        browser.screenshot("data-entry-total-beside-breakdown");
        browser.driver().findElement(By.id("cells[1].value")).clear();
        browser.driver().findElement(By.id("cells[2].value")).clear();
        browser.driver().findElement(By.id("cells[0].value")).sendKeys(Keys.ENTER);

        waitForText("1 new, 0 replaced, 0 removed.");
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(value(0)).isEqualTo("60");
        assertThat(value(2)).isEmpty();
        assertThat(browser.text(By.cssSelector("table.entry tbody tr td.stored")))
                .startsWith("admin, ");

        browser.type("period", "2024q2");
        browser.clickAndWait(By.cssSelector(".entry-choice button[type=submit]"));
        browser.driver().switchTo().activeElement().sendKeys("75", Keys.ENTER);
        waitForText("1 new, 0 replaced, 0 removed.");
        browser.screenshot("data-entry-grid");
    }

    @Test
    @Order(3)
    void theIndicatorPageShowsTheQuartersAgainstBaselineAndTarget() {
        browser.open("/indicators/" + indicatorId);
        List<String> rows = browser.all(By.cssSelector("#indicator-chart-table tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(rows).containsExactly("2023 40", "2024Q1 60 40", "2024Q2 75 40", "2025 40 120");
        assertThat(browser.all(By.cssSelector("#indicator-chart-table thead th")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly("Period", "Grand Bassa " + run, "Baseline", "Target");
        assertThat(browser.driver().findElement(By.id("indicator-chart-table")).getAttribute("data-dashed"))
                .isEqualTo("2,3");
        browser.waitUntil(d -> "1"
                .equals(d.findElement(By.cssSelector("canvas[data-chart-for=indicator-chart-table]"))
                        .getAttribute("data-drawn")));
        scrollTo(By.id("chart"));
        browser.screenshot("indicator-detail-chart");
    }

    @Test
    @Order(4)
    void anOutOfRangeValueIsShownBesideItsCellAndNothingIsSaved() {
        openGrid("2024Q3");
        browser.type("cells[0].value", "900").type("cells[1].value", "12").type("cells[2].value", "zz");
        browser.clickAndWait(By.cssSelector("form[data-warn-unsaved] button.primary"));

        assertThat(browser.text(By.id("cells[0].value-error"))).isEqualTo("must be at most 500");
        assertThat(browser.text(By.id("cells[2].value-error"))).isEqualTo("'zz' is not a number (e.g. 12.5)");
        assertThat(browser.driver().findElement(By.id("cells[0].value")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                .isEqualTo("cells[0].value");
        assertThat(value(0)).isEqualTo("900");
        assertThat(value(1)).isEqualTo("12");
        assertThat(browser.text(By.id("form-errors"))).contains("Nothing was saved");
        scrollTo(By.id("grid-title"));
        browser.screenshot("data-entry-errors");

        openGrid("2024Q3");
        assertThat(value(0)).isEmpty();
        assertThat(value(1)).isEmpty();
    }

    @Test
    @Order(5)
    void inFrenchTheGridReadsADecimalComma() {
        browser.open(gridUrl("2024Q4") + "&lang=fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Saisie des données");
        assertThat(browser.text(By.cssSelector("table.entry thead")))
                .contains("Indicateur")
                .contains("Valeur");
        browser.type("cells[0].value", "12,5");
        browser.clickAndWait(By.cssSelector("form[data-warn-unsaved] button.primary"));
        // the comma was read as a decimal point: the indicator counts whole persons
        assertThat(browser.text(By.id("cells[0].value-error"))).startsWith("doit être un nombre entier");
        browser.type("cells[0].value", "12,0");
        browser.clickAndWait(By.cssSelector("form[data-warn-unsaved] button.primary"));
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Enregistré.");
        assertThat(value(0)).isEqualTo("12");
        browser.resize(360, 800);
        scrollTo(By.cssSelector("table.entry"));
        browser.screenshot("data-entry-360-fr");
        browser.resize(1280, 900);
        browser.open(gridUrl("2024Q4") + "&lang=en");
    }

    @Test
    @Order(6)
    void emptyingACellRemovesItsValue() {
        openGrid("2024Q2");
        assertThat(value(0)).isEqualTo("75");
        browser.driver().findElement(By.id("cells[0].value")).clear();
        browser.driver().findElement(By.id("cells[0].value")).sendKeys(Keys.ENTER);
        waitForText("0 new, 0 replaced, 1 removed.");
        assertThat(value(0)).isEmpty();
        browser.open("/indicators/" + indicatorId);
        assertThat(browser.text(By.id("indicator-chart-table"))).doesNotContain("2024Q2");
    }

    @Test
    @Order(7)
    void aValueChangedMeanwhileByAnotherUserIsAConflict() {
        openGrid("2024Q1");
        DataValueView stored = AsAdmin.run(
                users,
                () -> measurements
                        .list(
                                new DataValueFilter(indicatorId, county.id(), null, "2024Q1", null, null, null),
                                org.bluehelm.shared.PageQuery.of(0, 10, "id", MeasurementService.SORTS, "id"))
                        .items()
                        .stream()
                        .filter(v -> v.optionId() == null)
                        .findFirst()
                        .orElseThrow());
        AsAdmin.run(users, () -> measurements.update(stored.id(), stored.version(), BigDecimal.valueOf(61), null));
        browser.type("cells[0].value", "62");
        browser.clickAndWait(By.cssSelector("form[data-warn-unsaved] button.primary"));
        assertThat(browser.text(By.id("conflict")))
                .contains("Someone else changed")
                .contains("62")
                .contains("61");
        browser.click(By.linkText("Reload the current version"));
        assertThat(value(0)).isEqualTo("61");
    }

    /**
     * Waits for the page that a key press submitted (a click waits by itself; Enter does not). While
     * the old page goes, reading its body can fail (a stale element, or Chromium's "node does not
     * belong to the document"): the wait tries again.
     */
    private void waitForText(String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    private void scrollTo(By by) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'start'})",
                        browser.driver().findElement(by));
    }

    private void openGrid(String period) {
        browser.open(gridUrl(period));
    }

    private String gridUrl(String period) {
        return "/data-entry?mission=" + unmil + "&indicator=" + indicatorId + "&orgUnit=" + county.id() + "&period="
                + period;
    }

    private String value(int cell) {
        return browser.driver().findElement(By.id("cells[" + cell + "].value")).getAttribute("value");
    }

    private void select(String id, String value) {
        new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
    }
}
