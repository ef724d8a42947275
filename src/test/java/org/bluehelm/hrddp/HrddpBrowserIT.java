package org.bluehelm.hrddp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bluehelm.complaint.CaseSubstantiated;
import org.bluehelm.complaint.ComplaintCategory;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

@BrowserTest
class HrddpBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsService users;

    @Autowired
    InstitutionService institutions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    Browser browser;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private long brigade;

    @BeforeAll
    void start() {
        brigade = AsAdmin.run(
                users,
                () -> institutions
                        .create(new InstitutionCommand(
                                "Browser Brigade " + tag,
                                null,
                                Pillar.DEFENCE,
                                "LBR",
                                null,
                                null,
                                null,
                                null,
                                List.of()))
                        .id());
        AsAdmin.run(
                users,
                () -> institutions.create(new InstitutionCommand(
                        "Browser Battalion " + tag,
                        null,
                        Pillar.DEFENCE,
                        "LBR",
                        null,
                        brigade,
                        null,
                        null,
                        List.of())));
        browser = new Browser(port);
        browser.signInAsAdmin();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aManagerPlansSupportAssessesItSeesTheFlagOfACaseInTheBrigadeAndReassesses() {
        browser.open("/hrddp/new");
        save();
        assertThat(browser.text(By.id("recipientInstitutionId-error"))).isEqualTo("is required");
        assertThat(browser.text(By.id("type-error"))).isEqualTo("is required");
        assertThat(browser.text(By.id("periodFrom-error"))).isEqualTo("is required");

        select("recipientInstitutionId").selectByVisibleText("Browser Battalion " + tag + " · LBR");
        select("type").selectByValue("TRAINING");
        setValue("periodFrom", "2026-01-01");
        browser.type("description", "Human rights training for the battalion");
        save();
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Training · Browser Battalion " + tag);
        assertThat(browser.text(By.id("support-status"))).isEqualTo("Planned");
        assertThat(browser.pageText()).contains("Not assessed yet");
        String supportUrl = browser.driver().getCurrentUrl();

        browser.click(By.linkText("Edit"));
        select("status").selectByValue("ACTIVE");
        save();
        assertThat(browser.text(By.id("status-error"))).startsWith("can be active only once a risk assessment");

        browser.open(supportUrl.substring(supportUrl.indexOf("/hrddp")));
        browser.clickAndWait(By.linkText("Assess"));
        select("violationsLevel").selectByValue("ALLEGATIONS");
        select("overallRisk").selectByValue("MEDIUM");
        browser.type("violationsRecord", "Allegations of ill-treatment at checkpoints in 2025");
        browser.type("mitigations0.text", "Vet the battalion's commanders");
        select("decision").selectByValue("PROCEED_WITH_MITIGATION");
        setValue("reviewDate", LocalDate.now().plusMonths(6).toString());
        save();
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Assessment saved.");
        assertThat(browser.text(By.id("current-assessment")))
                .contains("Proceed with mitigation")
                .contains("Vet the battalion's commanders · Open");

        browser.click(By.linkText("Edit"));
        select("status").selectByValue("ACTIVE");
        save();
        assertThat(browser.text(By.id("support-status"))).isEqualTo("Active");
        assertThat(browser.all(By.id("open-flags"))).isEmpty();

        // a case in the brigade above the battalion is closed as substantiated
        transactions.executeWithoutResult(s -> events.publishEvent(new CaseSubstantiated(
                ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2),
                ComplaintCategory.EXCESSIVE_FORCE,
                "LBR",
                Set.of(brigade),
                OffsetDateTime.now(ZoneOffset.UTC))));
        browser.open(supportUrl.substring(supportUrl.indexOf("/hrddp")));
        assertThat(browser.text(By.id("open-flags")))
                .contains("Excessive use of force")
                .contains("substantiated on " + LocalDate.now(ZoneOffset.UTC));
        assertThat(Integer.parseInt(browser.text(By.id("nav-accountability-count"))))
                .isPositive();
        browser.screenshot("hrddp-flagged-support");

        browser.open("/hrddp?flagged=true&mine=true");
        assertThat(browser.pageText()).contains("Browser Battalion " + tag);
        browser.screenshot("hrddp-flagged-list");

        browser.open(supportUrl.substring(supportUrl.indexOf("/hrddp")));
        browser.clickAndWait(By.cssSelector("#open-flags a.button"));
        assertThat(browser.driver().findElement(By.id("mitigations0.text")).getAttribute("value"))
                .isEqualTo("Vet the battalion's commanders");
        select("mitigations0.status").selectByValue("IN_PLACE");
        select("overallRisk").selectByValue("HIGH");
        select("decision").selectByValue("PROCEED_WITH_MITIGATION");
        setValue("reviewDate", LocalDate.now().plusMonths(3).toString());
        save();
        assertThat(browser.all(By.id("open-flags"))).isEmpty();
        assertThat(browser.text(By.id("flag-history"))).contains("Cleared by an assessment");
        assertThat(browser.text(By.id("current-assessment"))).contains("High").contains("In place");

        browser.open("/hrddp?flagged=true&mine=true");
        assertThat(browser.pageText()).doesNotContain("Browser Battalion " + tag);
    }

    @Test
    void theHrddpScreensAreInFrench() {
        browser.open("/hrddp?lang=fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Diligence voulue en matière de droits de l'homme");
        browser.open("/hrddp/new");
        save();
        assertThat(browser.text(By.id("type-error"))).isEqualTo("est obligatoire");
        browser.open("/hrddp?lang=en");
    }

    private Select select(String id) {
        return new Select(browser.driver().findElement(By.id(id)));
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].value = arguments[1];", browser.driver().findElement(By.id(id)), value);
    }

    /** Submits the form and waits for the answer to replace the page, so no check reads the old one. */
    private void save() {
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
    }
}
