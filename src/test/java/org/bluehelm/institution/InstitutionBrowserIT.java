package org.bluehelm.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A mission manager records a security institution with its strength, corrects what the form
 * refuses, edits it, meets a conflicting edit, and records the body that oversees it; in English,
 * in French and on a phone-sized screen. The steps build on each other, so they run in order.
 */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstitutionBrowserIT {

    static final String NAME = "Browser Test National Police";

    @LocalServerPort
    int port;

    @Autowired
    InstitutionService institutions;

    Browser browser;
    String detailPath;

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
    @Order(1)
    void theFormTellsWhatIsWrongNextToEachFieldAndKeepsWhatWasTyped() {
        browser.open("/institutions/new");
        browser.type("name", NAME).type("acronym", "BTNP").type("countryCode", "ZZZ");
        select("pillar").selectByValue("POLICE");
        browser.type("strength0.year", "2019")
                .type("strength0.authorised", "5000")
                .type("strength0.actual", "4200");
        browser.type("strength1.year", "2020")
                .type("strength1.authorised", "-10")
                .type("strength1.actual", "4500");
        save();

        assertThat(browser.text(By.id("countryCode-error"))).contains("ZZZ").contains("not a known");
        assertThat(browser.text(By.id("strength[1].authorised-error"))).isEqualTo("must not be negative");
        assertThat(browser.driver().findElement(By.id("strength1.authorised")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.driver().findElement(By.id("strength0.year")).getAttribute("value"))
                .isEqualTo("2019");
        assertThat(browser.all(By.cssSelector(".strength-row"))).hasSize(4);
        browser.screenshot("institution-form-errors");
        scrollTo(By.cssSelector("fieldset"));
        browser.screenshot("institution-form-strength-errors");
    }

    @Test
    @Order(2)
    void theCorrectedInstitutionShowsItsStrengthAsATableAndAChart() {
        browser.type("countryCode", "LBR").type("strength1.authorised", "5000");
        save();

        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("BTNP · " + NAME);
        assertThat(browser.pageText()).contains("Liberia").contains("Police");
        List<String> rows = browser.all(By.cssSelector("#strength-table tbody tr")).stream()
                .map(r -> r.getText())
                .toList();
        assertThat(rows).containsExactly("2019 5,000 4,200", "2020 5,000 4,500");
        browser.waitUntil(d -> "1"
                .equals(d.findElement(By.cssSelector("canvas[data-chart-for=strength-table]"))
                        .getAttribute("data-drawn")));
        detailPath = browser.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        browser.screenshot("institution-detail");
        scrollTo(By.cssSelector(".chart-box"));
        browser.screenshot("institution-detail-strength");
    }

    @Test
    @Order(3)
    void theListFindsItWithItsLatestStrength() {
        browser.open("/institutions?q=browser+test+national&country=LBR&pillar=POLICE");
        assertThat(browser.all(By.cssSelector("tbody tr"))).hasSize(1);
        assertThat(browser.text(By.cssSelector("tbody tr"))).contains(NAME).contains("2020: 5,000 / 4,500");
        browser.click(By.linkText("Name"));
        assertThat(browser.driver()
                        .findElement(By.cssSelector("th[aria-sort=descending]"))
                        .getText())
                .isEqualTo("Name");
        browser.open("/institutions?country=LBR");
        browser.screenshot("institutions-list");
        browser.click(By.linkText(NAME));
        assertThat(browser.text(By.tagName("h1"))).contains(NAME);
    }

    @Test
    @Order(4)
    void anEditAddsAYearAndBlankRowsAreIgnored() {
        browser.open(detailPath);
        browser.click(By.linkText("Edit"));
        assertThat(browser.all(By.cssSelector(".strength-row"))).hasSize(4);
        browser.type("strength2.year", "2021").type("strength2.authorised", "5200");
        browser.type("description", "Civilian police service rebuilt after 2003.");
        save();

        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.all(By.cssSelector("#strength-table tbody tr"))).hasSize(3);
        assertThat(browser.text(By.cssSelector("#strength-table tbody tr:last-child")))
                .isEqualTo("2021 5,200");
        assertThat(browser.pageText()).contains("Civilian police service rebuilt after 2003.");
    }

    @Test
    @Order(5)
    void aConflictingEditIsComparedAndNotSaved() {
        browser.open(detailPath + "/edit");
        long id = Long.parseLong(detailPath.substring(detailPath.lastIndexOf('/') + 1));
        InstitutionView stored = institutions.get(id);
        institutions.update(
                id,
                stored.version(),
                new InstitutionCommand(
                        stored.name(),
                        "LNP-X",
                        stored.pillar(),
                        stored.countryCode(),
                        stored.missionId(),
                        stored.parentId(),
                        stored.orgUnitId(),
                        stored.description(),
                        stored.strength().stream()
                                .map(s -> new InstitutionCommand.Strength(s.year(), s.authorised(), s.actual()))
                                .toList()));
        browser.type("acronym", "BTNP-2");
        save();

        assertThat(browser.text(By.id("conflict")))
                .contains("Acronym")
                .contains("BTNP-2")
                .contains("LNP-X");
        browser.screenshot("institution-conflict");
        browser.click(By.linkText("Reload the current version"));
        assertThat(browser.driver().findElement(By.id("acronym")).getAttribute("value"))
                .isEqualTo("LNP-X");
        browser.type("acronym", "BTNP");
        save();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("BTNP · " + NAME);
    }

    @Test
    @Order(6)
    void anOversightBodyIsRecordedFromTheInstitutionAndLinksBothWays() {
        browser.open(detailPath);
        browser.click(By.partialLinkText("Record an oversight body"));
        assertThat(browser.driver().findElement(By.id("countryCode")).getAttribute("value"))
                .isEqualTo("LBR");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("input[name=institutionIds]:checked"))
                        .getAttribute("id"))
                .isEqualTo("institution-" + detailPath.substring(detailPath.lastIndexOf('/') + 1));
        browser.type("name", "Browser Test Security Committee");
        save();
        assertThat(browser.text(By.id("type-error"))).isEqualTo("is required");
        assertThat(browser.text(By.id("independent-error"))).isEqualTo("is required");
        assertThat(browser.all(By.cssSelector("input[name=institutionIds]:checked")))
                .hasSize(1);
        scrollTo(By.cssSelector("fieldset"));
        browser.screenshot("oversight-form-errors");
        select("type").selectByValue("PARLIAMENTARY_COMMITTEE");
        select("independent").selectByValue("true");
        browser.type("mandate", "Scrutinises the police budget and holds hearings.");
        save();

        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Browser Test Security Committee");
        assertThat(browser.pageText()).contains("Parliamentary committee").contains("Yes, independent");
        browser.screenshot("oversight-detail");
        browser.click(By.partialLinkText(NAME));
        assertThat(browser.text(By.tagName("h1"))).contains(NAME);
        assertThat(browser.driver().findElement(By.linkText("Browser Test Security Committee")))
                .isNotNull();

        browser.open("/oversight-bodies?q=browser+test&type=PARLIAMENTARY_COMMITTEE");
        assertThat(browser.text(By.cssSelector("tbody tr")))
                .contains("Browser Test Security Committee")
                .contains("LBR");
        browser.screenshot("oversight-list");
    }

    @Test
    @Order(7)
    void anOverseenInstitutionIsNotDeletedAndTheUserIsToldWhy() {
        browser.open(detailPath);
        browser.click(By.cssSelector("form[data-confirm] button.danger"));
        browser.driver().switchTo().alert().accept();
        assertThat(browser.text(By.cssSelector(".alert.error"))).contains("was not deleted");
        assertThat(browser.text(By.tagName("h1"))).contains(NAME);
    }

    @Test
    @Order(8)
    void theScreensAndTheirErrorsAreInFrench() {
        browser.open("/institutions?lang=fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Institutions de sécurité");
        browser.open(detailPath);
        assertThat(browser.all(By.tagName("h2")).get(0).getText()).isEqualTo("Effectifs par année");
        assertThat(browser.text(By.cssSelector("#strength-table tbody tr")).replaceAll("[\u00a0\u202f]", " "))
                .isEqualTo("2019 5 000 4 200");
        browser.screenshot("institution-detail-fr");
        browser.open("/institutions/new");
        browser.type("countryCode", "QQQ").type("strength0.year", "2020").type("strength0.authorised", "-1");
        browser.type("strength1.year", "2020").type("strength1.authorised", "10");
        save();
        assertThat(browser.text(By.id("name-error"))).isEqualTo("est obligatoire");
        assertThat(browser.text(By.id("countryCode-error")))
                .isEqualTo("« QQQ » n'est pas un code pays ISO 3166 alpha-3 connu");
        assertThat(browser.text(By.id("strength[0].authorised-error"))).isEqualTo("ne doit pas être négatif");
        assertThat(browser.text(By.id("strength[1].year-error"))).isEqualTo("2020 figure deux fois");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("label[for='strength1.year']"))
                        .getText()
                        .replaceAll("\\s+", " "))
                .isEqualTo("Année (ligne 2)");
        browser.screenshot("institution-form-fr");
        browser.open("/oversight-bodies?lang=fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Organes de contrôle");
        browser.open("/institutions?lang=en");
    }

    @Test
    @Order(9)
    void theDetailFitsAPhoneScreen() {
        browser.resize(360, 800);
        try {
            browser.open(detailPath);
            browser.waitUntil(d -> "1"
                    .equals(d.findElement(By.cssSelector("canvas[data-chart-for=strength-table]"))
                            .getAttribute("data-drawn")));
            Object width = ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth;");
            assertThat(((Number) width).intValue()).isLessThanOrEqualTo(360);
            browser.screenshot("institution-detail-360");
            scrollTo(By.cssSelector(".chart-box"));
            browser.screenshot("institution-detail-360-chart");
            browser.open("/institutions/new");
            browser.screenshot("institution-form-360");
            scrollTo(By.cssSelector("fieldset"));
            browser.screenshot("institution-form-360-strength");
        } finally {
            browser.resize(1280, 900);
        }
    }

    private void scrollTo(By by) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].scrollIntoView(true);", browser.driver().findElement(by));
    }

    private Select select(String id) {
        return new Select(browser.driver().findElement(By.id(id)));
    }

    /** Submits the form and waits for the answer to replace the page, so no check reads the old one. */
    private void save() {
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
    }
}
