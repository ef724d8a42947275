package org.bluehelm.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The reference panel screens in a browser: Liberia against Somalia, the series list and an upload. */
@BrowserTest
class ComparisonBrowserIT {

    @LocalServerPort
    int port;

    Browser browser;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

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
    void theWorkedExampleShowsLiberiaAndSomaliaWithTheMissionsShadedTheTableAndTheCitation() {
        browser.open("/");
        browser.navigate("Case comparison");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Case comparison");
        browser.clickAndWait(By.id("worked-example"));
        assertThat(browser.text(By.id("comparison-heading"))).isEqualTo("Liberia · Somalia");
        assertThat(browser.text(By.id("missions")))
                .contains("UNMIL (Liberia): 2003–2018")
                .contains("UNOMIL (Liberia): 1993–1997")
                .contains("UNOSOM I (Somalia): 1992–1993")
                .contains("UNOSOM II (Somalia): 1993–1995");
        assertThat(browser.text(By.id("comparison-note"))).contains("not causal");

        WebElement ruleOfLaw = browser.driver().findElement(By.id("series-wgi_rule_of_law"));
        assertThat(ruleOfLaw.findElement(By.tagName("h3")).getText()).isEqualTo("Rule of law (WGI)");
        List<WebElement> heads = ruleOfLaw.findElements(By.cssSelector("thead th"));
        assertThat(heads.stream().map(WebElement::getText).toList())
                .startsWith("Year", "Liberia", "Somalia", "Mean of Western Africa");
        WebElement y2005 = ruleOfLaw.findElement(By.cssSelector("tr[data-year='2005']"));
        List<WebElement> cells = y2005.findElements(By.tagName("td"));
        assertThat(cells.get(0).getText()).isEqualTo("-1.327"); // LBR 2005: -1.32651209831238 in the WGI file
        assertThat(cells.get(1).getText()).isEqualTo("-2.173"); // SOM 2005: -2.17263507843018
        assertThat(cells.get(cells.size() - 1).getText()).isEqualTo("UNMIL");
        assertThat(ruleOfLaw
                        .findElement(By.cssSelector("tr[data-year='2000'] td:last-child"))
                        .getText())
                .isEmpty();
        assertThat(ruleOfLaw.findElement(By.cssSelector(".citation")).getText())
                .contains("Kaufmann, D., Kraay, A. & Mastruzzi, M. (2010)")
                .contains("CC BY 4.0");
        assertThat(ruleOfLaw.findElement(By.cssSelector(".period-means")).getText())
                .contains("UNMIL")
                .contains("2003–2018, n = 16");

        WebElement violence = browser.driver().findElement(By.id("series-vdem_physical_violence"));
        assertThat(violence.findElement(By.cssSelector("tr[data-year='2004'] td"))
                        .getText())
                .isEqualTo("0.755");
        assertThat(violence.findElement(By.cssSelector(".citation")).getText()).contains("V-Dem");

        // a chart is drawn for each series, with the mission bands passed to it
        browser.waitUntil(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript(
                        "return !!window.Chart && document.querySelectorAll('canvas[data-drawn]').length === 2"));
        Object bands = ((JavascriptExecutor) browser.driver())
                .executeScript("var c = window.Chart.getChart(document.querySelector('canvas[data-comparison-for]'));"
                        + " return c.options.plugins.missionBands.bands.map(function (b) { return b.label + ':' + b.from"
                        + " + '-' + b.to; }).join(',') + '|' + c.options.plugins.missionBands.compareBands.map(function (b) {"
                        + " return b.label; }).join(',') + '|' + c.data.datasets.length;");
        assertThat(String.valueOf(bands))
                .contains("UNMIL:2003-2018")
                .contains("UNOMIL:1993-1997")
                .endsWith("|3");
        browser.screenshotWholePage("comparison-liberia-somalia");
    }

    @Test
    void theSeriesScreenListsSourcesAndAnUploadIsUsableInTheComparison() throws Exception {
        browser.open("/reference/series");
        assertThat(browser.text(By.id("series-wgi_rule_of_law")))
                .contains("World Bank")
                .contains("Kaufmann");
        assertThat(browser.text(By.id("series-vdem_physical_violence"))).contains("CC BY-SA 4.0");

        browser.open("/reference/countries/LBR");
        assertThat(browser.text(By.id("country-sources"))).contains("Geo-PKO").contains("PACT");

        Path bad = Files.createTempFile("series", ".csv");
        Files.writeString(bad, "country,year,value\nAtlantis,2004,1\n");
        browser.open("/reference/uploads");
        browser.type("label", "Browser series " + tag);
        browser.type("citation", "Field survey " + tag);
        browser.driver().findElement(By.id("file")).sendKeys(bad.toString());
        browser.clickAndWait(By.id("upload"));
        assertThat(browser.text(By.id("upload-problems")))
                .contains("Nothing was stored")
                .contains("line 2, column 'country': unknown country 'Atlantis'");

        Path good = Files.createTempFile("series", ".csv");
        Files.writeString(good, "iso3,year,value\nLBR,2004,12.5\nLBR,2005,14\n");
        browser.driver().findElement(By.id("file")).sendKeys(good.toString());
        browser.clickAndWait(By.id("upload"));
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Series stored.");
        assertThat(browser.pageText()).contains("Browser series " + tag).contains("Field survey " + tag);
        browser.clickAndWait(By.xpath("//tr[td[text()='Browser series " + tag + "']]//a"));
        WebElement row = browser.driver().findElement(By.cssSelector("article tr[data-year='2005'] td"));
        assertThat(row.getText()).isEqualTo("14.000");
        assertThat(browser.text(By.cssSelector("article .citation"))).contains("Field survey " + tag);
        Files.deleteIfExists(bad);
        Files.deleteIfExists(good);
    }

    @Test
    void theComparisonIsInFrench() {
        browser.open("/evidence/comparison?lang=fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Comparaison de cas");
        assertThat(browser.text(By.id("comparison-heading"))).isEqualTo("Liberia · Somalie");
        assertThat(browser.text(By.id("region-note"))).startsWith("Moyenne régionale, Afrique de l'Ouest");
        browser.open("/evidence/comparison?lang=en");
    }
}
