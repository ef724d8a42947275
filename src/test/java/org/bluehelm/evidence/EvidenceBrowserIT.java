package org.bluehelm.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst uploads a panel, picks its columns, runs a synthetic control with placebos, reads the
 * donor weights, the RMSPE and the p-value beside the charts, and opens the method page.
 */
@BrowserTest
class EvidenceBrowserIT {

    @LocalServerPort
    int port;

    @TempDir
    Path folder;

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

    private Select select(String id) {
        return new Select(browser.driver().findElement(By.id(id)));
    }

    @Test
    void anAnalystUploadsAPanelRunsASyntheticControlAndReadsTheMethod() throws Exception {
        Path file = folder.resolve("my-panel.csv");
        Files.writeString(file, SimulatedPanelSource.simulate());
        browser.navigate("Impact estimators");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Impact estimators");
        browser.driver()
                .findElement(By.id("file"))
                .sendKeys(file.toAbsolutePath().toString());
        browser.clickAndWait(By.id("upload"));
        select("data").selectByValue("upload");
        select("estimator").selectByValue("synth");
        browser.clickAndWait(By.id("choose"));
        assertThat(select("data").getFirstSelectedOption().getText()).isEqualTo("Your upload: my-panel.csv");

        select("unit").selectByValue("unit");
        select("time").selectByValue("year");
        select("outcome").selectByValue("y");
        browser.type("treated", "U01");
        browser.type("treatmentStart", "1990");
        browser.clickAndWait(By.id("run"));
        assertThat(browser.text(By.id("treatmentStart-error"))).contains("1990");

        browser.type("treatmentStart", "2010");
        browser.type("predictors", "y:2000-2004\ny:2005-2009");
        browser.click(By.id("placebos1"));
        browser.clickAndWait(By.id("run"));
        assertThat(browser.all(By.cssSelector("#synth-weights tbody tr"))).hasSize(11);
        assertThat(browser.text(By.id("pre-rmspe"))).matches("\\d+\\.\\d{4}");
        assertThat(browser.text(By.id("post-rmspe"))).matches("\\d+\\.\\d{4}");
        browser.screenshotWholePage("evidence-synth");
        // U01 gains 2.0 from 2010: it ranks first of the 12 units
        assertThat(browser.text(By.id("p-value")))
                .isEqualTo("0.083 (rank 1 of 12 units; the smallest possible is 0.083)");
        assertThat(browser.text(By.cssSelector("#synth-placebos tbody tr:first-child th")))
                .isEqualTo("U01 (treated)");
        browser.waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return document.querySelectorAll('canvas[data-drawn]').length === 2")));
        browser.screenshotWholePage("evidence-synth");

        browser.clickAndWait(By.id("results-method"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Synthetic control");
        assertThat(browser.pageText()).contains("Peacekeepers go to harder cases", "1/(J+1)");
    }
}
