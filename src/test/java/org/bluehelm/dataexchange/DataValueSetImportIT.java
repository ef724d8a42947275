package org.bluehelm.dataexchange;

import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bluehelm.measurement.BulkValueService;
import org.bluehelm.measurement.BulkValueService.WriteMode;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class DataValueSetImportIT {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    org.bluehelm.measurement.MeasurementService measurements;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    @Autowired
    BulkValueService bulk;

    @Autowired
    PlatformTransactionManager transactions;

    /** An INTEGER indicator of Liberia (0 to 500) disaggregated by SEX, and two Liberian units. */
    record Fixture(long indicator, String code, long unitA, String codeA, long unitB, String codeB) {}

    private Fixture fixture() throws Exception {
        var result = createIndicator(
                mvc,
                admin(),
                "\"valueType\":\"INTEGER\",\"countryCode\":\"LBR\",\"minValue\":0,\"maxValue\":500,\"categories\":[\"SEX\"]");
        long indicator = id(result);
        String code = JsonPath.read(result.getResponse().getContentAsString(), "$.code");
        long a = orgUnit(mvc, "LBR");
        long b = orgUnit(mvc, "LBR");
        return new Fixture(indicator, code, a, unitCode(a), b, unitCode(b));
    }

    private String unitCode(long id) throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/v1/orgUnits/{id}", id).with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.code");
    }

    private ResultActions upload(String contentType, byte[] body, String... params) throws Exception {
        return upload(admin(), contentType, body, params);
    }

    private ResultActions upload(RequestPostProcessor user, String contentType, byte[] body, String... params)
            throws Exception {
        var request = post("/api/v1/dataValueSets")
                .with(user)
                .contentType(contentType)
                .content(body);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String sample(String name, Fixture f) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/dataexchange/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("IND_SEX", f.code())
                    .replace("UNIT_A", f.codeA())
                    .replace("UNIT_B", f.codeB());
        }
    }

    /** The stored values of the indicator as "unit|period|option=value", sorted. */
    private List<String> stored(long indicator) throws Exception {
        String body = mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(indicator))
                        .param("size", "200")
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> items = JsonPath.read(body, "$.items");
        return items.stream()
                .map(i -> i.get("orgUnitId") + "|" + i.get("period") + "|" + i.get("optionCode") + "=" + i.get("value"))
                .sorted()
                .toList();
    }

    private long total(long indicator) throws Exception {
        return ((Number) JsonPath.read(
                        mvc.perform(get("/api/v1/dataValues")
                                        .param("indicator", String.valueOf(indicator))
                                        .with(admin()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.total"))
                .longValue();
    }

    @Test
    void theDhis2JsonSampleImportsWithItsDefaultsAndTotals() throws Exception {
        Fixture f = fixture();
        upload(MediaType.APPLICATION_JSON_VALUE, utf8(sample("dhis2-dataValueSets.json", f)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCESS"))
                .andExpect(jsonPath("$.rowsRead").value(4))
                .andExpect(jsonPath("$.importCount.imported").value(4))
                .andExpect(jsonPath("$.importCount.updated").value(0))
                .andExpect(jsonPath("$.conflictCount").value(0))
                .andExpect(jsonPath("$.jobId").isNumber());
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator()))
                .containsExactlyInAnyOrder(
                        f.unitA() + "|202401|FEMALE=12",
                        f.unitA() + "|202401|MALE=30",
                        f.unitA() + "|202312|null=42",
                        f.unitB() + "|202402|null=7");

        // the same file again changes nothing: every row is ignored
        upload(MediaType.APPLICATION_JSON_VALUE, utf8(sample("dhis2-dataValueSets.json", f)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.imported").value(0))
                .andExpect(jsonPath("$.importCount.updated").value(0))
                .andExpect(jsonPath("$.importCount.ignored").value(4));
    }

    @Test
    void theDhis2CsvSampleAndAnXlsxSheetImport() throws Exception {
        Fixture f = fixture();
        upload("text/csv", utf8(sample("dhis2-dataValueSets.csv", f)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCESS"))
                .andExpect(jsonPath("$.importCount.imported").value(4));

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("values");
            String[][] rows = {
                {"dataElement", "period", "orgUnit", "categoryOptionCombo", "value"},
                {f.code(), "2024Q2", f.codeA(), "FEMALE", "8"},
                {f.code(), "2024Q2", f.codeB(), "", "17"}
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (r > 0 && c == 4) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(xlsx);
        }
        upload(XLSX, xlsx.toByteArray())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.imported").value(2));
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator()))
                .contains(
                        f.unitA() + "|202403|FEMALE=15",
                        f.unitB() + "|202403|null=9",
                        f.unitA() + "|2024Q2|FEMALE=8",
                        f.unitB() + "|2024Q2|null=17");
    }

    @Test
    void everyProblemIsReportedWithItsLineAndFieldAndNothingIsWritten() throws Exception {
        Fixture f = fixture();
        long ivoryCoast = orgUnit(mvc, "CIV");
        String csv = String.join(
                "\n",
                "dataElement,period,orgUnit,categoryOptionCombo,value,comment",
                f.code() + ",202401," + f.codeA() + ",,10,fine",
                "no_such_indicator,202401," + f.codeA() + ",,10,",
                f.code() + ",202401,NO-SUCH-UNIT,,10,",
                f.code() + ",2024M13," + f.codeA() + ",,10,",
                f.code() + ",202402," + f.codeA() + ",,ten,",
                f.code() + ",202403," + f.codeA() + ",,501,",
                f.code() + ",202404," + f.codeA() + ",,2.5,",
                f.code() + ",202405," + f.codeA() + ",NATIONAL,3,",
                f.code() + ",202401," + f.codeA() + ",,11,repeated",
                f.code() + ",202406," + unitCode(ivoryCoast) + ",,4,",
                f.code() + ",202407," + f.codeA() + ",,,",
                "");
        upload("text/csv", utf8(csv))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("ERROR"))
                .andExpect(jsonPath("$.rowsRead").value(11))
                .andExpect(jsonPath("$.importCount.imported").value(0))
                .andExpect(jsonPath("$.importCount.ignored").value(11))
                .andExpect(jsonPath("$.conflictCount").value(10))
                .andExpect(jsonPath("$.conflicts[0].line").value(3))
                .andExpect(jsonPath("$.conflicts[0].field").value("dataElement"))
                .andExpect(jsonPath("$.conflicts[0].value").value("no_such_indicator"))
                .andExpect(jsonPath("$.conflicts[1].line").value(4))
                .andExpect(jsonPath("$.conflicts[1].field").value("orgUnit"))
                .andExpect(jsonPath("$.conflicts[2].line").value(5))
                .andExpect(jsonPath("$.conflicts[2].field").value("period"))
                .andExpect(jsonPath("$.conflicts[3].line").value(6))
                .andExpect(jsonPath("$.conflicts[3].field").value("value"))
                .andExpect(jsonPath("$.conflicts[3].message").value("'ten' is not a number"))
                .andExpect(jsonPath("$.conflicts[4].line").value(7))
                .andExpect(jsonPath("$.conflicts[4].message").value("must be at most 500"))
                .andExpect(jsonPath("$.conflicts[5].line").value(8))
                .andExpect(jsonPath("$.conflicts[5].message", containsString("whole")))
                .andExpect(jsonPath("$.conflicts[6].line").value(9))
                .andExpect(jsonPath("$.conflicts[6].field").value("categoryOptionCombo"))
                .andExpect(jsonPath("$.conflicts[7].line").value(10))
                .andExpect(jsonPath("$.conflicts[7].field").value("row"))
                .andExpect(jsonPath("$.conflicts[7].message", containsString("repeats line 2")))
                .andExpect(jsonPath("$.conflicts[8].line").value(11))
                .andExpect(jsonPath("$.conflicts[8].field").value("orgUnit"))
                .andExpect(jsonPath("$.conflicts[8].message", containsString("CIV")))
                .andExpect(jsonPath("$.conflicts[9].line").value(12))
                .andExpect(jsonPath("$.conflicts[9].field").value("value"));
        org.assertj.core.api.Assertions.assertThat(total(f.indicator())).isZero();

        // JSON problems are numbered by the line of the file their entry begins on
        upload(MediaType.APPLICATION_JSON_VALUE, utf8("""
                        {"dataValues":[
                          {"dataElement":"%s","period":"202401","orgUnit":"%s","value":"1"},
                          {"dataElement":"%s","period":"2024-01","orgUnit":"%s","value":"1"}]}""".formatted(f.code(), f.codeA(), f.code(), f.codeA())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflicts[0].line").value(3))
                .andExpect(jsonPath("$.conflicts[0].field").value("period"));
        org.assertj.core.api.Assertions.assertThat(total(f.indicator())).isZero();

        // a file that is not what it claims is refused as a whole, the problem said of the file as
        // other endpoints say theirs of a field ("value is required")
        upload(MediaType.APPLICATION_JSON_VALUE, utf8("{\"dataValues\":[{"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(
                        jsonPath("$.errors[0].message", org.hamcrest.Matchers.startsWith("is not valid JSON (line 1")))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.startsWith("file is not valid JSON (line 1")));
        upload("text/csv", utf8("a,\"b\"c\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.startsWith("file is not valid CSV: ")));
        upload("text/csv", utf8("dataElement,period,value\nx,2024,1\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("orgUnit")));
        upload("text/plain", utf8("x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"))
                .andExpect(jsonPath(
                        "$.detail",
                        org.hamcrest.Matchers.startsWith(
                                "format cannot be told from the Content-Type: send the file as application/json")));
        upload("text/csv", utf8("x"), "importStrategy", "MERGE")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("importStrategy"));
    }

    @Test
    void aDryRunCountsAndWritesNothingAndCreateIgnoresStoredValues() throws Exception {
        Fixture f = fixture();
        String first = f.code() + ",2023Q1," + f.codeA() + ",,,5\n" + f.code() + ",2023Q2," + f.codeA() + ",,,6\n";
        upload("text/csv", utf8(first), "dryRun", "true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.status").value("SUCCESS"))
                .andExpect(jsonPath("$.importCount.imported").value(2));
        org.assertj.core.api.Assertions.assertThat(total(f.indicator())).isZero();

        upload("text/csv", utf8(first)).andExpect(status().isOk());
        String second = f.code() + ",2023Q1," + f.codeA() + ",,,50\n" + f.code() + ",2023Q3," + f.codeA() + ",,,7\n";
        upload("text/csv", utf8(second), "dryRun", "true", "strategy", "CREATE")
                .andExpect(jsonPath("$.importCount.imported").value(1))
                .andExpect(jsonPath("$.importCount.ignored").value(1));
        upload("text/csv", utf8(second), "importStrategy", "CREATE")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.strategy").value("CREATE"))
                .andExpect(jsonPath("$.importCount.imported").value(1))
                .andExpect(jsonPath("$.importCount.updated").value(0))
                .andExpect(jsonPath("$.importCount.ignored").value(1));
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator()))
                .containsExactly(
                        f.unitA() + "|2023Q1|null=5", f.unitA() + "|2023Q2|null=6", f.unitA() + "|2023Q3|null=7");

        // ids instead of codes, and atomicMode NONE writing the rows that pass
        String byId = f.indicator() + ",2023Q4," + f.unitA() + ",,,8\n" + f.indicator() + ",2023Q4,999999999,,,9\n";
        upload("text/csv", utf8(byId), "idScheme", "ID", "atomicMode", "NONE")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WARNING"))
                .andExpect(jsonPath("$.importCount.imported").value(1))
                .andExpect(jsonPath("$.importCount.ignored").value(1))
                .andExpect(jsonPath("$.conflicts[0].line").value(2))
                .andExpect(jsonPath("$.conflicts[0].field").value("orgUnit"));
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator())).contains(f.unitA() + "|2023Q4|null=8");
    }

    @Test
    void valuesOutsideTheUsersScopeAreConflicts() throws Exception {
        Fixture f = fixture();
        long unosom = TestApi.missionId(mvc, "UNOSOM I");
        RequestPostProcessor somaliaManager = TestApi.userScopedToMission(mvc, "MISSION_MANAGER", unosom);
        upload(somaliaManager, "text/csv", utf8(f.code() + ",2024," + f.codeA() + ",,,5\n"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflicts[0].field").value("dataElement"))
                .andExpect(jsonPath("$.conflicts[0].message", containsString("in your scope")));
        org.assertj.core.api.Assertions.assertThat(total(f.indicator())).isZero();
    }

    @Test
    void anExportImportsBackToTheSameValuesInEveryFormat() throws Exception {
        Fixture f = fixture();
        StringBuilder csv = new StringBuilder("dataElement,period,orgUnit,categoryOptionCombo,value,comment\n");
        for (int month = 1; month <= 12; month++) {
            String period = "2022" + (month < 10 ? "0" : "") + month;
            csv.append(f.code())
                    .append(',')
                    .append(period)
                    .append(',')
                    .append(f.codeA())
                    .append(",FEMALE,")
                    .append(month)
                    .append(",\"note, with a comma\"\n");
            csv.append(f.code())
                    .append(',')
                    .append(period)
                    .append(',')
                    .append(f.codeB())
                    .append(",,")
                    .append(100 + month)
                    .append(",\n");
        }
        upload("text/csv", utf8(csv.toString()))
                .andExpect(jsonPath("$.importCount.imported").value(24));
        List<String> before = stored(f.indicator());

        for (String format : List.of("json", "csv", "xlsx")) {
            byte[] exported = mvc.perform(get("/api/v1/dataValueSets")
                            .param("indicator", String.valueOf(f.indicator()))
                            .param("format", format)
                            .with(admin()))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", containsString("dataValueSets." + format)))
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            deleteAll(f.indicator());
            org.assertj.core.api.Assertions.assertThat(total(f.indicator())).isZero();
            String type = switch (format) {
                case "json" -> MediaType.APPLICATION_JSON_VALUE;
                case "csv" -> "text/csv";
                default -> XLSX;
            };
            upload(type, exported)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.importCount.imported").value(24));
            org.assertj.core.api.Assertions.assertThat(stored(f.indicator()))
                    .as(format)
                    .isEqualTo(before);
        }
        mvc.perform(get("/api/v1/dataValueSets")
                        .param("indicator", String.valueOf(f.indicator()))
                        .param("orgUnit", String.valueOf(f.unitB()))
                        .param("idScheme", "ID")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dataValues.length()").value(12))
                .andExpect(jsonPath("$.dataValues[0].orgUnit").value(String.valueOf(f.unitB())))
                .andExpect(jsonPath(
                        "$.dataValues[*].comment", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue())));
        mvc.perform(get("/api/v1/dataValueSets")
                        .param("indicator", String.valueOf(f.indicator()))
                        .param("orgUnit", String.valueOf(f.unitA()))
                        .with(admin()))
                .andExpect(jsonPath("$.dataValues[*].comment", hasItem("note, with a comma")));
    }

    private void deleteAll(long indicator) throws Exception {
        String body = mvc.perform(get("/api/v1/dataValues")
                        .param("indicator", String.valueOf(indicator))
                        .param("size", "200")
                        .with(admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> items = JsonPath.read(body, "$.items");
        for (Map<String, Object> item : items) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                    "/api/v1/dataValues/{id}", item.get("id"))
                            .param("version", String.valueOf(item.get("version")))
                            .with(admin()))
                    .andExpect(status().isNoContent());
        }
    }

    @Test
    void fortyThousandRowsImportInChunks() throws Exception {
        // 40,000 rows: several chunks, within the CI budget on both databases (docs/benchmarks.md has the large runs)
        final int DAYS = 2_000;
        // Iceland, which no other test lists, and deleted at the end: other tests' first pages stay theirs
        var created = createIndicator(mvc, admin(), "\"valueType\":\"INTEGER\",\"countryCode\":\"ISL\"");
        long indicator = id(created);
        String code = JsonPath.read(created.getResponse().getContentAsString(), "$.code");
        long[] units = new long[20];
        String[] codes = new String[20];
        for (int i = 0; i < units.length; i++) {
            units[i] = orgUnit(mvc, "ISL");
            codes[i] = unitCode(units[i]);
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("bluehelm-200k-", ".csv");
        try {
            try (var out = java.nio.file.Files.newBufferedWriter(file)) {
                java.time.LocalDate start = java.time.LocalDate.of(1990, 1, 1);
                for (int day = 0; day < DAYS; day++) {
                    String period = start.plusDays(day).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                    for (int u = 0; u < codes.length; u++) {
                        out.write(code + "," + period + "," + codes[u] + ",,," + ((day + u) % 500) + "\n");
                    }
                }
            }
            byte[] body = java.nio.file.Files.readAllBytes(file);
            upload("text/csv", body)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("SUCCESS"))
                    .andExpect(jsonPath("$.rowsRead").value(DAYS * 20))
                    .andExpect(jsonPath("$.importCount.imported").value(DAYS * 20));
            org.assertj.core.api.Assertions.assertThat(total(indicator)).isEqualTo(DAYS * 20);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            measurements.deleteAllOf(indicator);
        }
    }

    // ---- the set-based import through the staging table -----------------------------------------

    /** The staged rows left, once the sessions of the imports that ended have removed theirs (in the background). */
    private long staged() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        long left;
        while ((left = jdbc.sql("select count(*) from value_staging")
                                .query(Long.class)
                                .single())
                        > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return left;
    }

    private List<Integer> versions(long indicator) {
        return jdbc.sql("select version from data_value where indicator_id = :indicator")
                .param("indicator", indicator)
                .query(Integer.class)
                .list();
    }

    private long storedRows(long indicator) {
        return jdbc.sql("select count(*) from data_value where indicator_id = :indicator")
                .param("indicator", indicator)
                .query(Long.class)
                .single();
    }

    @Test
    void aRepeatedRowIsReportedWithBothLinesAndNothingIsWritten() throws Exception {
        Fixture f = fixture();
        String csv = String.join(
                "\n",
                "dataElement,period,orgUnit,categoryOptionCombo,value",
                f.code() + ",202401," + f.codeA() + ",FEMALE,1",
                f.code() + ",202401," + f.codeB() + ",FEMALE,2",
                f.code() + ",202402," + f.codeA() + ",FEMALE,3",
                f.code() + ",202401," + f.codeB() + ",MALE,4",
                f.code() + ",202401," + f.codeB() + ",FEMALE,5",
                "");
        upload("text/csv", utf8(csv))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("ERROR"))
                .andExpect(jsonPath("$.rowsRead").value(5))
                .andExpect(jsonPath("$.importCount.imported").value(0))
                .andExpect(jsonPath("$.importCount.updated").value(0))
                .andExpect(jsonPath("$.importCount.ignored").value(5))
                .andExpect(jsonPath("$.conflictCount").value(1))
                .andExpect(jsonPath("$.conflicts[0].line").value(6))
                .andExpect(jsonPath("$.conflicts[0].field").value("row"))
                .andExpect(jsonPath("$.conflicts[0].message", containsString("repeats line 3")));
        org.assertj.core.api.Assertions.assertThat(storedRows(f.indicator())).isZero();
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();

        // with atomicMode NONE the first of the two is written, the repeat is ignored
        upload("text/csv", utf8(csv), "atomicMode", "NONE")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WARNING"))
                .andExpect(jsonPath("$.importCount.imported").value(4))
                .andExpect(jsonPath("$.importCount.ignored").value(1))
                .andExpect(jsonPath("$.conflicts[0].line").value(6))
                .andExpect(jsonPath("$.conflicts[0].message", containsString("repeats line 3")));
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator()))
                .contains(f.unitB() + "|202401|FEMALE=2")
                .doesNotContain(f.unitB() + "|202401|FEMALE=5");
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();
    }

    @Test
    void aReimportCountsEveryRowAsIgnoredOrUpdatedAndLeavesNothingStaged() throws Exception {
        Fixture f = fixture();
        StringBuilder csv = new StringBuilder("dataElement,period,orgUnit,categoryOptionCombo,value\n");
        for (int month = 1; month <= 9; month++) {
            csv.append(f.code()).append(",20230").append(month).append(',').append(f.codeA());
            csv.append(",,").append(month).append('\n');
        }
        upload("text/csv", utf8(csv.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.imported").value(9))
                .andExpect(jsonPath("$.importCount.updated").value(0))
                .andExpect(jsonPath("$.importCount.ignored").value(0));
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();
        List<String> first = stored(f.indicator());

        // the same file with CREATE: every row is already stored, so every row is ignored
        upload("text/csv", utf8(csv.toString()), "importStrategy", "CREATE")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCESS"))
                .andExpect(jsonPath("$.rowsRead").value(9))
                .andExpect(jsonPath("$.importCount.imported").value(0))
                .andExpect(jsonPath("$.importCount.updated").value(0))
                .andExpect(jsonPath("$.importCount.ignored").value(9));
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator())).isEqualTo(first);
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();

        // the same file with the default strategy: every row repeats what is stored, so every row is
        // ignored and no value is written again; a new comment on one of them is a change
        upload("text/csv", utf8(csv.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.imported").value(0))
                .andExpect(jsonPath("$.importCount.updated").value(0))
                .andExpect(jsonPath("$.importCount.ignored").value(9));
        org.assertj.core.api.Assertions.assertThat(versions(f.indicator())).containsOnly(1);
        upload(
                        "text/csv",
                        utf8("dataElement,period,orgUnit,categoryOptionCombo,value,comment\n" + f.code() + ",202301,"
                                + f.codeA() + ",,1.0,checked twice\n" + f.code() + ",202302," + f.codeA() + ",,2\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.updated").value(1))
                .andExpect(jsonPath("$.importCount.ignored").value(1));
        org.assertj.core.api.Assertions.assertThat(versions(f.indicator()))
                .containsExactlyInAnyOrder(2, 1, 1, 1, 1, 1, 1, 1, 1);
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator())).isEqualTo(first);
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();

        // changed values and new ones: the stored rows are updated, the new ones imported
        StringBuilder changed = new StringBuilder("dataElement,period,orgUnit,categoryOptionCombo,value\n");
        for (int month = 1; month <= 3; month++) {
            changed.append(f.code()).append(",20230").append(month).append(',').append(f.codeA());
            changed.append(",,").append(100 + month).append('\n');
        }
        for (int month = 1; month <= 2; month++) {
            changed.append(f.code()).append(",20240").append(month).append(',').append(f.codeB());
            changed.append(",,").append(month).append('\n');
        }
        upload("text/csv", utf8(changed.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.imported").value(2))
                .andExpect(jsonPath("$.importCount.updated").value(3))
                .andExpect(jsonPath("$.importCount.ignored").value(0));
        // UPDATE leaves new rows alone
        upload(
                        "text/csv",
                        utf8(changed.toString().replace(",20240", ",20250").replace(",,10", ",,20")),
                        "importStrategy",
                        "UPDATE")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.imported").value(0))
                .andExpect(jsonPath("$.importCount.updated").value(3))
                .andExpect(jsonPath("$.importCount.ignored").value(2));
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator()))
                .hasSize(11)
                .contains(
                        f.unitA() + "|202301|null=201",
                        f.unitA() + "|202303|null=203",
                        f.unitA() + "|202304|null=4",
                        f.unitB() + "|202402|null=2")
                .noneMatch(v -> v.contains("|2025"));
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();
    }

    @Test
    void aFileBreakingAfterSeveralChunksLeavesNeitherValuesNorStagedRows() throws Exception {
        Fixture f = fixture();
        // 12,000 good rows (chunks staged while the next ones are checked), then a quote never closed
        StringBuilder csv = new StringBuilder("dataElement,period,orgUnit,categoryOptionCombo,value\n");
        java.time.LocalDate day = java.time.LocalDate.of(2000, 1, 1);
        for (int i = 0; i < 6000; i++, day = day.plusDays(1)) {
            String period = day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            csv.append(f.code())
                    .append(',')
                    .append(period)
                    .append(',')
                    .append(f.codeA())
                    .append(",,1\n");
            csv.append(f.code())
                    .append(',')
                    .append(period)
                    .append(',')
                    .append(f.codeB())
                    .append(",,2\n");
        }
        csv.append(f.code()).append(",20240101,\"").append(f.codeA()).append(",,3\n");
        upload("text/csv", utf8(csv.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.startsWith("file is not valid CSV: ")));
        org.assertj.core.api.Assertions.assertThat(storedRows(f.indicator())).isZero();
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();

        // the same rows without the broken line are all written, and nothing stays staged
        String whole = csv.substring(0, csv.lastIndexOf(f.code() + ",20240101,\""));
        upload("text/csv", utf8(whole))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.imported").value(12000));
        org.assertj.core.api.Assertions.assertThat(storedRows(f.indicator())).isEqualTo(12000);
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();
    }

    @Test
    void aDryRunAndAFailedImportLeaveNeitherValuesNorStagedRows() throws Exception {
        Fixture f = fixture();
        String good = f.code() + ",2022Q1," + f.codeA() + ",,,5\n" + f.code() + ",2022Q2," + f.codeB() + ",,,6\n";
        upload("text/csv", utf8(good), "dryRun", "true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.importCount.imported").value(2));
        org.assertj.core.api.Assertions.assertThat(storedRows(f.indicator())).isZero();
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();

        String bad = good + f.code() + ",2022Q3," + f.codeA() + ",,,501\n";
        upload("text/csv", utf8(bad))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflicts[0].line").value(3));
        org.assertj.core.api.Assertions.assertThat(storedRows(f.indicator())).isZero();
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();

        upload("text/csv", utf8(good)).andExpect(status().isOk());
        upload("text/csv", utf8(good.replace(",,,5", ",,,7"))).andExpect(status().isOk());
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator()))
                .containsExactly(f.unitA() + "|2022Q1|null=7", f.unitB() + "|2022Q2|null=6");
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();

        // a dry run over stored values changes none of them
        upload("text/csv", utf8(good.replace(",,,6", ",,,60")), "dryRun", "true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.updated").value(2));
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator()))
                .containsExactly(f.unitA() + "|2022Q1|null=7", f.unitB() + "|2022Q2|null=6");
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();
    }

    @Test
    void aDeleteImportRemovesTheStoredValuesTheFileListsAndTheAggregatesFollow() throws Exception {
        Fixture f = fixture();
        String header = "dataElement,period,orgUnit,categoryOptionCombo,value\n";
        upload(
                        "text/csv",
                        utf8(header + f.code() + ",202201," + f.codeA() + ",,5\n" + f.code() + ",202202," + f.codeA()
                                + ",,6\n" + f.code() + ",202201," + f.codeB() + ",,7\n" + f.code() + ",202202,"
                                + f.codeB() + ",,8\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.imported").value(4));
        org.assertj.core.api.Assertions.assertThat(totals(f.indicator(), f.unitA(), f.unitB()))
                .containsEntry(f.unitA() + "|2022", new java.math.BigDecimal(11))
                .containsEntry(f.unitB() + "|2022", new java.math.BigDecimal(15));

        // a value left empty or different from the stored one still names the value to delete; a
        // row without a stored value is ignored
        String deletion = header + f.code() + ",202201," + f.codeA() + ",,\n" + f.code() + ",202202," + f.codeB()
                + ",,999\n" + f.code() + ",202203," + f.codeA() + ",,1\n";
        upload("text/csv", utf8(deletion), "importStrategy", "DELETE", "dryRun", "true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.deleted").value(2))
                .andExpect(jsonPath("$.importCount.ignored").value(1));
        org.assertj.core.api.Assertions.assertThat(storedRows(f.indicator())).isEqualTo(4);

        String body = upload("text/csv", utf8(deletion), "importStrategy", "DELETE")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCESS"))
                .andExpect(jsonPath("$.importCount.imported").value(0))
                .andExpect(jsonPath("$.importCount.updated").value(0))
                .andExpect(jsonPath("$.importCount.deleted").value(2))
                .andExpect(jsonPath("$.importCount.ignored").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator()))
                .containsExactly(f.unitA() + "|202202|null=6", f.unitB() + "|202201|null=7");
        Map<String, java.math.BigDecimal> incremental = totals(f.indicator(), f.unitA(), f.unitB());
        org.assertj.core.api.Assertions.assertThat(incremental)
                .containsEntry(f.unitA() + "|2022", new java.math.BigDecimal(6))
                .containsEntry(f.unitB() + "|2022", new java.math.BigDecimal(7));
        mvc.perform(post("/api/v1/analytics/rebuild").with(admin())).andExpect(status().isOk());
        org.assertj.core.api.Assertions.assertThat(totals(f.indicator(), f.unitA(), f.unitB()))
                .isEqualTo(incremental);
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();

        // the job page says what was deleted
        Number job = JsonPath.read(body, "$.jobId");
        mvc.perform(
                        get("/imports/" + job)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(
                                        userDetails.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The stored values the file lists were deleted.")))
                .andExpect(content().string(containsString("id=\"import-deleted\">2<")));

        // a deletion still checks what it names, and an unknown strategy is refused by name
        upload(
                        "text/csv",
                        utf8(header + f.code() + ",202202," + f.codeA() + ",,\n" + f.code() + ",2022-13," + f.codeB()
                                + ",,\n"),
                        "importStrategy",
                        "DELETE")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflicts[0].line").value(3))
                .andExpect(jsonPath("$.conflicts[0].field").value("period"));
        org.assertj.core.api.Assertions.assertThat(storedRows(f.indicator())).isEqualTo(2);
        upload("text/csv", utf8(deletion), "importStrategy", "REMOVE")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("DELETE")));
    }

    @Test
    void aValueSavedBySomeoneElseWhileAnImportRunsIsNeitherOverwrittenNorDeleted() throws Exception {
        Fixture f = fixture();
        upload(
                        "text/csv",
                        utf8("dataElement,period,orgUnit,categoryOptionCombo,value\n" + f.code() + ",202301,"
                                + f.codeA() + ",,1\n" + f.code() + ",202302," + f.codeA() + ",,2\n"))
                .andExpect(jsonPath("$.importCount.imported").value(2));
        long valueId = ((Number) JsonPath.read(
                        mvc.perform(get("/api/v1/dataValues")
                                        .param("indicator", String.valueOf(f.indicator()))
                                        .param("period", "202301")
                                        .with(admin()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.items[0].id"))
                .longValue();

        // an import replacing (then one deleting) both values has read them, the import's steps run
        // by hand, when another user saves one of them on another thread (their own transaction)
        var admin = userDetails.loadUserByUsername("admin");
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            int version = 1;
            for (WriteMode mode : List.of(WriteMode.CREATE_AND_UPDATE, WriteMode.DELETE)) {
                int stored = version++;
                long batch = -System.nanoTime();
                // the session stages on a connection of its own and removes its rows when closed,
                // once the import's transaction has ended
                try (BulkValueService.Session session = bulk.open()) {
                    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                        List<BulkValueService.StagedRow> rows = new java.util.ArrayList<>();
                        for (String period : List.of("202301", "202302")) {
                            var checked = session.check(new BulkValueService.BulkValue(
                                    f.indicator(), f.unitA(), period, null, BigDecimal.TEN, null));
                            rows.add(new BulkValueService.StagedRow(
                                    rows.size() + 1, checked.key(), BigDecimal.TEN, null));
                        }
                        session.stage(batch, rows);
                        org.assertj.core.api.Assertions.assertThat(
                                        session.markStored(batch, mode).stored())
                                .isEqualTo(2);
                        java.util.concurrent.CompletableFuture.runAsync(() -> {
                                    try {
                                        mvc.perform(put("/api/v1/dataValues/{id}", valueId)
                                                        .with(admin())
                                                        .contentType(MediaType.APPLICATION_JSON)
                                                        .content("{\"value\":" + (98 + stored) + ",\"version\":"
                                                                + stored + "}"))
                                                .andExpect(status().isOk());
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                })
                                .join();
                        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.writeStaged(batch, mode))
                                .isInstanceOf(ConflictException.class)
                                .hasMessageContaining("1 value of this import changed while it ran");
                        tx.setRollbackOnly();
                    });
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        // the other user's last value stands, and so does the one the imports did not get to write
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator()))
                .containsExactly(f.unitA() + "|202301|null=100", f.unitA() + "|202302|null=2");
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();
    }

    /** The analytics values of the indicator at the units, by "unit|period". */
    private Map<String, java.math.BigDecimal> totals(long indicator, long... units) throws Exception {
        StringBuilder list = new StringBuilder();
        for (long u : units) {
            list.append(list.isEmpty() ? "" : ",").append(u);
        }
        String body = mvc.perform(get("/api/v1/analytics")
                        .param("indicator", String.valueOf(indicator))
                        .param("orgUnit", list.toString())
                        .param("from", "2021")
                        .param("to", "2022")
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> rows = JsonPath.read(body, "$.rows");
        Map<String, java.math.BigDecimal> totals = new java.util.TreeMap<>();
        for (Map<String, Object> row : rows) {
            totals.put(
                    row.get("orgUnit") + "|" + row.get("period")
                            + (row.get("option") != null ? "|" + row.get("option") : ""),
                    new java.math.BigDecimal(String.valueOf(row.get("value"))).stripTrailingZeros());
        }
        return totals;
    }

    @Test
    void anImportUpdatingSomeValuesAndAddingOthersGivesTheRollupsOfARebuild() throws Exception {
        var result = createIndicator(
                mvc, admin(), "\"valueType\":\"INTEGER\",\"countryCode\":\"LBR\",\"categories\":[\"SEX\"]");
        long indicator = id(result);
        String code = JsonPath.read(result.getResponse().getContentAsString(), "$.code");
        long region = orgUnit(mvc, "LBR");
        long d1 = org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow(mvc, region);
        long d2 = org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow(mvc, region);
        String c1 = unitCode(d1);
        String c2 = unitCode(d2);
        StringBuilder first = new StringBuilder("dataElement,period,orgUnit,categoryOptionCombo,value\n");
        for (int month = 1; month <= 12; month++) {
            String period = "2021" + (month < 10 ? "0" : "") + month;
            first.append(code)
                    .append(',')
                    .append(period)
                    .append(',')
                    .append(c1)
                    .append(",FEMALE,")
                    .append(month);
            first.append('\n');
            first.append(code)
                    .append(',')
                    .append(period)
                    .append(',')
                    .append(c2)
                    .append(",MALE,")
                    .append(2 * month);
            first.append('\n');
        }
        upload("text/csv", utf8(first.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.imported").value(24));

        // changes D1's first half year, adds D1 MALE values and a new year for D2
        StringBuilder second = new StringBuilder("dataElement,period,orgUnit,categoryOptionCombo,value\n");
        for (int month = 1; month <= 6; month++) {
            String period = "20210" + month;
            second.append(code)
                    .append(',')
                    .append(period)
                    .append(',')
                    .append(c1)
                    .append(",FEMALE,100\n");
            second.append(code)
                    .append(',')
                    .append(period)
                    .append(',')
                    .append(c1)
                    .append(",MALE,10\n");
            second.append(code)
                    .append(",20220")
                    .append(month)
                    .append(',')
                    .append(c2)
                    .append(",MALE,1\n");
        }
        upload("text/csv", utf8(second.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.imported").value(12))
                .andExpect(jsonPath("$.importCount.updated").value(6));

        Map<String, java.math.BigDecimal> incremental = totals(indicator, region, d1, d2);
        // D1 2021: FEMALE 6 x 100 + 7..12, MALE 6 x 10; D2 2021: MALE 2 x (1..12); D2 2022: 6
        org.assertj.core.api.Assertions.assertThat(incremental)
                .containsEntry(d1 + "|2021", new java.math.BigDecimal(600 + 57 + 60))
                .containsEntry(d2 + "|2021", new java.math.BigDecimal(156))
                .containsEntry(region + "|2021", new java.math.BigDecimal(600 + 57 + 60 + 156))
                .containsEntry(region + "|2022", new java.math.BigDecimal(6));
        mvc.perform(post("/api/v1/analytics/rebuild").with(admin())).andExpect(status().isOk());
        org.assertj.core.api.Assertions.assertThat(totals(indicator, region, d1, d2))
                .isEqualTo(incremental);
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();
    }

    /** The same on a real server, where a response started too early shows: ImportBrowserIT. */
    @Test
    void anExportRefusesABadFilterWithAProblemInEveryFormatBeforeItStarts() throws Exception {
        for (String format : new String[] {null, "json", "csv", "xlsx"}) {
            for (String period : List.of("2024W60", "bad")) {
                var request =
                        get("/api/v1/dataValueSets").param("period", period).with(admin());
                if (format != null) {
                    request.param("format", format);
                }
                mvc.perform(request)
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(header().doesNotExist("Content-Disposition"))
                        .andExpect(jsonPath("$.code").value("invalid-input"))
                        .andExpect(jsonPath("$.errors[0].field").value("period"))
                        .andExpect(jsonPath("$.detail", containsString("is not a period")));
            }
            var unknownUnit =
                    get("/api/v1/dataValueSets").param("within", "99999999").with(admin());
            var reversed = get("/api/v1/dataValueSets")
                    .param("from", "2024-12-31")
                    .param("to", "2024-01-01")
                    .with(admin());
            if (format != null) {
                unknownUnit.param("format", format);
                reversed.param("format", format);
            }
            mvc.perform(unknownUnit)
                    .andExpect(status().isNotFound())
                    .andExpect(header().doesNotExist("Content-Disposition"))
                    .andExpect(jsonPath("$.code").value("not-found"));
            mvc.perform(reversed)
                    .andExpect(status().isBadRequest())
                    .andExpect(header().doesNotExist("Content-Disposition"))
                    .andExpect(jsonPath("$.code").value("invalid-input"));
        }
        // a good filter matching nothing is an empty export, as before
        mvc.perform(get("/api/v1/dataValueSets").param("period", "1990W01").with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("dataValueSets.json")))
                .andExpect(jsonPath("$.dataValues.length()").value(0));
    }

    @Test
    void jsonRowsAreNumberedByTheLineTheirEntryBeginsOnInBothJsonFormats() throws Exception {
        Fixture f = fixture();
        String file = """
                {
                  "dataValues": [
                    {"dataElement": "%1$s", "period": "202401", "orgUnit": "%2$s", "value": "1"},
                    {"dataElement": "%1$s", "period": "2024-01", "orgUnit": "%2$s", "value": "2"},
                    {
                      "dataElement": "%1$s", "period": "202401", "orgUnit": "%2$s",
                      "value": "3"
                    }
                  ]
                }""".formatted(f.code(), f.codeA());
        for (String format : List.of("json", "dhis2-json")) {
            upload(MediaType.APPLICATION_JSON_VALUE, utf8(file), "format", format)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.conflictCount").value(2))
                    .andExpect(jsonPath("$.conflicts[0].line").value(4))
                    .andExpect(jsonPath("$.conflicts[0].field").value("period"))
                    .andExpect(jsonPath("$.conflicts[1].line").value(5))
                    .andExpect(jsonPath("$.conflicts[1].field").value("row"))
                    .andExpect(jsonPath("$.conflicts[1].message", containsString("repeats line 3:")));
        }
        org.assertj.core.api.Assertions.assertThat(staged()).isZero();

        // a file on one line (as many systems write JSON): every entry is on line 1, each still staged on its own
        String oneLine = ("{\"dataValues\":[{\"dataElement\":\"%1$s\",\"period\":\"202402\",\"orgUnit\":\"%2$s\","
                        + "\"value\":\"4\"},{\"dataElement\":\"%1$s\",\"period\":\"202403\",\"orgUnit\":\"%2$s\","
                        + "\"value\":\"5\"},{\"dataElement\":\"%1$s\",\"period\":\"202402\",\"orgUnit\":\"%2$s\","
                        + "\"value\":\"6\"}]}")
                .formatted(f.code(), f.codeA());
        upload(MediaType.APPLICATION_JSON_VALUE, utf8(oneLine), "atomicMode", "NONE")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WARNING"))
                .andExpect(jsonPath("$.importCount.imported").value(2))
                .andExpect(jsonPath("$.conflicts[0].line").value(1))
                .andExpect(jsonPath(
                        "$.conflicts[0].message", containsString("repeats an earlier value of the same line")));
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator()))
                .containsExactly(f.unitA() + "|202402|null=4", f.unitA() + "|202403|null=5");

        // an export writes one value a line, so that its import names each value's line
        String exported = mvc.perform(get("/api/v1/dataValueSets")
                        .param("indicator", String.valueOf(f.indicator()))
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(exported.lines().toList())
                .hasSize(4)
                .first()
                .isEqualTo("{\"dataValues\":[");
        upload(MediaType.APPLICATION_JSON_VALUE, utf8(exported.replace("\"value\":\"5\"", "\"value\":\"five\"")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflicts[0].line").value(3))
                .andExpect(jsonPath("$.conflicts[0].field").value("value"));
    }

    @Test
    void aSemicolonSeparatedFileImportsAsACommaSeparatedOneDoes() throws Exception {
        Fixture f = fixture();
        // as Excel saves "CSV (separator: semicolon)" in French: a byte order mark, CRLF, a header
        String withHeader = "\uFEFFdataElement;period;orgUnit;categoryOptionCombo;value;comment\r\n"
                + f.code() + ";202401;" + f.codeA() + ";FEMALE;12;\"relevé, mairie; ok\"\r\n"
                + f.code() + ";202401;" + f.codeA() + ";MALE;30;\r\n";
        upload("text/csv", utf8(withHeader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCESS"))
                .andExpect(jsonPath("$.rowsRead").value(2))
                .andExpect(jsonPath("$.importCount.imported").value(2));
        // DHIS2's column order without a header
        String withoutHeader = f.code() + ";202402;" + f.codeB() + ";;;7;admin;;;false\n" + f.code() + ";202404;"
                + f.codeB() + ";FEMALE;;eight;admin;;;false\n";
        upload("text/csv", utf8(withoutHeader), "format", "dhis2-csv")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rowsRead").value(2))
                .andExpect(jsonPath("$.conflictCount").value(1))
                .andExpect(jsonPath("$.conflicts[0].line").value(2))
                .andExpect(jsonPath("$.conflicts[0].field").value("value"));
        upload("text/csv", utf8(withoutHeader.replace("eight", "8")), "format", "dhis2-csv")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.imported").value(2));
        // commas still separate a file whose quoted comment holds semicolons
        upload(
                        "text/csv",
                        utf8("dataElement,period,orgUnit,value,comment\n" + f.code() + ",202403," + f.codeA()
                                + ",9,\"a; b; c; d; e; f\"\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.importCount.imported").value(1));
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator()))
                .containsExactlyInAnyOrder(
                        f.unitA() + "|202401|FEMALE=12",
                        f.unitA() + "|202401|MALE=30",
                        f.unitB() + "|202402|null=7",
                        f.unitB() + "|202404|FEMALE=8",
                        f.unitA() + "|202403|null=9");
        mvc.perform(get("/api/v1/dataValueSets")
                        .param("indicator", String.valueOf(f.indicator()))
                        .param("orgUnit", String.valueOf(f.unitA()))
                        .with(admin()))
                .andExpect(jsonPath("$.dataValues[*].comment", hasItem("relevé, mairie; ok")))
                .andExpect(jsonPath("$.dataValues[*].comment", hasItem("a; b; c; d; e; f")));
    }

    @Test
    void aFileWithoutDataRowsIsRefusedAsAWholeAndItsImportRecordedAsFailed() throws Exception {
        ByteArrayOutputStream headerOnly = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row header = workbook.createSheet("values").createRow(0);
            String[] names = {"dataElement", "period", "orgUnit", "value"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            workbook.write(headerOnly);
        }
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("text/csv", new byte[0]);
        files.put("text/csv;header", utf8("dataElement,period,orgUnit,value\n\n"));
        files.put("text/csv;semicolons", utf8("\uFEFFdataElement;period;orgUnit;value\r\n"));
        files.put("text/csv;blank", utf8("\n \n,,,\n"));
        files.put(MediaType.APPLICATION_JSON_VALUE, utf8("{\"dataSet\":\"x\",\"dataValues\":[]}"));
        files.put(MediaType.APPLICATION_JSON_VALUE + ";array", utf8("[]"));
        files.put(XLSX, headerOnly.toByteArray());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String type = file.getKey().split(";")[0];
            upload(type, file.getValue(), "dryRun", "true")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("invalid-input"))
                    .andExpect(jsonPath("$.detail").value("file has no data rows"))
                    .andExpect(jsonPath("$.errors[0].field").value("file"))
                    .andExpect(jsonPath("$.errors[0].message").value("has no data rows"));
            // as a file that cannot be read, the import is recorded as failed with the reason
            mvc.perform(get("/api/v1/dataValueSets/jobs").with(admin()))
                    .andExpect(jsonPath("$[0].state").value("FAILED"))
                    .andExpect(jsonPath("$[0].message").value("the file has no data rows"))
                    .andExpect(jsonPath("$[0].format")
                            .value(type.equals("text/csv") ? "CSV" : type.equals(XLSX) ? "XLSX" : "JSON"));
        }

        // in the background, the job fails with the same reason
        String accepted = upload("text/csv", utf8("dataElement,period,orgUnit,value\n"), "async", "true")
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long job = ((Number) JsonPath.read(accepted, "$.id")).longValue();
        String state = "RUNNING";
        String body = "";
        for (int i = 0; i < 100 && state.equals("RUNNING"); i++) {
            Thread.sleep(100);
            body = mvc.perform(get("/api/v1/dataValueSets/jobs/{id}", job).with(admin()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            state = JsonPath.read(body, "$.state");
        }
        org.assertj.core.api.Assertions.assertThat(state).isEqualTo("FAILED");
        org.assertj.core.api.Assertions.assertThat((String) JsonPath.read(body, "$.message"))
                .isEqualTo("the file has no data rows");
    }

    private long orgUnitCoded(String code) throws Exception {
        return id(mvc.perform(post("/api/v1/orgUnits")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"Test area %s","kind":"AREA","countryCode":"LBR"}""".formatted(code, code)))
                .andExpect(status().isCreated())
                .andReturn());
    }

    @Test
    void unitAndOptionCodesMatchWhateverTheirCaseAndACodeMatchingTwoUnitsIsRefusedWithItsLine() throws Exception {
        Fixture f = fixture();
        String csv = "dataElement,period,orgUnit,categoryOptionCombo,value\n"
                + f.code().toUpperCase(java.util.Locale.ROOT) + ",202401,"
                + f.codeA().toLowerCase(java.util.Locale.ROOT)
                + ",female,5\n"
                + f.code() + ",202401," + f.codeA().toLowerCase(java.util.Locale.ROOT) + ",Male,6\n"
                + f.code() + ",202401," + f.codeB().toLowerCase(java.util.Locale.ROOT) + ",,7\n";
        upload("text/csv", utf8(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCESS"))
                .andExpect(jsonPath("$.importCount.imported").value(3))
                .andExpect(jsonPath("$.conflictCount").value(0));
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator()))
                .containsExactlyInAnyOrder(
                        f.unitA() + "|202401|FEMALE=5", f.unitA() + "|202401|MALE=6", f.unitB() + "|202401|null=7");

        // codes are unique as written: two units may have codes differing only by case
        String suffix = org.bluehelm.indicator.IndicatorFixtures.unique();
        long upper = orgUnitCoded("AMB-" + suffix.toUpperCase(java.util.Locale.ROOT));
        long mixed = orgUnitCoded("Amb-" + suffix);
        String ambiguous = "dataElement,period,orgUnit,value\n"
                + f.code() + ",202402," + "amb-" + suffix + ",8\n"
                + f.code() + ",202402," + "AMB-" + suffix.toUpperCase(java.util.Locale.ROOT) + ",9\n"
                + f.code() + ",202402," + "Amb-" + suffix + ",10\n";
        upload("text/csv", utf8(ambiguous), "atomicMode", "NONE")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WARNING"))
                .andExpect(jsonPath("$.importCount.imported").value(2))
                .andExpect(jsonPath("$.conflictCount").value(1))
                .andExpect(jsonPath("$.conflicts[0].line").value(2))
                .andExpect(jsonPath("$.conflicts[0].field").value("orgUnit"))
                .andExpect(jsonPath("$.conflicts[0].value").value("amb-" + suffix))
                .andExpect(jsonPath(
                        "$.conflicts[0].message",
                        containsString("matches the codes of 2 organisation units, which differ only by case (AMB-"
                                + suffix.toUpperCase(java.util.Locale.ROOT) + ", Amb-" + suffix + ")")));
        // a code written exactly as a unit has it names that unit
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator()))
                .contains(upper + "|202402|null=9", mixed + "|202402|null=10");
    }

    @Test
    void aCsvConflictNamesTheLineItsRowBeginsOnAfterACommentSpanningLines() throws Exception {
        Fixture f = fixture();
        String csv = "dataElement,period,orgUnit,categoryOptionCombo,value,comment\r\n"
                + f.code() + ",202405," + f.codeA() + ",FEMALE,1,\"relevé de la mairie,\r\nsur deux lignes\"\r\n"
                + "\r\n"
                + f.code() + ",202405,NO-SUCH-UNIT,FEMALE,2,\r\n"
                + f.code() + ",202405," + f.codeA() + ",FEMALE,3,\"un\ndeux\ntrois\"\r\n"
                + f.code() + ",202406," + f.codeA() + ",FEMALE,501,\r\n";
        for (String dryRun : new String[] {"true", "false"}) {
            // a dry run answers 200 with the summary an import would give
            upload("text/csv", utf8(csv), "dryRun", dryRun)
                    .andExpect(status().is(dryRun.equals("true") ? 200 : 409))
                    .andExpect(jsonPath("$.status").value("ERROR"))
                    .andExpect(jsonPath("$.rowsRead").value(4))
                    .andExpect(jsonPath("$.conflictCount").value(3))
                    .andExpect(jsonPath("$.conflicts[0].line").value(5))
                    .andExpect(jsonPath("$.conflicts[0].field").value("orgUnit"))
                    .andExpect(jsonPath("$.conflicts[1].line").value(6))
                    .andExpect(jsonPath("$.conflicts[1].field").value("row"))
                    .andExpect(jsonPath("$.conflicts[1].message", containsString("repeats line 2:")))
                    .andExpect(jsonPath("$.conflicts[2].line").value(9))
                    .andExpect(jsonPath("$.conflicts[2].field").value("value"));
        }
        org.assertj.core.api.Assertions.assertThat(stored(f.indicator())).isEmpty();
    }

    @Test
    void aSemicolonSeparatedFileMayHaveDecimalCommasAndACommaSeparatedOneMayNot() throws Exception {
        long indicator = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\""));
        String code = jdbc.sql("select code from indicator where id = :id")
                .param("id", indicator)
                .query(String.class)
                .single();
        String unit = unitCode(orgUnit(mvc, "LBR"));
        // as Excel saves "CSV (separator: semicolon)" in French, thousands separated by a narrow no-break space
        String french = "\uFEFFdataElement;period;orgUnit;value;comment\r\n"
                + code + ";2024Q1;" + unit + ";12,5;\"relevé; ok\"\r\n"
                + code + ";2024Q2;" + unit + ";1\u202F234,75;\r\n"
                + code + ";2024Q3;" + unit + ";1\u00A0000;\r\n"
                + code + ";2024Q4;" + unit + ";-0,25;\r\n"
                + code + ";2023Q4;" + unit + ";7.5;\r\n";
        upload("text/csv", utf8(french))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCESS"))
                .andExpect(jsonPath("$.importCount.imported").value(5));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                                "select period_id, value from data_value where indicator_id = :id order by period_id")
                        .param("id", indicator)
                        .query((rs, n) -> rs.getString(1) + "="
                                + rs.getBigDecimal(2).stripTrailingZeros().toPlainString())
                        .list())
                .containsExactly("2023Q4=7.5", "2024Q1=12.5", "2024Q2=1234.75", "2024Q3=1000", "2024Q4=-0.25");

        // what reads two ways is refused: a point and a comma together in a semicolon file, any
        // decimal comma in a comma-separated one
        upload("text/csv", utf8("dataElement;period;orgUnit;value\n" + code + ";2022Q1;" + unit + ";1.234,5\n"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflicts[0].line").value(2))
                .andExpect(jsonPath("$.conflicts[0].field").value("value"))
                .andExpect(jsonPath("$.conflicts[0].value").value("1.234,5"))
                .andExpect(jsonPath("$.conflicts[0].message").value("'1.234,5' is not a number"));
        upload("text/csv", utf8("dataElement,period,orgUnit,value\n" + code + ",2022Q1," + unit + ",\"12,5\"\n"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflicts[0].line").value(2))
                .andExpect(jsonPath("$.conflicts[0].field").value("value"))
                .andExpect(jsonPath("$.conflicts[0].message").value("'12,5' is not a number"));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from data_value where indicator_id = :id")
                        .param("id", indicator)
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }
}
