package org.bluehelm.portal;

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
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class PortalBrowserIT {

    @LocalServerPort
    int port;

    Browser browser;

    private final HttpClient http = HttpClient.newHttpClient();

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private long indicator;

    @BeforeAll
    void start() throws Exception {
        indicator = id(api("/api/v1/indicators", """
                {"code":"ind_por_%s","name":"Police stations open %s","unit":"stations","valueType":"INTEGER",
                 "aggregation":"SUM","direction":"HIGHER_IS_BETTER","dimension":"CAPACITY","countryCode":"LBR"}""".formatted(tag.toLowerCase(), tag)));
        long region = id(api("/api/v1/orgUnits", """
                {"code":"OU-POR-%s","name":"Portal county %s","kind":"AREA","countryCode":"LBR"}""".formatted(tag, tag)));
        long district = id(api("/api/v1/orgUnits", """
                {"code":"OU-POR-D-%s","name":"Portal district %s","kind":"AREA","parentId":%d}""".formatted(tag, tag, region)));
        long lead = id(api("/api/v1/actors", """
                {"name":"Ministry %s","type":"HOST_MINISTRY","countryCode":"LBR"}""".formatted(tag)));
        long programme = id(api("/api/v1/programmes", """
                {"code":"LBR-PORB-%s","name":"Portal browser test","pillar":"POLICE","countryCode":"LBR",
                 "leadActorId":%d,"status":"ACTIVE",
                 "results":[{"code":"OC1","level":"OUTCOME","title":"Stations","indicatorIds":[%d]}]}""".formatted(tag, lead, indicator)));
        api("/api/v1/dataValues", """
                {"indicatorId":%d,"orgUnitId":%d,"period":"2023Q3","value":4321}""".formatted(indicator, district));
        for (String action : new String[] {"submit", "approve"}) {
            api("/api/v1/approvals/" + action, """
                    {"programmeId":%d,"orgUnitId":%d,"period":"2023Q3","comment":""}""".formatted(programme, district));
        }
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private String api(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        "admin:test-admin-password".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 299);
        return response.body();
    }

    private static long id(String body) {
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void aStewardReleasesAnIndicatorAndAnyoneSeesItsApprovedValueInEnglishAndFrenchAndDownloadsIt() throws Exception {
        browser.open("/public/countries/LBR?lang=en");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("/login");
        assertThat(browser.pageText()).doesNotContain("Police stations open " + tag);

        // released from the indicator's page by someone signed in
        browser.signInAsAdmin();
        browser.open("/indicators/" + indicator);
        assertThat(browser.driver().findElement(By.id("publicRelease")).isSelected())
                .isFalse();
        browser.click(By.id("publicRelease"));
        browser.clickAndWait(By.cssSelector("#public-release-form button[type=submit]"));
        assertThat(browser.driver().findElement(By.id("publicRelease")).isSelected())
                .isTrue();
        browser.driver().manage().deleteAllCookies();

        // anyone, without signing in
        browser.open("/public?lang=en");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("/login");
        assertThat(browser.text(By.tagName("h1"))).contains("Security sector reform");
        browser.clickAndWait(By.linkText("Liberia"));
        assertThat(browser.text(By.id("values")))
                .contains("Police stations open " + tag, "Portal district " + tag, "4321");
        assertThat(browser.text(By.id("citation"))).contains("Bluehelm transparency portal", "CC BY 4.0");

        String csvLink = browser.driver().findElement(By.id("download-csv")).getAttribute("href");
        HttpResponse<String> csv = http.send(
                HttpRequest.newBuilder(URI.create(csvLink)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(csv.body()).startsWith("indicator_code,").contains("Police stations open " + tag + ",stations");

        browser.clickAndWait(By.linkText("FR"));
        assertThat(browser.text(By.tagName("h2"))).isEqualTo("Indicateurs");
        assertThat(browser.pageText()).contains("Comment citer", "Télécharger", "Police stations open " + tag);
    }

    @Test
    void anyoneVisitsTheIndexAccountabilityAndComparisonPagesInEnglishAndFrench() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/public/countries/LBR?lang=en");
        browser.clickAndWait(By.id("index-link"));
        assertThat(browser.text(By.tagName("h1"))).startsWith("SSR index");
        assertThat(browser.pageText()).contains("from 0 (baseline) to 100", "How to cite");

        browser.open("/public/countries/LBR");
        browser.clickAndWait(By.id("accountability-link"));
        assertThat(browser.text(By.tagName("h1"))).startsWith("Accountability statistics");
        assertThat(browser.pageText()).contains("shown as <5");

        browser.open("/public/countries/LBR");
        browser.clickAndWait(By.id("comparison-link"));
        assertThat(browser.text(By.id("descriptive"))).isEqualTo("Descriptive, not causal.");
        assertThat(browser.driver().findElements(By.cssSelector("svg.chart"))).isNotEmpty();

        browser.clickAndWait(By.linkText("FR"));
        assertThat(browser.text(By.id("descriptive"))).isEqualTo("Descriptif, non causal.");
        browser.open("/public/countries/LBR/index");
        assertThat(browser.text(By.tagName("h1"))).startsWith("Indice RSS");
        browser.open("/public/countries/LBR/accountability");
        assertThat(browser.text(By.tagName("h1"))).startsWith("Statistiques de redevabilité");
    }
}
