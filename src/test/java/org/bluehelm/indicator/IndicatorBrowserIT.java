package org.bluehelm.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitCommand;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.Pillar;
import org.bluehelm.test.AsAdmin;
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
import org.springframework.security.core.userdetails.UserDetailsService;

@BrowserTest
class IndicatorBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsService users;

    @Autowired
    GeographyService geography;

    @Autowired
    IndicatorService indicators;

    @Autowired
    MissionService missions;

    Browser browser;
    String run;
    long unmil;
    OrgUnitView county;

    @BeforeAll
    void start() {
        run = IndicatorFixtures.unique();
        unmil = missions.findByAcronym("UNMIL").orElseThrow().id();
        county = AsAdmin.run(
                users,
                () -> geography.createOrgUnit(new OrgUnitCommand(
                        "BR-" + run.toUpperCase(), "Bong County " + run, OrgUnitKind.AREA, null, "LBR")));
        AsAdmin.run(users, () -> {
            for (Dimension dimension : List.of(Dimension.CAPACITY, Dimension.ACCOUNTABILITY, Dimension.OVERSIGHT)) {
                indicators.create(command(
                        "list_" + dimension.name().toLowerCase() + "_" + run,
                        "Listed " + dimension.name().toLowerCase() + " " + run,
                        dimension));
            }
            return null;
        });
        browser = new Browser(port);
        browser.signIn("admin", "test-admin-password");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aUserSearchesFiltersAndSortsTheIndicators() {
        browser.open("/indicators?q=" + run);
        assertThat(rows()).hasSize(3);
        new Select(browser.driver().findElement(By.id("dimension"))).selectByValue("ACCOUNTABILITY");
        browser.clickAndWait(By.cssSelector("form.filters button[type=submit]"));
        assertThat(rows()).hasSize(1);
        assertThat(rows().get(0).getText()).contains("Listed accountability").contains("UNMIL · LBR");

        browser.open("/indicators?q=" + run + "&sort=-name");
        assertThat(rows().get(0).getText()).contains("Listed oversight");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("th[aria-sort=descending]"))
                        .getText())
                .isEqualTo("Name");
        browser.screenshot("indicators-list");
    }

    @Test
    void aStewardIsToldEveryProblemBesideItsFieldThenCreatesTheIndicator() {
        browser.open("/indicators/new");
        String code = "rights_trained_" + run;
        browser.type("code", code).type("unit", "persons");
        select("valueType", "INTEGER");
        select("aggregation", "SUM");
        select("direction", "HIGHER_IS_BETTER");
        select("dimension", "RIGHTS");
        select("pillar", "POLICE");
        select("missionId", String.valueOf(unmil));
        browser.type("minValue", "0").type("maxValue", "500");
        browser.click(By.id("category-SEX"));
        select("baselinesAndTargets[0].kind", "BASELINE");
        select("baselinesAndTargets[0].orgUnitId", String.valueOf(county.id()));
        browser.type("baselinesAndTargets[0].period", "2023").type("baselinesAndTargets[0].value", "4O");
        select("baselinesAndTargets[1].kind", "TARGET");
        select("baselinesAndTargets[1].orgUnitId", String.valueOf(county.id()));
        browser.type("baselinesAndTargets[1].period", "2025Q5").type("baselinesAndTargets[1].value", "120");
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));

        assertThat(browser.text(By.id("name-error"))).isEqualTo("is required");
        assertThat(browser.text(By.id("baselinesAndTargets[0].value-error"))).contains("'4O' is not a number");
        assertThat(browser.text(By.id("baselinesAndTargets[1].period-error"))).contains("is not a period");
        assertThat(browser.driver().findElement(By.id("name")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.driver().findElement(By.id("category-SEX")).isSelected())
                .isTrue();
        assertThat(browser.driver().findElement(By.id("baselinesAndTargets[2].kind")))
                .isNotNull();
        browser.screenshot("indicator-form-errors");
        scrollTo(By.id("period-hint"));
        browser.screenshot("indicator-form-errors-rows");

        browser.type("name", "Police officers trained in human rights " + run);
        browser.type("baselinesAndTargets[0].value", "40");
        browser.type("baselinesAndTargets[1].period", "2025");
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));

        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Police officers trained in human rights " + run);
        assertThat(browser.pageText())
                .contains(code)
                .contains("Whole number")
                .contains("0 to 500")
                .contains("Sex: Female, Male")
                .contains("Baseline Bong County " + run + " 2023 40")
                .contains("Target Bong County " + run + " 2025 120");
        // without values yet, the chart table already shows the baseline and the target
        assertThat(browser.all(By.cssSelector("#indicator-chart-table tbody tr")))
                .hasSize(2);
    }

    @Test
    void theRatioFieldsAreShownOnlyForARatio() {
        browser.open("/indicators/new");
        select("aggregation", "SUM");
        assertThat(browser.driver().findElement(By.id("numeratorId")).isDisplayed())
                .isFalse();
        select("aggregation", "RATIO");
        assertThat(browser.driver().findElement(By.id("numeratorId")).isDisplayed())
                .isTrue();
    }

    @Test
    void aStewardAddsADisaggregationCategoryThatIndicatorsCanThenUse() {
        browser.open("/indicators/disaggregations/new");
        String code = "AGE_" + run.toUpperCase();
        browser.type("code", code).type("name", "Age group " + run);
        browser.type("options[0].code", "under_18").type("options[0].name", "Under 18");
        browser.type("options[1].code", "ADULT").type("options[1].name", "18 and over");
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
        assertThat(browser.text(By.id("options[0].code-error"))).contains("capital letters");
        browser.screenshot("disaggregation-form-errors");

        browser.type("options[0].code", "UNDER_18");
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.pageText()).contains("Under 18 (UNDER_18), 18 and over (ADULT)");
        browser.screenshot("disaggregations-list");

        browser.open("/indicators/new");
        assertThat(browser.text(By.cssSelector("label[for=category-" + code + "]")))
                .contains("Age group " + run);
    }

    @Test
    void anEditOverTakenBySomeoneElseIsRefusedWithAComparison() {
        IndicatorView indicator = AsAdmin.run(
                users, () -> indicators.create(command("stale_" + run, "Stale " + run, Dimension.OWNERSHIP)));
        browser.open("/indicators/" + indicator.id() + "/edit");
        assertThat(browser.driver().findElement(By.id("maxValue")).getAttribute("value"))
                .isEqualTo("1000");
        AsAdmin.run(users, () -> {
            IndicatorCommand renamed = command("stale_" + run, "Renamed meanwhile " + run, Dimension.OWNERSHIP);
            return indicators.update(indicator.id(), indicator.version(), renamed);
        });
        browser.type("unit", "hearings");
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
        assertThat(browser.text(By.id("conflict")))
                .contains("Someone else changed this record")
                .contains("Name Stale " + run + " Renamed meanwhile " + run)
                .contains("Unit hearings cases");
        browser.screenshot("indicator-form-conflict");
        browser.click(By.linkText("Reload the current version"));
        assertThat(browser.driver().findElement(By.id("name")).getAttribute("value"))
                .isEqualTo("Renamed meanwhile " + run);
    }

    @Test
    void aStewardDeletesAnIndicatorAfterConfirming() {
        IndicatorView doomed = AsAdmin.run(
                users, () -> indicators.create(command("doomed_" + run, "Doomed " + run, Dimension.CONTEXT)));
        browser.open("/indicators/" + doomed.id());
        browser.click(By.cssSelector("button.danger"));
        browser.driver().switchTo().alert().accept();
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Deleted.");
        browser.open("/indicators?q=doomed_" + run);
        assertThat(browser.pageText()).contains("Nothing matches.");
    }

    @Test
    void theScreensSpeakFrenchAndFitANarrowScreen() {
        browser.open("/indicators?lang=fr&q=" + run);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Indicateurs");
        assertThat(browser.text(By.cssSelector("label[for=dimension]"))).isEqualTo("Dimension");
        assertThat(browser.pageText()).contains("Capacités et professionnalisme");
        browser.open("/indicators/new");
        assertThat(browser.text(By.cssSelector("label[for=valueType]"))).startsWith("Type de valeur");
        browser.open("/indicators/disaggregations");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Catégories de ventilation");
        browser.resize(360, 800);
        browser.open("/indicators?q=" + run);
        scrollTo(By.cssSelector("main table"));
        browser.screenshot("indicators-list-360-fr");
        browser.resize(1280, 900);
        browser.open("/indicators?lang=en");
    }

    private void scrollTo(By by) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'start'})",
                        browser.driver().findElement(by));
    }

    private List<WebElement> rows() {
        return browser.all(By.cssSelector("main table tbody tr"));
    }

    private void select(String id, String value) {
        new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
    }

    private IndicatorCommand command(String code, String name, Dimension dimension) {
        return new IndicatorCommand(
                code,
                name,
                null,
                "cases",
                ValueType.NUMBER,
                null,
                BigDecimal.valueOf(1000),
                Aggregation.SUM,
                null,
                null,
                Direction.HIGHER_IS_BETTER,
                dimension,
                Pillar.JUSTICE,
                unmil,
                null,
                List.of(),
                List.of());
    }
}
