package org.bluehelm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.bluehelm.demo.DemoDataset;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The home page of an administrator with the demo dataset loaded. */
@BrowserTest
class HomeBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoDataset demo;

    Browser browser;
    boolean loadedHere;

    @BeforeAll
    void start() {
        // other browser tests of the same application may have loaded the demo already
        loadedHere = !"LOADED".equals(demo.status().state());
        if (loadedHere) {
            demo.load();
        }
        browser = new Browser(port);
        browser.signIn("admin", "test-admin-password");
    }

    @AfterAll
    void stop() {
        browser.close();
        if (loadedHere) {
            demo.remove();
        }
    }

    @Test
    void theHomePageShowsProgrammesAndTheLatestDataInScope() {
        browser.open("/");
        // other browser tests of the same application may have added programmes of their own
        assertThat(browser.all(By.cssSelector("#home-programmes tbody tr"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.text(By.id("home-programmes"))).contains("LBR-DEMO-");
        assertThat(browser.all(By.cssSelector("#home-latest tbody tr"))).hasSize(10);
        browser.screenshotWholePage("home-demo");
        browser.open("/?lang=fr");
        assertThat(browser.text(By.id("home-latest-title"))).isEqualTo("Dernières données");
        browser.screenshotWholePage("home-demo-fr");
        browser.open("/?lang=en");
    }
}
