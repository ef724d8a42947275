package org.bluehelm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitCommand;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.geography.OrgUnitView;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A user builds a dashboard in the browser: a time series drawn as a chart beside its table. */
@BrowserTest
class DashboardBrowserIT {

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
    OrgUnitView county;
    IndicatorView trained;

    @BeforeAll
    void start() {
        run = IndicatorFixtures.unique();
        AsAdmin.run(users, () -> {
            county = geography.createOrgUnit(new OrgUnitCommand(
                    "DB-" + run.toUpperCase(), "Nimba County " + run, OrgUnitKind.AREA, null, "LBR"));
            OrgUnitView district = geography.createOrgUnit(new OrgUnitCommand(
                    "DB-" + run.toUpperCase() + "-1", "Sanniquellie " + run, OrgUnitKind.AREA, county.id(), null));
            trained = indicators.create(IndicatorCommand.sum(
                            "db_trained_" + run,
                            "Officers trained " + run,
                            "persons",
                            Direction.HIGHER_IS_BETTER,
                            Dimension.CAPACITY,
                            null,
                            null,
                            "LBR",
                            List.of(),
                            List.of())
                    .withValueType(ValueType.NUMBER));
            measurements.recordValue(value(district, "202401", "5"));
            measurements.recordValue(value(district, "202402", "6"));
            measurements.recordValue(value(district, "202404", "8"));
            return null;
        });
        browser = new Browser(port);
        browser.signIn("admin", "test-admin-password");
    }

    private DataValueCommand value(OrgUnitView unit, String period, String value) {
        return new DataValueCommand(trained.id(), unit.id(), period, null, null, new BigDecimal(value), null, null);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aUserBuildsADashboardWithATimeSeriesAndArrangesItsItems() {
        browser.open("/");
        browser.navigate("Dashboards");
        browser.clickAndWait(By.id("dashboard-new"));
        String name = "Nimba training " + run;
        browser.type("name", name);
        browser.clickAndWait(By.id("dashboard-save"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(name);
        assertThat(browser.text(By.id("dashboard-empty"))).isEqualTo("This dashboard has no item yet.");

        // a time series, first with a mistake that the form names beside its field
        browser.clickAndWait(By.id("dashboard-add-item"));
        select("kind", "TIME_SERIES");
        browser.type("title", "Officers trained by quarter");
        new Select(browser.driver().findElement(By.id("indicators"))).selectByValue(String.valueOf(trained.id()));
        select("orgUnit", String.valueOf(county.id()));
        select("periodType", "QUARTERLY");
        browser.type("from", "2024Q9").type("to", "2024Q2");
        browser.clickAndWait(By.id("item-save"));
        assertThat(browser.text(By.id("from-error"))).isNotBlank();
        browser.type("from", "2024Q1");
        browser.clickAndWait(By.id("item-save"));

        WebElement series = browser.driver().findElement(By.cssSelector("article.dashboard-item"));
        long seriesId = Long.parseLong(series.getAttribute("id").substring("item-".length()));
        assertThat(browser.text(By.id("item-" + seriesId + "-title"))).isEqualTo("Officers trained by quarter");
        // the chart is drawn from the table beside it
        browser.waitUntil(d -> "1"
                .equals(d.findElement(By.cssSelector("#item-" + seriesId + " canvas"))
                        .getAttribute("data-drawn")));
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#item-" + seriesId + " canvas"))
                        .getAttribute("data-chart-type"))
                .isEqualTo("line");
        List<WebElement> rows = browser.all(By.cssSelector("#item-table-" + seriesId + " tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("2024Q1", "11");
        assertThat(rows.get(1).getText()).contains("2024Q2", "8");
        assertThat(browser.driver()
                        .findElement(By.id("item-" + seriesId + "-xlsx"))
                        .getAttribute("href"))
                .endsWith("/dashboards/" + currentDashboardId() + "/items/" + seriesId + "/data.xlsx");
        assertThat(browser.all(By.id("item-" + seriesId + "-csv"))).hasSize(1);

        // a second item, then moved above the first with the plain buttons
        browser.clickAndWait(By.id("dashboard-add-item"));
        select("kind", "BARS_BY_ORG_UNIT");
        browser.type("title", "Officers trained by district");
        new Select(browser.driver().findElement(By.id("indicators"))).selectByValue(String.valueOf(trained.id()));
        select("orgUnit", String.valueOf(county.id()));
        browser.click(By.id("children1"));
        select("periodType", "YEARLY");
        browser.type("from", "2024");
        browser.clickAndWait(By.id("item-save"));
        assertThat(titles()).containsExactly("Officers trained by quarter", "Officers trained by district");
        assertThat(browser.all(By.id("item-" + seriesId + "-up"))).isEmpty();

        long barsId = Long.parseLong(browser.all(By.cssSelector("article.dashboard-item"))
                .get(1)
                .getAttribute("id")
                .substring("item-".length()));
        browser.clickAndWait(By.id("item-" + barsId + "-up"));
        assertThat(titles()).containsExactly("Officers trained by district", "Officers trained by quarter");
        assertThat(browser.text(By.cssSelector("#item-table-" + barsId + " tbody")))
                .contains("Sanniquellie", "19");
        browser.waitUntil(d -> "bar"
                .equals(d.findElement(By.cssSelector("#item-" + barsId + " canvas"))
                        .getAttribute("data-chart-type")));
        browser.screenshotWholePage("dashboard");

        // the list shows it among mine; the page reads in French too
        browser.open("/dashboards");
        assertThat(browser.text(By.id("dashboards-mine"))).isEqualTo("My dashboards");
        assertThat(browser.pageText()).contains(name);
        browser.open("/dashboards?lang=fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Tableaux de bord");
        browser.open("/dashboards?lang=en");
    }

    private long currentDashboardId() {
        String url = browser.driver().getCurrentUrl();
        String path = url.substring(url.indexOf("/dashboards/") + "/dashboards/".length());
        return Long.parseLong(path.replaceAll("[^0-9].*$", ""));
    }

    private List<String> titles() {
        return browser.all(By.cssSelector("article.dashboard-item h2")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void select(String id, String value) {
        new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
    }
}
