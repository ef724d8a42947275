package org.bluehelm.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.bluehelm.mission.MissionService;
import org.bluehelm.test.AsAdmin;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A steward defines a threshold rule on the rules screen, enters a value above it, sees the alert and acknowledges it. */
@BrowserTest
class AlertBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsService users;

    @Autowired
    GeographyService geography;

    @Autowired
    MissionService missions;

    @Autowired
    IndicatorService indicators;

    Browser browser;
    long unmil;
    OrgUnitView county;
    IndicatorView indicator;

    @BeforeAll
    void start() {
        String run = IndicatorFixtures.unique();
        unmil = missions.findByAcronym("UNMIL").orElseThrow().id();
        county = AsAdmin.run(
                users,
                () -> geography.createOrgUnit(
                        new OrgUnitCommand("LO-" + run.toUpperCase(), "Lofa " + run, OrgUnitKind.AREA, null, "LBR")));
        indicator = AsAdmin.run(
                users,
                () -> indicators.create(IndicatorCommand.sum(
                        "detainees_" + run,
                        "Pre-trial detainees " + run,
                        "persons",
                        Direction.LOWER_IS_BETTER,
                        Dimension.RIGHTS,
                        null,
                        unmil,
                        null,
                        List.of(),
                        List.of())));
        browser = new Browser(port);
        browser.signIn("admin", "test-admin-password");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aRuleMadeOnTheRulesScreenRaisesAnAlertWhenDataIsEnteredAndItIsAcknowledged() {
        browser.open("/alerts/rules");
        browser.clickAndWait(By.id("new-rule"));
        select("indicatorId", String.valueOf(indicator.id()));
        select("kind", "THRESHOLD");
        select("operator", "ABOVE");
        browser.type("threshold", "1OO").type("orgUnitCode", county.code());
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
        // a typo: the field is named beside it, nothing is saved
        assertThat(browser.text(By.id("threshold-error"))).isEqualTo("'1OO' is not a number (e.g. 12.5)");
        assertThat(browser.text(By.id("form-errors"))).contains("Threshold");
        browser.type("threshold", "100");
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.text(By.id("alert-rules")))
                .contains(indicator.code(), "Threshold", "above 100", county.code() + " and below");
        browser.screenshot("alert-rules");

        // the data entry grid of the county, a value above the threshold
        browser.open("/data-entry?mission=" + unmil + "&indicator=" + indicator.id() + "&orgUnit=" + county.id()
                + "&period=2024Q1");
        browser.driver().findElement(By.id("cells[0].value")).sendKeys("150", Keys.ENTER);
        waitForText("1 new, 0 replaced, 0 removed.");

        // the navigation counts it, the home page lists it
        assertThat(browser.text(By.id("nav-alert-count"))).matches("[1-9][0-9]*");
        browser.open("/");
        assertThat(browser.text(By.cssSelector(".home-attention")))
                .contains(indicator.code() + " · " + county.name() + " · 2024Q1");

        browser.open("/alerts?state=OPEN&indicator=" + indicator.id());
        assertThat(browser.all(By.cssSelector("#alerts tbody tr"))).hasSize(1);
        assertThat(browser.text(By.cssSelector("#alerts tbody tr")))
                .contains("Open", indicator.code(), county.name(), "2024Q1", "150 is above the threshold of 100");
        browser.screenshot("alerts-open");
        browser.clickAndWait(By.cssSelector("#alerts button.acknowledge"));
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Alert acknowledged.");
        assertThat(browser.driver().getCurrentUrl()).contains("state=OPEN");
        assertThat(browser.text(By.id("alerts-empty"))).isEqualTo("No alert matches.");

        browser.open("/alerts?indicator=" + indicator.id());
        assertThat(browser.text(By.cssSelector("#alerts tbody tr"))).contains("Acknowledged", "admin");
        assertThat(browser.all(By.cssSelector("#alerts button.acknowledge"))).isEmpty();
        browser.open("/alerts?indicator=" + indicator.id() + "&lang=fr");
        assertThat(browser.text(By.cssSelector("#alerts tbody tr")))
                .contains("Prise en compte", "150 dépasse le seuil de 100");
        assertThat(browser.text(By.id("nav-alerts"))).startsWith("Alertes");
        browser.screenshot("alerts-fr");
        browser.open("/alerts?lang=en");
    }

    private void waitForText(String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    private void select(String id, String value) {
        new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
    }
}
