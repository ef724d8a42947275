package org.bluehelm.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bluehelm.demo.DemoDataset;
import org.bluehelm.programme.ProgrammeFilter;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.programme.ProgrammeSummary;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The import page (upload, progress, summary with conflicts) and the approval page, on the demo
 * dataset; and the export API on the real server.
 */
@BrowserTest
class ImportBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoDataset demo;

    @Autowired
    ProgrammeService programmes;

    @TempDir
    Path dir;

    Browser browser;

    @BeforeAll
    void start() {
        if (!"LOADED".equals(demo.status().state())) {
            demo.load();
        }
        browser = new Browser(port);
        browser.signIn("admin", "test-admin-password");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private void upload(Path file) {
        upload(file, "CREATE_AND_UPDATE");
    }

    private void upload(Path file, String strategy) {
        browser.open("/imports");
        browser.driver()
                .findElement(By.id("file"))
                .sendKeys(file.toAbsolutePath().toString());
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("strategy")))
                .selectByValue(strategy);
        browser.clickAndWait(By.cssSelector("form.stack button.primary"));
        browser.screenshot("import-submitted-" + file.getFileName());
        // the page without JavaScript: its Refresh link reloads it until the summary is there
        browser.waitUntil(d -> {
            if (d.findElements(By.cssSelector("#progress [role=status], #progress [role=alert]"))
                    .isEmpty()) {
                d.navigate().refresh();
                return false;
            }
            return true;
        });
    }

    @Test
    void aFileWithProblemsIsRefusedWithItsConflictsThenACorrectedOneIsImported() throws Exception {
        browser.open("/imports");
        browser.screenshot("imports-page");
        Path bad = dir.resolve("hearings.csv");
        Files.writeString(
                bad,
                "dataElement,period,orgUnit,value\n"
                        + "demo_oversight_hearings,2030Q1,DEMO-LBR,3\n"
                        + "demo_oversight_hearings,2030Q2,DEMO-LBR,three\n"
                        + "no_such_indicator,2030Q3,DEMO-LBR,1\n");
        upload(bad);
        assertThat(browser.pageText()).contains("Nothing was written");
        assertThat(browser.all(By.cssSelector("#conflicts tbody tr"))).hasSize(2);
        assertThat(browser.text(By.cssSelector("#conflicts tbody tr:first-child")))
                .contains("3", "value", "three");
        browser.screenshot("import-refused");

        Path good = dir.resolve("hearings-fixed.csv");
        Files.writeString(
                good,
                "dataElement,period,orgUnit,value\n"
                        + "demo_oversight_hearings,2030Q1,DEMO-LBR,3\n"
                        + "demo_oversight_hearings,2030Q2,DEMO-LBR,4\n");
        upload(good);
        assertThat(browser.pageText()).contains("The values were imported.");
        browser.screenshot("import-done");

        // the same screen deletes the stored values a file lists
        Path deletion = dir.resolve("hearings-withdrawn.csv");
        Files.writeString(
                deletion, "dataElement,period,orgUnit,value\n" + "demo_oversight_hearings,2030Q2,DEMO-LBR,\n");
        upload(deletion, "DELETE");
        assertThat(browser.pageText()).contains("The stored values the file lists were deleted.");
        assertThat(browser.text(By.id("import-deleted"))).isEqualTo("1");
        browser.screenshot("import-deleted");

        browser.open("/imports");
        assertThat(browser.pageText()).contains("hearings-fixed.csv");
        browser.resize(360, 800);
        browser.screenshot("imports-page-narrow");
        browser.resize(1280, 900);
    }

    /**
     * On a real server, as MockMvc cannot show it: a response whose stream an export closed is
     * committed, and its error could no longer be written (the client saw 200 and an empty export).
     */
    @Test
    void anExportWithABadFilterAnswersItsProblemInEveryFormat() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String credentials = java.util.Base64.getEncoder()
                .encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
        for (String format : List.of("json", "csv", "xlsx")) {
            for (String query :
                    List.of("period=2024W60", "period=bad", "within=99999999", "from=2024-12-31&to=2024-01-01")) {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dataValueSets?" + query
                                        + "&format=" + format))
                                .header("Authorization", "Basic " + credentials)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                String what = format + " " + query + ": " + response.body();
                assertThat(response.statusCode()).as(what).isEqualTo(query.startsWith("within") ? 404 : 400);
                assertThat(response.headers().firstValue("Content-Type"))
                        .as(what)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(response.headers().firstValue("Content-Disposition"))
                        .as(what)
                        .isEmpty();
                if (query.startsWith("period")) {
                    assertThat(response.body()).as(what).contains("\"field\":\"period\"", "is not a period");
                }
            }
        }
    }

    @Test
    void anEmptyOrHeaderOnlyFileFailsWithItsReasonAndASemicolonFileImports() throws Exception {
        Path headerOnly = dir.resolve("header-only.csv");
        Files.writeString(headerOnly, "dataElement,period,orgUnit,value\n");
        upload(headerOnly);
        assertThat(browser.text(By.cssSelector("#progress [role=alert]")))
                .isEqualTo("The import failed and wrote nothing: the file has no data rows");
        browser.screenshot("import-no-data-rows");

        // a chosen file of no bytes is imported (and fails) as well, not taken for no file at all
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        upload(empty);
        assertThat(browser.text(By.cssSelector("#progress [role=alert]")))
                .isEqualTo("The import failed and wrote nothing: the file has no data rows");

        Path semicolons = dir.resolve("hearings-fr.csv");
        Files.writeString(
                semicolons,
                "\uFEFFdataElement;period;orgUnit;value;comment\r\n"
                        + "demo_oversight_hearings;2032Q1;DEMO-LBR;2;\"relevé, tribunal\"\r\n");
        upload(semicolons);
        assertThat(browser.pageText()).contains("The values were imported.");
    }

    @Test
    void anAdministratorSubmitsAndApprovesAUnitOnTheApprovalPage() {
        ProgrammeSummary programme = programmes
                .list(
                        new ProgrammeFilter("LBR-DEMO-POL", null, null, null, null, null, null),
                        PageQuery.of(0, 10, null, java.util.Map.of("code", "p.code"), "code"))
                .items()
                .get(0);
        browser.open("/approvals?programme=" + programme.id() + "&period=2016Q2");
        assertThat(browser.text(By.tagName("h2"))).contains("LBR-DEMO-POL");
        browser.clickAndWait(By.linkText("[Demo] Liberia"));
        browser.screenshot("approvals-country");
        browser.clickAndWait(By.cssSelector("table.approvals tbody tr:nth-child(2) button[value=submit]"));
        assertThat(browser.pageText()).contains("Submitted.");
        browser.clickAndWait(By.cssSelector("table.approvals tbody tr:nth-child(2) button[value=approve]"));
        assertThat(browser.pageText()).contains("Approved: the values are now locked.");
        assertThat(browser.text(By.cssSelector("table.approvals tbody tr:nth-child(2)")))
                .contains("Approved");
        browser.screenshot("approvals-approved");
        browser.clickAndWait(By.cssSelector("table.approvals tbody tr:first-child button[value=submit]"));
        browser.clickAndWait(By.cssSelector("table.approvals tbody tr:first-child button[value=approve]"));
        assertThat(browser.pageText()).contains("Approve the units below first");
        browser.screenshot("approvals-children-first");
        browser.resize(360, 800);
        browser.screenshot("approvals-narrow");
        browser.resize(1280, 900);
    }
}
