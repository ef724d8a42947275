package org.bluehelm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.bluehelm.actor.ActorCommand;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorType;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitCommand;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.identity.Role;
import org.bluehelm.identity.ScopeEntry;
import org.bluehelm.identity.ScopeType;
import org.bluehelm.identity.UserCommand;
import org.bluehelm.identity.UserService;
import org.bluehelm.mission.MissionService;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The core job in one sitting, all in the browser: sign in; define an indicator with a target;
 * create a programme measured by it; enter values for two periods in the data entry grid; see
 * them in the programme's table and chart; read the page in French; and check that a user of
 * another mission cannot open the programme.
 */
@BrowserTest
class CoreJourneyBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    GeographyService geography;

    @Autowired
    ActorService actors;

    @Autowired
    MissionService missions;

    @Autowired
    UserService users;

    Browser browser;
    String tag;
    OrgUnitView county;
    String lead;

    @BeforeAll
    void start() {
        // the places and partners a mission already has on record (background work runs with full scope)
        tag = UUID.randomUUID().toString().substring(0, 6);
        county =
                geography.createOrgUnit(new OrgUnitCommand("JRN-" + tag, "Lofa " + tag, OrgUnitKind.AREA, null, "LBR"));
        lead = "Journey Police Component " + tag;
        actors.create(new ActorCommand(
                lead,
                null,
                null,
                ActorType.MISSION_COMPONENT,
                "LBR",
                missions.findByAcronym("UNMIL").orElseThrow().id(),
                null,
                null));
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void fromSignInToTheProgrammeChartAndBack() {
        browser.signIn("admin", "test-admin-password");
        long unmil = missions.findByAcronym("UNMIL").orElseThrow().id();

        // an indicator with a target
        String code = "journey_trained_" + tag;
        browser.open("/indicators/new");
        browser.type("code", code).type("name", "Officers trained " + tag).type("unit", "persons");
        select("valueType", "INTEGER");
        select("aggregation", "SUM");
        select("direction", "HIGHER_IS_BETTER");
        select("dimension", "CAPACITY");
        select("missionId", String.valueOf(unmil));
        select("baselinesAndTargets[0].kind", "TARGET");
        select("baselinesAndTargets[0].orgUnitId", String.valueOf(county.id()));
        browser.type("baselinesAndTargets[0].period", "2024").type("baselinesAndTargets[0].value", "100");
        save();
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");

        // a programme measured by it
        browser.open("/programmes/new");
        browser.type("code", "JRN-" + tag).type("name", "Journey programme " + tag);
        new Select(browser.driver().findElement(By.id("pillar"))).selectByValue("POLICE");
        browser.type("countryCode", "LBR");
        browser.driver().findElement(By.id("countryCode")).sendKeys(Keys.TAB);
        By location = By.xpath("//label[text()='" + county.name() + "']");
        browser.waitUntil(d -> !d.findElements(location).isEmpty());
        browser.click(location);
        new Select(browser.driver().findElement(By.id("missionId"))).selectByVisibleText("UNMIL (LBR)");
        new Select(browser.driver().findElement(By.id("leadActorId"))).selectByVisibleText(lead + " · LBR");
        new Select(browser.driver().findElement(By.id("status"))).selectByValue("ACTIVE");
        browser.type("results0.code", "OC1").type("results0.title", "Police serve communities");
        new Select(browser.driver().findElement(By.id("results0.level"))).selectByValue("OUTCOME");
        browser.type("results0.indicators", code);
        save();
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        String programmePath = browser.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "");

        // values for two quarters, typed in the grid
        browser.click(By.id("programme-enter-data"));
        for (String[] entry : new String[][] {{"2024Q1", "40"}, {"2024Q2", "65"}}) {
            new Select(browser.driver().findElement(By.id("orgUnit"))).selectByValue(String.valueOf(county.id()));
            browser.type("period", entry[0]);
            browser.clickAndWait(By.cssSelector(".entry-choice button[type=submit]"));
            browser.driver().switchTo().activeElement().sendKeys(entry[1], Keys.ENTER);
            browser.waitUntil(d -> !d.findElements(By.cssSelector(".alert.ok")).isEmpty());
        }

        // the programme shows them in its table and chart
        browser.open(programmePath);
        String table = browser.text(By.cssSelector(".progress table"));
        assertThat(table)
                .contains("2024Q1")
                .contains("40")
                .contains("2024Q2")
                .contains("65")
                .contains("100");
        browser.waitUntil(d ->
                "1".equals(d.findElement(By.cssSelector(".progress canvas")).getAttribute("data-drawn")));
        browser.screenshotWholePage("journey-programme");

        // in French
        browser.open(programmePath + "?lang=fr");
        assertThat(browser.text(By.cssSelector("header nav")))
                .contains("Planifier")
                .contains("Données")
                .contains("Alertes");
        browser.click(By.cssSelector("#menu-data summary"));
        assertThat(browser.text(By.id("menu-data"))).contains("Saisie des données");
        browser.screenshot("nav-menu-open-fr");
        assertThat(browser.pageText()).contains("Partenaires");
        browser.screenshotWholePage("journey-programme-fr");
        browser.open(programmePath + "?lang=en");

        // a user of another mission does not find it
        String other = "journey-unoci-" + tag;
        users.create(new UserCommand(
                other,
                "UNOCI officer",
                null,
                "correct-horse-battery",
                true,
                List.of(Role.MISSION_MANAGER),
                List.of(new ScopeEntry(
                        ScopeType.MISSION,
                        String.valueOf(
                                missions.findByAcronym("UNOCI").orElseThrow().id())))));
        browser.click(By.cssSelector("form[action$='/logout'] button"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("/login"));
        browser.signIn(other, "correct-horse-battery");
        browser.open(programmePath);
        assertThat(browser.pageText())
                .contains("The page or record was not found, or you may not see it.")
                .doesNotContain("Journey programme");
    }

    private void select(String id, String value) {
        new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
    }

    private void save() {
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
    }
}
