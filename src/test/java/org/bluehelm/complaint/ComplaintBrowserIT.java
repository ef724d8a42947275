package org.bluehelm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reporter, in French and not signed in, sends a report with plain form posts and follows it. */
@BrowserTest
class ComplaintBrowserIT {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aReporterSendsAReportInFrenchThenFollowsItWithTheReceipt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        browser.open("/login?lang=fr");
        browser.clickAndWait(By.id("report-link"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Signaler un abus");

        browser.type("description", "Racket au poste de contrôle " + tag);
        new Select(browser.driver().findElement(By.id("countryCode"))).selectByValue("LBR");
        browser.clickAndWait(By.cssSelector("button[name=pick]")); // the places of Liberia, without JavaScript
        assertThat(browser.driver().findElement(By.id("description")).getAttribute("value"))
                .contains(tag);
        new Select(browser.driver().findElement(By.id("category"))).selectByValue("CORRUPTION_EXTORTION");
        browser.type("institution", "Police " + tag);
        browser.clickAndWait(By.id("send"));

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Signalement reçu");
        String receipt = browser.text(By.id("receipt"));
        assertThat(receipt).matches("\\d{4} \\d{4} \\d{4} \\d{4}");

        browser.open("/report/follow");
        browser.type("receipt", receipt);
        browser.clickAndWait(By.id("follow"));
        assertThat(browser.text(By.id("state"))).isEqualTo("Reçue");
        browser.type("body", "J'ai une photo " + tag);
        browser.clickAndWait(By.id("send-message"));
        assertThat(browser.pageText()).contains("Votre message a été envoyé.");
        assertThat(browser.text(By.id("thread"))).contains("J'ai une photo " + tag);

        browser.open("/report/follow");
        browser.type("receipt", "1111 2222 3333 4444");
        browser.clickAndWait(By.id("follow"));
        assertThat(browser.text(By.id("not-found"))).contains("Aucun signalement");
    }
}
