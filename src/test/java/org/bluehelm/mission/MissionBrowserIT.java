package org.bluehelm.mission;

import static org.assertj.core.api.Assertions.assertThat;

import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class MissionBrowserIT {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(port);
        browser.signIn("admin", "test-admin-password");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aUserFindsAMissionAndSeesItsDeploymentsWithTheirSource() {
        browser.open("/missions?q=UNMIL");
        browser.screenshot("missions-list");
        browser.click(By.linkText("UNMIL"));
        assertThat(browser.text(By.tagName("h1"))).contains("United Nations Mission in Liberia");
        assertThat(browser.pageText()).contains("Geo-PKO").contains("Hultman");
        assertThat(browser.all(By.cssSelector("#deployment-table tbody tr"))).hasSizeGreaterThan(10);
        browser.screenshot("mission-detail");
    }

    @Test
    void aManagerCreatesAMissionWithAMandateTaskAndIsToldWhatIsWrongFirst() {
        browser.open("/missions/new");
        browser.type("acronym", "BROWSER-M")
                .type("name", "Browser Test Mission")
                .type("hostCountries", "XXX");
        browser.driver().findElement(By.id("startDate")).sendKeys("01022020");
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
        assertThat(browser.text(By.id("form-errors")))
                .contains("Host country 1")
                .contains("XXX");
        browser.screenshot("mission-form-errors");
        browser.type("hostCountries", "LBR");
        browser.type("resolutions0.symbol", "S/RES/2000 (2020)");
        browser.type("tasks0.resolution", "S/RES/2000 (2020)");
        browser.type("tasks0.text", "Support the vetting of police officers");
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.pageText()).contains("Support the vetting of police officers");
    }

    @Test
    void aRepeatVisitTransfersLittleBecauseAssetsAreCached() {
        browser.open("/missions?q=UNMIL");
        browser.open("/missions?q=UNMIL");
        Number transferred = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                        return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                            .reduce(function (sum, e) { return sum + (e.transferSize || 0); }, 0);""");
        assertThat(transferred.longValue()).isLessThan(300 * 1024);
        assertThat(browser.driver().getPageSource()).contains("/css/bluehelm-");
    }

    @Test
    void theInterfaceSwitchesToFrench() {
        browser.open("/missions?lang=fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Opérations de paix");
        browser.open("/missions?lang=en");
    }
}
