package org.bluehelm.ssrindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitCommand;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.BenchmarkKind;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.indicator.Direction;
import org.bluehelm.indicator.IndicatorCommand;
import org.bluehelm.indicator.IndicatorFixtures;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.indicator.ValueType;
import org.bluehelm.measurement.DataValueCommand;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.test.AsAdmin;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The index page over a country unit of our own with one district: two CAPACITY indicators (one
 * with data, one without) and one ACCOUNTABILITY indicator where lower is better.
 */
@BrowserTest
class SsrIndexBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsService users;

    @Autowired
    GeographyService geography;

    @Autowired
    IndicatorService indicators;

    @Autowired
    MeasurementService measurements;

    Browser browser;
    String run;
    OrgUnitView country;
    IndicatorView trained;

    @BeforeAll
    void start() {
        run = IndicatorFixtures.unique();
        AsAdmin.run(users, () -> {
            country = geography.createOrgUnit(new OrgUnitCommand(
                    "IDX-" + run.toUpperCase(), "Index country " + run, OrgUnitKind.AREA, null, "LBR"));
            OrgUnitView district = geography.createOrgUnit(new OrgUnitCommand(
                    "IDX-D-" + run.toUpperCase(), "Index district " + run, OrgUnitKind.AREA, country.id(), null));
            trained = indicator("trained", Dimension.CAPACITY, Direction.HIGHER_IS_BETTER, "0", "40");
            indicator("units", Dimension.CAPACITY, Direction.HIGHER_IS_BETTER, "0", "10");
            IndicatorView complaints =
                    indicator("days", Dimension.ACCOUNTABILITY, Direction.LOWER_IS_BETTER, "90", "30");
            // trained: 20 of 40 = 0.5; days to close a complaint: (60 - 90) / (30 - 90) = 0.5 as well
            record(trained, district, "2025", "20");
            record(complaints, district, "2025", "60");
            return null;
        });
        browser = new Browser(port);
        browser.signIn("admin", "test-admin-password");
    }

    @AfterEach
    void backToEnglish() {
        browser.open("/?lang=en");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void thePageShowsEachDimensionsScoreWithItsCoverageBesideItAndTheIndicatorsBehindIt() {
        browser.open("/ssr-index");
        // the page is marked current in its menu, and the menu holding it is marked too
        assertThat(browser.driver()
                        .findElement(By.cssSelector("nav[aria-label=Main] a[aria-current=page]"))
                        .getAttribute("textContent")
                        .trim())
                .isEqualTo("SSR index");
        assertThat(browser.text(By.cssSelector("#menu-analyse summary.here"))).isEqualTo("Analyse");
        new Select(browser.driver().findElement(By.id("orgUnit"))).selectByValue(String.valueOf(country.id()));
        browser.type("period", "2025");
        browser.clickAndWait(By.cssSelector("form.filters button[type=submit]"));

        assertThat(browser.text(By.id("ssr-heading"))).isEqualTo("Index of Index country " + run + " in 2025");
        assertThat(browser.text(By.id("ssr-overall"))).contains("50 / 100").contains("2 of 3 indicators with data");
        assertThat(row("CAPACITY")).isEqualTo(List.of("50", "1 of 2"));
        assertThat(row("ACCOUNTABILITY")).isEqualTo(List.of("50", "1 of 1"));
        assertThat(row("OVERSIGHT")).isEqualTo(List.of("—", "0 of 0"));
        assertThat(browser.text(By.cssSelector("#ssr-indicators-CAPACITY caption")))
                .contains("1 of 2");
        assertThat(browser.text(By.cssSelector("#ssr-indicators-CAPACITY tr[data-indicator=idx_units_" + run + "]")))
                .contains("no data");
        assertThat(browser.text(
                        By.cssSelector("#ssr-indicators-ACCOUNTABILITY tr[data-indicator=idx_days_" + run + "]")))
                .contains("Lower is better")
                .contains("60")
                .contains("90 (2020)")
                .contains("30 (2027)")
                .contains("0.5");
        // the bar chart is drawn from the table beside it; the trend table has the five years before
        browser.waitUntil(d -> "1"
                .equals(d.findElement(By.cssSelector("canvas[data-chart-for=ssr-dimensions]"))
                        .getDomAttribute("data-drawn")));
        assertThat(browser.all(By.cssSelector("#ssr-trend tbody tr"))).hasSize(6);
        browser.screenshotWholePage("ssr-index");

        browser.open("/ssr-index?orgUnit=" + country.id() + "&period=2025Q7");
        assertThat(browser.text(By.id("period-error"))).contains("is not a period");
    }

    @Test
    void anAdministratorWeighsAnIndicatorAndTheScoreFollows() {
        browser.open("/ssr-index/weights?dimension=CAPACITY");
        String row = "#ssr-weights tr[data-indicator=idx_trained_" + run + "]";
        String input = browser.driver()
                .findElement(By.cssSelector(row + " input[name$='.weight']"))
                .getDomAttribute("id");
        browser.type(input, "-2");
        browser.clickAndWait(By.cssSelector("form[method=post] button.primary"));
        String field = input.replace("weights", "weights[").replace(".weight", "].weight");
        assertThat(browser.text(By.id(field + "-error"))).isEqualTo("must be a positive number");
        assertThat(browser.text(By.id("form-errors"))).contains("Weight, row");

        String again = browser.driver()
                .findElement(By.cssSelector(row + " input[name$='.weight']"))
                .getDomAttribute("id");
        browser.type(again, "3");
        browser.clickAndWait(By.cssSelector("form[method=post] button.primary"));
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");

        browser.open("/ssr-index?orgUnit=" + country.id() + "&period=2025");
        // the indicator without data keeps the CAPACITY score at 50 whatever the weight of the other
        assertThat(row("CAPACITY")).isEqualTo(List.of("50", "1 of 2"));
        assertThat(browser.text(By.cssSelector("#ssr-indicators-CAPACITY tr[data-indicator=idx_trained_" + run + "]")))
                .endsWith("3");
    }

    @Test
    void theMethodPageIsReadableInFrench() {
        browser.open("/ssr-index?orgUnit=" + country.id() + "&period=2025&lang=fr");
        assertThat(browser.text(By.id("ssr-overall"))).contains("2 indicateurs sur 3 avec des données");
        assertThat(row("CAPACITY")).isEqualTo(List.of("50", "1 sur 2"));
        browser.clickAndWait(By.id("method-link"));
        assertThat(browser.text(By.id("method-title"))).isEqualTo("Comment l'indice composite de la RSS est calculé");
        assertThat(browser.text(By.id("method-normalisation"))).isEqualTo("Normalisation");
        assertThat(browser.text(By.id("method-direction"))).isEqualTo("Sens");
        assertThat(browser.text(By.id("method-coverage"))).isEqualTo("Couverture");
        assertThat(browser.text(By.id("method-limits"))).isEqualTo("Limites");
        assertThat(browser.pageText())
                .contains("position = (valeur − référence) / (cible − référence)")
                .contains("plus c'est bas, mieux c'est")
                .contains("Capacités et professionnalisme")
                .doesNotContain("ssrindex.");
        browser.screenshotWholePage("ssr-index-method-fr");
        browser.open("/ssr-index/method?lang=en");
        assertThat(browser.text(By.id("method-title"))).isEqualTo("How the SSR composite index is computed");
        assertThat(browser.pageText()).contains("place = (value − baseline) / (target − baseline)");
    }

    private List<String> row(String dimension) {
        return browser.all(By.cssSelector("#ssr-dimensions tr[data-dimension=" + dimension + "] td")).stream()
                .map(e -> e.getText().strip())
                .toList();
    }

    private IndicatorView indicator(
            String name, Dimension dimension, Direction direction, String baseline, String target) {
        return indicators.create(IndicatorCommand.sum(
                        "idx_" + name + "_" + run,
                        "Index " + name + " " + run,
                        "persons",
                        direction,
                        dimension,
                        null,
                        null,
                        "LBR",
                        List.of(),
                        List.of(
                                new IndicatorCommand.BenchmarkCommand(
                                        BenchmarkKind.BASELINE, country.id(), "2020", new BigDecimal(baseline)),
                                new IndicatorCommand.BenchmarkCommand(
                                        BenchmarkKind.TARGET, country.id(), "2027", new BigDecimal(target))))
                .withValueType(ValueType.NUMBER));
    }

    private void record(IndicatorView indicator, OrgUnitView unit, String period, String value) {
        measurements.recordValue(
                new DataValueCommand(indicator.id(), unit.id(), period, null, null, new BigDecimal(value), null, null));
    }
}
