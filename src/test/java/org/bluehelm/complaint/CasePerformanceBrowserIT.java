package org.bluehelm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An administrator opens the performance of oversight bodies in French, filters it by year and republishes. */
@BrowserTest
class CasePerformanceBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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
    void anAdministratorReadsThePerformanceByYear() {
        CaseFixtures.insertCase(
                jdbc,
                "OTHER",
                null,
                null,
                "2023-05-01T00:00:00Z",
                "2023-06-10T00:00:00Z",
                "SUBSTANTIATED",
                null,
                null,
                null);
        browser.signIn("admin", "test-admin-password");
        browser.open("/complaints/performance?lang=fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Performance des organes de contrôle");

        new Select(browser.driver().findElement(By.id("periodType"))).selectByValue("YEARLY");
        browser.type("from", "2023");
        browser.type("to", "2023");
        browser.clickAndWait(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.text(By.id("performance"))).contains("2023").contains("Aucun organe assigné");
        assertThat(browser.driver().findElement(By.id("performance-csv")).getAttribute("href"))
                .contains("periodType=YEARLY");

        browser.clickAndWait(By.id("republish"));
        assertThat(browser.pageText()).contains("Indicateurs republiés");
    }
}
