package org.bluehelm.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager records a risk with a trigger on an indicator; a value above the threshold arrives; the
 * risk register shows the risk triggered with a strategy review requested, and the revision logged
 * answers it.
 */
@BrowserTest
class RiskBrowserIT {

    @LocalServerPort
    int port;

    Browser browser;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private long indicator;
    private long unit;

    @BeforeAll
    void start() throws Exception {
        unit = api("/api/v1/orgUnits", """
                {"code":"RSK-%s","name":"Risk county %s","kind":"AREA","countryCode":"LBR"}""".formatted(tag, tag));
        indicator = api("/api/v1/indicators", """
                {"code":"unrest_%s","name":"Unrest events %s","unit":"events","valueType":"NUMBER","aggregation":"SUM",
                 "direction":"LOWER_IS_BETTER","dimension":"CONTEXT","countryCode":"LBR"}""".formatted(tag.toLowerCase(), tag));
        browser = new Browser(port);
        browser.signInAsAdmin();
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aThresholdCrossedFlagsTheRiskAndAsksItsOwnerForAStrategyReview() throws Exception {
        browser.navigate("Risk register");
        browser.clickAndWait(By.linkText("New risk"));
        browser.type("title", "");
        save();
        assertThat(browser.text(By.id("title-error"))).isEqualTo("is required");
        assertThat(browser.text(By.id("countryCode-error"))).isEqualTo("is required");

        browser.type("title", "Unrest in the county " + tag);
        browser.type("countryCode", "LBR");
        browser.driver().findElement(By.id("likelihood")).clear();
        browser.type("likelihood", "2");
        new Select(browser.driver().findElement(By.id("triggers0.indicatorId")))
                .selectByValue(String.valueOf(indicator));
        browser.type("triggers0.orgUnitCode", "RSK-" + tag);
        browser.type("triggers0.threshold", "10");
        save();
        assertThat(browser.text(By.cssSelector(".alert.ok"))).isEqualTo("Saved.");
        assertThat(browser.text(By.id("risk-status"))).isEqualTo("Open");
        assertThat(browser.text(By.id("risk-triggers"))).contains("Unrest events " + tag, "above 10");
        String riskUrl = browser.driver().getCurrentUrl();

        api("/api/v1/dataValues", """
                {"indicatorId":%d,"orgUnitId":%d,"period":"2026Q1","value":14}""".formatted(indicator, unit));

        browser.navigate("Risk register");
        assertThat(browser.text(By.id("my-reviews"))).contains("awaits a strategy review");
        assertThat(browser.text(By.id("risk-table")))
                .contains("Unrest in the county " + tag + " Strategy review requested");
        browser.clickAndWait(By.linkText("Unrest in the county " + tag));
        assertThat(browser.text(By.id("risk-status"))).isEqualTo("Triggered");
        assertThat(browser.text(By.id("risk-likelihood"))).isEqualTo("3");
        assertThat(browser.text(By.id("review-request")))
                .contains("Unrest events " + tag + " in Risk county " + tag
                        + " was 14 in 2026Q1, above the threshold 10");
        assertThat(browser.text(By.id("risk-triggers"))).contains("crossed in 2026Q1 (14)");

        browser.clickAndWait(By.linkText("Record the strategy revision"));
        browser.type("whatChanged", "Community policing patrols added in the county");
        save();
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(riskUrl);
        assertThat(browser.all(By.id("review-request"))).isEmpty();
        browser.navigate("Context and strategy");
        assertThat(browser.text(By.id("revision-log")))
                .contains("Community policing patrols added in the county")
                .contains("Unrest in the county " + tag);
    }

    private void save() {
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
    }

    /** Posts to the API as the administrator and returns the id created. */
    private long api(String path, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString("admin:test-admin-password"
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return ((Number) JsonPath.read(response.body(), "$.id")).longValue();
    }
}
