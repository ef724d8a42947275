package org.bluehelm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager generates a programme's report on the screen and downloads it: the link gives a PDF
 * with the programme's figure, fetched with the browser's own session.
 */
@BrowserTest
class ReportBrowserIT {

    private static final String ADMIN = "admin";
    private static final String PASSWORD = "test-admin-password";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    @LocalServerPort
    int port;

    Browser browser;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private String programmeCode;
    private String missionCode;
    private long mission;

    @BeforeAll
    void start() throws Exception {
        long unit = post("/api/v1/orgUnits", """
                {"code":"OU-R%s","name":"Report area %s","kind":"AREA","countryCode":"LBR"}""".formatted(tag, tag));
        long indicator = post("/api/v1/indicators", """
                {"code":"ind_r%s","name":"Officers trained %s","unit":"persons","valueType":"INTEGER",
                 "aggregation":"SUM","direction":"HIGHER_IS_BETTER","dimension":"CAPACITY",
                 "baselinesAndTargets":[
                   {"kind":"BASELINE","orgUnitId":%d,"period":"2020","value":10},
                   {"kind":"TARGET","orgUnitId":%d,"period":"2024","value":90}]}""".formatted(tag.toLowerCase(), tag, unit, unit));
        post("/api/v1/dataValues", """
                {"indicatorId":%d,"orgUnitId":%d,"period":"2022Q4","value":42}""".formatted(indicator, unit));
        long lead = post("/api/v1/actors", """
                {"name":"Report browser ministry %s","type":"HOST_MINISTRY","countryCode":"LBR"}""".formatted(tag));
        missionCode = "RBM-" + tag;
        mission = post("/api/v1/missions", """
                {"acronym":"%s","name":"Report browser mission %s","startDate":"2020-01-01","hostCountries":["LBR"]}""".formatted(missionCode, tag));
        programmeCode = "RB-" + tag;
        post("/api/v1/programmes", """
                {"code":"%s","name":"Report browser programme","pillar":"POLICE","countryCode":"LBR",
                 "missionId":%d,"leadActorId":%d,"status":"ACTIVE","locationIds":[%d],
                 "results":[{"code":"OC1","level":"OUTCOME","title":"Skills","indicatorIds":[%d]}]}""".formatted(programmeCode, mission, lead, unit, indicator));
        browser = new Browser(port);
        browser.signIn(ADMIN, PASSWORD);
        browser.waitUntil(d -> !d.getCurrentUrl().contains("/login"));
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void aReportGeneratedOnTheScreenDownloadsAsAPdfWithItsFigures() throws Exception {
        browser.open("/?lang=en");
        browser.navigate("Reports");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Progress reports");

        // a period that is not one names the field
        new Select(browser.driver().findElement(By.id("subject")))
                .selectByVisibleText(programmeCode + " · Report browser programme");
        browser.type("period", "2022X");
        browser.clickAndWait(By.id("generate-now"));
        assertThat(browser.text(By.id("report-problems"))).contains("period:");

        new Select(browser.driver().findElement(By.id("subject")))
                .selectByVisibleText(programmeCode + " · Report browser programme");
        browser.type("period", "2022");
        new Select(browser.driver().findElement(By.id("language"))).selectByValue("en");
        browser.clickAndWait(By.id("generate-now"));
        assertThat(browser.text(By.id("generated"))).isEqualTo("Report generated.");
        assertThat(browser.text(By.id("reports"))).contains(programmeCode + " · 2022 · EN");
        browser.screenshot("report-list");

        String href = browser.driver()
                .findElement(By.cssSelector("#reports tbody tr:first-child a.pdf-link"))
                .getAttribute("href");
        String cookies = browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> pdf = http.send(
                HttpRequest.newBuilder(URI.create(href))
                        .header("Cookie", cookies)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Progress report")
                    .contains(programmeCode)
                    .contains("Officers trained " + tag)
                    .contains("42 (2022Q4)")
                    .contains("40 %");
        }
    }

    @Test
    void aMissionReportGeneratedOnTheScreenDownloadsAsAFrenchPdfOverItsProgrammes() throws Exception {
        browser.open("/reports?lang=en");
        new Select(browser.driver().findElement(By.id("subject"))).selectByValue("MISSION:" + mission);
        browser.type("period", "2022");
        new Select(browser.driver().findElement(By.id("language"))).selectByValue("fr");
        browser.clickAndWait(By.id("generate-now"));
        assertThat(browser.text(By.id("generated"))).isEqualTo("Report generated.");
        assertThat(browser.text(By.id("reports"))).contains(missionCode + " · 2022 · FR");
        // the page now shows the mission's schedule form
        assertThat(browser.driver().findElement(By.id("keepLast")).isDisplayed())
                .isTrue();

        String text = pdfText(browser.driver()
                .findElement(By.cssSelector("#reports tbody tr:first-child a.pdf-link"))
                .getAttribute("href"));
        assertThat(text)
                .contains("Rapport d'avancement de la mission")
                .contains(missionCode)
                .contains(programmeCode)
                .contains("Pilier : Police")
                .contains("42 (2022Q4)")
                .contains("Risques")
                .contains("Leçons apprises");
    }

    private String pdfText(String href) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> pdf = http.send(
                HttpRequest.newBuilder(URI.create(href))
                        .header("Cookie", cookies)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private long post(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        (ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
        Matcher m = ID.matcher(response.body());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
