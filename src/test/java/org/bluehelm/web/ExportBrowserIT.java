package org.bluehelm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bluehelm.test.Browser;
import org.bluehelm.test.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The CSV and XLSX links of list screens clicked in a browser: the files land in the download
 * folder, and read back (the XLSX with POI) they hold the list's header and its rows.
 */
@BrowserTest
class ExportBrowserIT {

    @LocalServerPort
    int port;

    private Browser browser;
    private Path downloads;

    @BeforeAll
    void start() throws IOException {
        downloads = Files.createTempDirectory("bluehelm-downloads-");
        browser = new Browser(port, downloads);
        browser.signInAsAdmin();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "/reference/series, reference-series, Code, Series",
        "/lessons, lessons, Title, Mission",
        "/audit, audit, #, When",
        "/risks, risks, Title, Country",
    })
    void theDownloadLinksOfAListGiveItsRowsAsCsvAndXlsx(String list, String file, String first, String second)
            throws Exception {
        browser.open(list);
        browser.click(By.cssSelector("a.export-csv"));
        Path csv = downloaded(file + ".csv");
        List<CSVRecord> records;
        try (var reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            records = CSVFormat.DEFAULT.parse(reader).getRecords();
        }
        assertThat(records.get(0).get(0)).isEqualTo(first);
        assertThat(records.get(0).get(1)).isEqualTo(second);

        browser.click(By.cssSelector("a.export-xlsx"));
        Path xlsx = downloaded(file + ".xlsx");
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.toString()));
                rows.add(cells);
            }
        }
        assertThat(rows.get(0)).startsWith(first, second);
        if (!list.equals("/audit")) {
            // the same rows in both files (the audit log may grow between the two clicks)
            assertThat(rows).hasSize(records.size());
            for (int r = 1; r < rows.size(); r++) {
                assertThat(rows.get(r).get(0)).isEqualTo(records.get(r).get(0));
            }
        }
        Files.delete(csv);
        Files.delete(xlsx);
    }

    /** The file once the browser has finished writing it. */
    private Path downloaded(String name) {
        Path file = downloads.resolve(name);
        browser.waitUntil(d -> Files.exists(file) && !partial());
        return file;
    }

    private boolean partial() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        } catch (IOException e) {
            return true;
        }
    }
}
