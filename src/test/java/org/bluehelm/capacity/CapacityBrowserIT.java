package org.bluehelm.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.bluehelm.institution.InstitutionCommand;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.shared.Pillar;
import org.bluehelm.test.AsAdmin;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The whole flow in a browser: course, event, roster import, scores, coverage on the institution's page. */
@BrowserTest
class CapacityBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsService users;

    @Autowired
    InstitutionService institutions;

    Browser browser;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private long police;

    @BeforeAll
    void start() {
        police = AsAdmin.run(
                users,
                () -> institutions
                        .create(new InstitutionCommand(
                                "Browser Police " + tag,
                                null,
                                Pillar.POLICE,
                                "LBR",
                                null,
                                null,
                                null,
                                null,
                                List.of(new InstitutionCommand.Strength(2026, 50, 40))))
                        .id());
        browser = new Browser(port);
        browser.signInAsAdmin();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aCourseIsDeliveredItsRosterImportedScoredAndTheCoverageShownOnTheInstitutionsPage() throws Exception {
        browser.navigate("Capacity building");
        browser.clickAndWait(By.id("new-course"));
        save();
        assertThat(browser.text(By.id("title-error"))).isEqualTo("is required");
        assertThat(browser.text(By.id("rankLevels-error"))).isEqualTo("choose at least one rank level");

        browser.type("title", "Public order management " + tag);
        select("competency").selectByValue("PUBLIC_ORDER");
        setValue("durationDays", "5");
        select("targetInstitutionId").selectByVisibleText("Browser Police " + tag + " · LBR");
        browser.click(By.cssSelector("input[name=rankLevels][value=NCO]"));
        save();
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Public order management " + tag);
        assertThat(browser.text(By.id("course-competency"))).isEqualTo("Public order");

        browser.clickAndWait(By.id("new-event"));
        setValue("startsOn", "2026-03-02");
        setValue("endsOn", "2026-03-06");
        browser.type("deliveredBy", "UNPOL and the police academy");
        setValue("nationalTrainers", "2");
        setValue("internationalTrainers", "2");
        save();
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.text(By.id("event-participants"))).isEqualTo("0");

        Path bad = roster("service_number,name,sex\nSN-%s-1,Musu Kollie,W\n".formatted(tag));
        browser.driver().findElement(By.id("file")).sendKeys(bad.toString());
        browser.clickAndWait(By.id("import-roster"));
        assertThat(browser.text(By.id("roster-problems"))).contains("line 2 sex: must be F, M or OTHER");
        assertThat(browser.text(By.id("event-participants"))).isEqualTo("0");

        StringBuilder csv = new StringBuilder("service_number,name,rank,sex,vetting\n");
        for (int i = 1; i <= 5; i++) {
            csv.append("SN-%s-%d,Officer %d,Sergeant,%s,CLEARED\n".formatted(tag, i, i, i % 2 == 0 ? "F" : "M"));
        }
        browser.driver()
                .findElement(By.id("file"))
                .sendKeys(roster(csv.toString()).toString());
        browser.clickAndWait(By.id("import-roster"));
        assertThat(browser.text(By.id("roster-report"))).contains("5 participants imported");
        assertThat(browser.text(By.id("participants"))).contains("P-").doesNotContain("SN-" + tag);
        assertThat(browser.text(By.id("event-gain"))).isEqualTo("—");

        // scores of the first participant
        WebElement pre = browser.all(By.cssSelector("#participants input[name=preScore]"))
                .get(0);
        String row = pre.getAttribute("id").replace("-pre", "");
        setValue(row + "-pre", "40");
        setValue(row + "-post", "75");
        browser.clickAndWait(By.id(row + "-save"));
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.text(By.id("event-gain"))).isEqualTo("35.0");

        // the institution's page shows the coverage: 5 of 40 trained
        browser.open("/institutions/" + police);
        browser.waitUntil(d -> !d.findElements(By.id("summary-trained")).isEmpty());
        assertThat(browser.text(By.id("summary-trained"))).isEqualTo("5");
        assertThat(browser.text(By.id("summary-coverage"))).isEqualTo("12.5 %");
        browser.clickAndWait(By.linkText("Training coverage and capacity measures"));
        assertThat(browser.text(By.id("coverage-national"))).isEqualTo("50.0 %");
        assertThat(browser.text(By.id("one-off"))).contains("Public order management " + tag);
        browser.clickAndWait(By.linkText("Training and outcomes"));
        assertThat(browser.text(By.id("association"))).startsWith("Association, not proof");
    }

    private Path roster(String csv) throws Exception {
        Path file = Files.createTempFile("roster-", ".csv");
        file.toFile().deleteOnExit();
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private Select select(String id) {
        return new Select(browser.driver().findElement(By.id(id)));
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].value = arguments[1];", browser.driver().findElement(By.id(id)), value);
    }

    /** Submits the form and waits for the answer to replace the page. */
    private void save() {
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
    }
}
