package org.bluehelm.actor;

import static org.assertj.core.api.Assertions.assertThat;

import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class ActorBrowserIT {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(port);
        browser.signInAsAdmin();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aManagerRecordsAMissionComponentAfterBeingToldItNeedsItsMission() {
        browser.open("/actors/new");
        browser.type("name", "Browser Test Security Sector Reform Unit").type("acronym", "BT-SSRU");
        select("type").selectByValue("MISSION_COMPONENT");
        browser.type("countryCode", "LBR").type("website", "not a site");
        save();

        assertThat(browser.text(By.id("missionId-error"))).isEqualTo("is required for a mission component");
        assertThat(browser.text(By.id("website-error"))).startsWith("must be a web address");
        assertThat(browser.driver().findElement(By.id("missionId")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        browser.screenshot("actor-form-errors");

        select("missionId").selectByVisibleText("UNMIL (LBR)");
        browser.type("website", "https://unmil.unmissions.org");
        save();

        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("BT-SSRU · Browser Test Security Sector Reform Unit");
        assertThat(browser.pageText())
                .contains("International")
                .contains("Mission component")
                .contains("Users of this mission and its host country");
        assertThat(browser.driver().findElement(By.linkText("UNMIL")).getAttribute("href"))
                .contains("/missions/");
        browser.screenshot("actor-detail");
    }

    @Test
    void aNationalActorNeedsItsCountryAndIsFoundByCategory() {
        browser.open("/actors/new");
        browser.type("name", "Browser Test Women's Peace Network");
        select("type").selectByValue("CIVIL_SOCIETY_ORGANISATION");
        save();
        assertThat(browser.text(By.id("countryCode-error"))).isEqualTo("is required for a national actor");

        browser.type("countryCode", "lbr");
        save();
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.pageText()).contains("National").contains("LBR · Liberia");

        browser.click(By.linkText("Edit"));
        browser.type("description", "Monitors police conduct in Montserrado.");
        save();
        assertThat(browser.pageText()).contains("Monitors police conduct in Montserrado.");

        browser.open("/actors?category=NATIONAL&country=LBR&q=browser+test");
        assertThat(browser.all(By.cssSelector("tbody tr"))).hasSize(1);
        assertThat(browser.text(By.cssSelector("tbody tr")))
                .contains("Browser Test Women's Peace Network")
                .contains("Civil society organisation");
        browser.open("/actors?q=browser+test");
        browser.screenshot("actors-list");
    }

    @Test
    void anActorIsDeletedAfterConfirmation() {
        browser.open("/actors/new");
        browser.type("name", "Browser Test Donor To Delete");
        select("type").selectByValue("DONOR_GOVERNMENT");
        browser.type("countryCode", "NOR");
        save();
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        browser.click(By.cssSelector("form[data-confirm] button.danger"));
        browser.driver().switchTo().alert().accept();
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Deleted.");
        browser.open("/actors?q=to+delete");
        assertThat(browser.pageText()).contains("Nothing matches.");
    }

    @Test
    void theActorScreensAreInFrench() {
        browser.open("/actors?lang=fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Acteurs");
        browser.open("/actors/new");
        select("type").selectByValue("HOST_MINISTRY");
        save();
        assertThat(browser.text(By.id("name-error"))).isEqualTo("est obligatoire");
        assertThat(browser.text(By.id("countryCode-error"))).isEqualTo("est obligatoire pour un acteur national");
        browser.screenshot("actor-form-fr");
        browser.open("/actors?lang=en");
    }

    private Select select(String id) {
        return new Select(browser.driver().findElement(By.id(id)));
    }

    /** Submits the form and waits for the answer to replace the page, so no check reads the old one. */
    private void save() {
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
    }
}
