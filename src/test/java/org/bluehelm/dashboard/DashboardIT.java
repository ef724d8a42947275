package org.bluehelm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow;
import static org.bluehelm.indicator.IndicatorFixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Saved dashboards through the API: building and arranging one, sharing it within a scope, each
 * viewer's figures computed with their own scope, stale versions refused, and the downloads read
 * back (CSV with Commons CSV, XLSX with POI).
 */
@IntegrationTest
class DashboardIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    // ---- helpers -------------------------------------------------------------------------------

    private void record(long indicator, long unit, String period, String value) throws Exception {
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%s}"
                                .formatted(indicator, unit, period, value)))
                .andExpect(status().isCreated());
    }

    private String unitName(long unit) throws Exception {
        return JsonPath.read(body(mvc.perform(get("/api/v1/orgUnits/" + unit).with(admin()))), "$.name");
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    private ResultActions createDashboard(RequestPostProcessor user, String json) throws Exception {
        return mvc.perform(post("/api/v1/dashboards")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions addItem(RequestPostProcessor user, long dashboard, int version, String fields)
            throws Exception {
        return mvc.perform(post("/api/v1/dashboards/" + dashboard + "/items")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{" + fields + ",\"version\":" + version + "}"));
    }

    private static String query(long indicator, long orgUnit, String from, String to) {
        return "\"indicators\":[%d],\"orgUnit\":%d,\"children\":true,\"periodType\":\"QUARTERLY\",\"from\":\"%s\",\"to\":\"%s\""
                .formatted(indicator, orgUnit, from, to);
    }

    private static int version(ResultActions result) throws Exception {
        return JsonPath.read(body(result), "$.version");
    }

    private static long itemId(ResultActions result, String title) throws Exception {
        List<Number> ids = JsonPath.read(body(result), "$.items[?(@.title == '" + title + "')].id");
        return ids.get(0).longValue();
    }

    /** An item's table from the data endpoint as "line label|column header" to value. */
    private Map<String, BigDecimal> cells(RequestPostProcessor user, long dashboard, long item) throws Exception {
        String json = body(mvc.perform(get("/api/v1/dashboards/" + dashboard + "/items/" + item + "/data")
                        .with(user))
                .andExpect(status().isOk()));
        List<String> headers = JsonPath.read(json, "$.table.valueHeaders");
        List<Map<String, Object>> lines = JsonPath.read(json, "$.table.lines");
        Map<String, BigDecimal> cells = new HashMap<>();
        for (Map<String, Object> line : lines) {
            @SuppressWarnings("unchecked")
            List<String> labels = (List<String>) line.get("labels");
            @SuppressWarnings("unchecked")
            List<Object> values = (List<Object>) line.get("values");
            for (int c = 0; c < headers.size(); c++) {
                if (values.get(c) != null) {
                    cells.put(
                            String.join("/", labels) + "|" + headers.get(c),
                            new BigDecimal(values.get(c).toString()));
                }
            }
        }
        return cells;
    }

    // ---- building and arranging ----------------------------------------------------------------

    @Test
    void theItemFormSaysWhichIndicatorIsUnknownBesideTheList() throws Exception {
        long root = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(mvc, admin(), ""));
        ResultActions created =
                createDashboard(admin(), "{\"name\":\"Form " + unique() + "\"}").andExpect(status().isCreated());
        long dashboard = id(created.andReturn());
        mvc.perform(post("/dashboards/" + dashboard + "/items")
                        .with(user(userDetails.loadUserByUsername("admin")))
                        .with(csrf())
                        .cookie(new Cookie("bluehelm-lang", "fr"))
                        .param("kind", "PIVOT")
                        .param("title", "Gone")
                        .param("indicators", String.valueOf(indicator), "987654321")
                        .param("orgUnit", String.valueOf(root))
                        .param("periodType", "YEARLY")
                        .param("from", "2024")
                        .param("version", String.valueOf(version(created))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("<p class=\"field-error\" id=\"indicators-error\">l&#39;indicateur"
                                + " 987654321 n&#39;existe pas ou est hors de votre périmètre</p>")))
                .andExpect(content()
                        .string(containsString("href=\"#indicators\">Indicateurs l&#39;indicateur 987654321")));
    }

    @Test
    void aUserBuildsArrangesAndExportsADashboard() throws Exception {
        long root = orgUnit(mvc, "LBR");
        long a1 = orgUnitBelow(mvc, root);
        long a2 = orgUnitBelow(mvc, root);
        long trained = id(createIndicator(mvc, admin(), "\"name\":\"Officers trained " + unique() + "\""));
        record(trained, a1, "202401", "10");
        record(trained, a1, "202402", "2");
        record(trained, a1, "202404", "5");
        record(trained, a2, "202402", "7");
        String a1Name = unitName(a1);
        String a2Name = unitName(a2);

        ResultActions created = createDashboard(admin(), "{\"name\":\"Police training " + unique() + "\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.owner").value("admin"))
                .andExpect(jsonPath("$.shared").value(false))
                .andExpect(jsonPath("$.editable").value(true))
                .andExpect(jsonPath("$.items").isEmpty());
        long dashboard = id(created.andReturn());
        int version = version(created);

        String q = query(trained, root, "2024Q1", "2024Q2");
        ResultActions step = addItem(admin(), dashboard, version, "\"kind\":\"TIME_SERIES\",\"title\":\"Trend\"," + q)
                .andExpect(status().isCreated());
        step = addItem(admin(), dashboard, version(step), "\"kind\":\"BARS_BY_ORG_UNIT\",\"title\":\"Districts\"," + q)
                .andExpect(status().isCreated());
        step = addItem(admin(), dashboard, version(step), "\"kind\":\"PIVOT\",\"title\":\"Pivot\"," + q)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.items[*].title").value(contains("Trend", "Districts", "Pivot")))
                .andExpect(jsonPath("$.items[*].position").value(contains(0, 1, 2)));
        assertThat(version(step)).isEqualTo(version + 3);
        long trend = itemId(step, "Trend");
        long bars = itemId(step, "Districts");
        long pivot = itemId(step, "Pivot");

        // arrange: the pivot moves up above the bars; the first item does not move further up
        step = mvc.perform(post("/api/v1/dashboards/" + dashboard + "/items/" + pivot + "/move")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"direction\":\"UP\",\"version\":%d}".formatted(version(step))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].title").value(contains("Trend", "Pivot", "Districts")))
                .andExpect(jsonPath("$.items[*].position").value(contains(0, 1, 2)));
        step = mvc.perform(post("/api/v1/dashboards/" + dashboard + "/items/" + trend + "/move")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"direction\":\"up\",\"version\":%d}".formatted(version(step))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].title").value(contains("Trend", "Pivot", "Districts")));
        mvc.perform(get("/api/v1/dashboards/" + dashboard).with(admin()))
                .andExpect(jsonPath("$.items[*].title").value(contains("Trend", "Pivot", "Districts")));

        // a time series: periods as lines, a series per district
        Map<String, BigDecimal> series = cells(admin(), dashboard, trend);
        assertThat(series)
                .containsOnlyKeys("2024Q1|" + a1Name, "2024Q1|" + a2Name, "2024Q2|" + a1Name)
                .containsEntry("2024Q1|" + a1Name, new BigDecimal("12"))
                .containsEntry("2024Q1|" + a2Name, new BigDecimal("7"))
                .containsEntry("2024Q2|" + a1Name, new BigDecimal("5"));
        mvc.perform(get("/api/v1/dashboards/" + dashboard + "/items/" + trend + "/data")
                        .with(admin()))
                .andExpect(jsonPath("$.chart").value("line"))
                .andExpect(jsonPath("$.table.labelHeaders").value(contains("Period")));
        // bars: districts as lines, a column per period
        Map<String, BigDecimal> byUnit = cells(admin(), dashboard, bars);
        assertThat(byUnit)
                .containsEntry(a1Name + "|2024Q1", new BigDecimal("12"))
                .containsEntry(a1Name + "|2024Q2", new BigDecimal("5"))
                .containsEntry(a2Name + "|2024Q1", new BigDecimal("7"))
                .hasSize(3);

        // the pivot downloaded as CSV and XLSX holds the same table as the JSON
        String pivotJson = body(mvc.perform(get("/api/v1/dashboards/" + dashboard + "/items/" + pivot + "/data")
                        .with(admin()))
                .andExpect(jsonPath("$.chart").doesNotExist())
                .andExpect(jsonPath("$.table.labelHeaders").value(contains("Indicator", "Organisation unit")))
                .andExpect(jsonPath("$.table.valueHeaders").value(contains("2024Q1", "2024Q2"))));
        String csv = mvc.perform(get("/api/v1/dashboards/" + dashboard + "/items/" + pivot + "/data.csv")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
                .andExpect(header().string(
                                "Content-Disposition",
                                org.hamcrest.Matchers.containsString(
                                        "dashboard-" + dashboard + "-item-" + pivot + ".csv")))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertThat(records.get(0).toList()).containsExactly("Indicator", "Organisation unit", "2024Q1", "2024Q2");
        assertThat(records).hasSize(3);
        List<List<String>> csvLines = new ArrayList<>();
        records.subList(1, 3).forEach(r -> csvLines.add(r.toList()));
        String indicatorName = JsonPath.read(pivotJson, "$.table.lines[0].labels[0]");
        assertThat(csvLines)
                .containsExactlyInAnyOrder(
                        List.of(indicatorName, a1Name, "12", "5"), List.of(indicatorName, a2Name, "7", ""));

        byte[] xlsx = mvc.perform(get("/api/v1/dashboards/" + dashboard + "/items/" + pivot + "/data.xlsx")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("Indicator", "Organisation unit", "2024Q1", "2024Q2");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Map<String, List<Object>> rows = new HashMap<>();
            for (int r = 1; r <= 2; r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(indicatorName);
                List<Object> values = new ArrayList<>();
                for (int c = 2; c <= 3; c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null || cell.getCellType() == CellType.BLANK) {
                        values.add("");
                    } else {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        values.add(cell.getNumericCellValue());
                    }
                }
                rows.put(row.getCell(1).getStringCellValue(), values);
            }
            assertThat(rows).containsEntry(a1Name, List.of(12.0, 5.0)).containsEntry(a2Name, List.of(7.0, ""));
        }

        // editing an item, then removing one: the rest close up
        step = mvc.perform(put("/api/v1/dashboards/" + dashboard + "/items/" + bars)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"BARS_BY_ORG_UNIT\",\"title\":\"Districts, 2024\",%s,\"version\":%d}"
                                .formatted(
                                        query(trained, root, "2024", "2024").replace("QUARTERLY", "YEARLY"),
                                        version(step))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[2].title").value("Districts, 2024"));
        assertThat(cells(admin(), dashboard, bars))
                .containsEntry(a1Name + "|" + indicatorName, new BigDecimal("17"))
                .containsEntry(a2Name + "|" + indicatorName, new BigDecimal("7"));
        step = mvc.perform(delete("/api/v1/dashboards/" + dashboard + "/items/" + trend)
                        .param("version", String.valueOf(version(step)))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].title").value(contains("Pivot", "Districts, 2024")))
                .andExpect(jsonPath("$.items[*].position").value(contains(0, 1)));
        mvc.perform(get("/api/v1/dashboards/" + dashboard + "/items/" + trend + "/data")
                        .with(admin()))
                .andExpect(status().isNotFound());

        // a stale version is refused, for the dashboard and for its items, and changes nothing
        int current = version(step);
        mvc.perform(put("/api/v1/dashboards/" + dashboard)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Renamed\",\"version\":%d}".formatted(current - 1)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        addItem(admin(), dashboard, current - 1, "\"kind\":\"PIVOT\",\"title\":\"Late\"," + q)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        mvc.perform(put("/api/v1/dashboards/" + dashboard)
                        .with(admin())
                        .header("If-Match", "\"" + current + "\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Renamed\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Renamed"))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(header().string("ETag", "\"" + (current + 1) + "\""));

        mvc.perform(delete("/api/v1/dashboards/" + dashboard)
                        .param("version", String.valueOf(current))
                        .with(admin()))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/dashboards/" + dashboard)
                        .param("version", String.valueOf(current + 1))
                        .with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/dashboards/" + dashboard).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void anIndexItemShowsTheCompositeIndexOfAUnitOverThePeriodsWithItsCoverage() throws Exception {
        long root = orgUnit(mvc, "LBR");
        long unit = orgUnitBelow(mvc, root);
        String benchmarks = """
                {"kind":"BASELINE","orgUnitId":%d,"period":"2020","value":0},
                {"kind":"TARGET","orgUnitId":%d,"period":"2027","value":100}""".formatted(root, root);
        long capacity = id(createIndicator(mvc, admin(), """
                "countryCode":"LBR","dimension":"CAPACITY","direction":"HIGHER_IS_BETTER","aggregation":"SUM",
                "baselinesAndTargets":[%s]""".formatted(benchmarks)));
        record(capacity, unit, "2024", "40");
        record(capacity, unit, "2025", "60");
        ResultActions created = createDashboard(admin(), "{\"name\":\"Index " + unique() + "\"}")
                .andExpect(status().isCreated());
        long dashboard = id(created.andReturn());
        ResultActions withItem = addItem(
                        admin(),
                        dashboard,
                        version(created),
                        "\"kind\":\"INDEX\",\"title\":\"Index\",\"orgUnit\":%d,\"periodType\":\"YEARLY\",\"from\":\"2024\",\"to\":\"2025\""
                                .formatted(root))
                .andExpect(status().isCreated());
        Map<String, BigDecimal> cells = cells(admin(), dashboard, itemId(withItem, "Index"));
        assertThat(cells.get("2024/1 of 1 indicators|Capacity and professionalism"))
                .isEqualByComparingTo("40");
        assertThat(cells.get("2025/1 of 1 indicators|Capacity and professionalism"))
                .isEqualByComparingTo("60");
        assertThat(cells.get("2025/1 of 1 indicators|SSR index (overall)")).isEqualByComparingTo("60");

        // without a unit the index cannot be drawn: the field is named and nothing is added
        addItem(admin(), dashboard, version(withItem), "\"kind\":\"INDEX\",\"title\":\"No unit\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orgUnit"));
    }

    @Test
    void aProgressItemShowsEachIndicatorAgainstItsBaselineAndTarget() throws Exception {
        long root = orgUnit(mvc, "LBR");
        long unit = orgUnitBelow(mvc, root);
        long indicator = id(createIndicator(mvc, admin(), """
                "countryCode":"LBR","dimension":"CAPACITY","direction":"HIGHER_IS_BETTER","aggregation":"SUM",
                "baselinesAndTargets":[
                  {"kind":"BASELINE","orgUnitId":%d,"period":"2020","value":20},
                  {"kind":"TARGET","orgUnitId":%d,"period":"2030","value":120}]""".formatted(root, root)));
        record(indicator, unit, "2025", "80");
        ResultActions created = createDashboard(admin(), "{\"name\":\"Progress " + unique() + "\"}")
                .andExpect(status().isCreated());
        ResultActions withItem = addItem(
                        admin(),
                        id(created.andReturn()),
                        version(created),
                        "\"kind\":\"PROGRESS\",\"title\":\"Progress\",\"indicators\":[%d],\"orgUnit\":%d"
                                .formatted(indicator, root))
                .andExpect(status().isCreated());
        Map<String, BigDecimal> cells = cells(admin(), id(created.andReturn()), itemId(withItem, "Progress"));
        // (80 - 20) / (120 - 20): 60 % of the way from the baseline to the target
        assertThat(cells.entrySet().stream()
                        .filter(e -> e.getKey().endsWith("|% achieved"))
                        .map(Map.Entry::getValue))
                .singleElement()
                .satisfies(v -> assertThat(v).isEqualByComparingTo("60"));
        assertThat(cells.entrySet().stream()
                        .filter(e -> e.getKey().endsWith("|Latest value"))
                        .map(Map.Entry::getValue))
                .singleElement()
                .satisfies(v -> assertThat(v).isEqualByComparingTo("80"));

        addItem(admin(), id(created.andReturn()), version(withItem), "\"kind\":\"PROGRESS\",\"title\":\"Nothing\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("indicators", "orgUnit")));
    }

    @Test
    void badInputNamesTheFieldsAndWritesNothing() throws Exception {
        createDashboard(admin(), "{\"name\":\" \",\"countryCode\":\"XX\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "countryCode")));

        long root = orgUnit(mvc, "LBR");
        long indicator = id(createIndicator(mvc, admin(), ""));
        ResultActions created = createDashboard(admin(), "{\"name\":\"Checks " + unique() + "\"}")
                .andExpect(status().isCreated());
        long dashboard = id(created.andReturn());
        int version = version(created);

        addItem(
                        admin(),
                        dashboard,
                        version,
                        "\"indicators\":[%d],\"orgUnit\":%d,\"from\":\"2024Q1\"".formatted(indicator, root))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("kind", "title")));
        addItem(
                        admin(),
                        dashboard,
                        version,
                        "\"kind\":\"TIME_SERIES\",\"title\":\"Broken\",\"indicators\":[],\"orgUnit\":%d,\"from\":\"2024Q9\""
                                .formatted(root))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("indicators", "from")));
        addItem(
                        admin(),
                        dashboard,
                        version,
                        "\"kind\":\"PIVOT\",\"title\":\"Gone\",\"indicators\":[%d,987654321,987654322],\"orgUnit\":%d,\"from\":\"2024\""
                                .formatted(indicator, root))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(contains("indicators[1]", "indicators[2]")))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("indicator 987654321 does not exist or is outside your scope"));
        addItem(
                        admin(),
                        dashboard,
                        version,
                        "\"kind\":\"PIVOT\",\"title\":\"Both\",\"indicators\":[%d],\"orgUnit\":%d,\"children\":true,\"orgUnitLevel\":3,\"from\":\"2024\",\"to\":\"2023\""
                                .formatted(indicator, root))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("children")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("to")));
        mvc.perform(post("/api/v1/dashboards/" + dashboard + "/items/1/move")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"direction\":\"sideways\",\"version\":%d}".formatted(version)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("direction"));

        mvc.perform(get("/api/v1/dashboards/" + dashboard).with(admin()))
                .andExpect(jsonPath("$.version").value(version))
                .andExpect(jsonPath("$.items").isEmpty());
    }

    // ---- sharing and scope ---------------------------------------------------------------------

    @Test
    void aDashboardSharedWithAMissionIsSeenInItsScopeOnlyAndEditedByItsOwnerOnly() throws Exception {
        long unmil = TestApi.missionId(mvc, "UNMIL");
        long unoci = TestApi.missionId(mvc, "UNOCI");
        RequestPostProcessor owner = TestApi.userScopedToMission(mvc, "VIEWER", unmil);
        RequestPostProcessor colleague = TestApi.userScopedToMission(mvc, "VIEWER", unmil);
        RequestPostProcessor outsider = TestApi.userScopedToMission(mvc, "VIEWER", unoci);
        long root = orgUnit(mvc, "LBR");
        long district = orgUnitBelow(mvc, root);
        long indicator = id(createIndicator(mvc, admin(), ""));
        record(indicator, district, "202401", "4");
        String name = "Mission view " + unique();

        // a viewer may share only within their own scope, and not with everyone
        createDashboard(owner, "{\"name\":\"%s\",\"shared\":true,\"missionId\":%d}".formatted(name, unoci))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("missionId"));
        createDashboard(owner, "{\"name\":\"%s\",\"shared\":true}".formatted(name))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("missionId"));

        ResultActions created = createDashboard(
                        owner, "{\"name\":\"%s\",\"shared\":true,\"missionId\":%d}".formatted(name, unmil))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.countryCode").value("LBR"));
        long dashboard = id(created.andReturn());
        ResultActions withItem = addItem(
                        owner,
                        dashboard,
                        version(created),
                        "\"kind\":\"TIME_SERIES\",\"title\":\"Values\"," + query(indicator, root, "2024Q1", "2024Q1"))
                .andExpect(status().isCreated());
        long item = itemId(withItem, "Values");

        // a colleague of the same mission finds it among those shared with them, sees it, may not change it
        mvc.perform(get("/api/v1/dashboards")
                        .param("audience", "shared")
                        .param("size", "200")
                        .with(colleague))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name").value(hasItem(name)));
        mvc.perform(get("/api/v1/dashboards").param("audience", "mine").with(colleague))
                .andExpect(jsonPath("$.items[*].name").value(not(hasItem(name))));
        mvc.perform(get("/api/v1/dashboards/" + dashboard).with(colleague))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.editable").value(false));
        assertThat(cells(colleague, dashboard, item)).containsValue(new BigDecimal("4"));
        mvc.perform(put("/api/v1/dashboards/" + dashboard)
                        .with(colleague)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Taken\",\"version\":%d}".formatted(version(withItem))))
                .andExpect(status().isForbidden());
        addItem(
                        colleague,
                        dashboard,
                        version(withItem),
                        "\"kind\":\"PIVOT\",\"title\":\"Mine now\"," + query(indicator, root, "2024Q1", "2024Q1"))
                .andExpect(status().isForbidden());

        // someone of another mission neither finds it nor reads it, nor its data
        mvc.perform(get("/api/v1/dashboards").param("size", "200").with(outsider))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name").value(not(hasItem(name))));
        mvc.perform(get("/api/v1/dashboards/" + dashboard).with(outsider))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
        mvc.perform(get("/api/v1/dashboards/" + dashboard + "/items/" + item + "/data.csv")
                        .with(outsider))
                .andExpect(status().isNotFound());

        // unshared, it is the owner's alone again (an administrator still edits it)
        ResultActions unshared = mvc.perform(put("/api/v1/dashboards/" + dashboard)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"name\":\"%s\",\"shared\":false,\"version\":%d}".formatted(name, version(withItem))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/dashboards/" + dashboard).with(colleague)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dashboards/" + dashboard).with(owner))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version(unshared)));
    }

    @Test
    void aDashboardSharedWithEveryoneShowsEachViewerOnlyTheDataOfTheirScope() throws Exception {
        long unmil = TestApi.missionId(mvc, "UNMIL");
        long unoci = TestApi.missionId(mvc, "UNOCI");
        RequestPostProcessor liberia = TestApi.userScopedToMission(mvc, "VIEWER", unmil);
        RequestPostProcessor ivoryCoast = TestApi.userScopedToMission(mvc, "VIEWER", unoci);
        long lbr = orgUnit(mvc, "LBR");
        long lbrDistrict = orgUnitBelow(mvc, lbr);
        long civ = orgUnit(mvc, "CIV");
        long civDistrict = orgUnitBelow(mvc, civ);
        long library = id(createIndicator(mvc, admin(), ""));
        long unmilOnly = id(createIndicator(mvc, admin(), "\"missionId\":%d,\"countryCode\":\"LBR\"".formatted(unmil)));
        record(library, lbrDistrict, "202401", "4");
        record(library, civDistrict, "202401", "9");
        record(unmilOnly, lbrDistrict, "202401", "3");
        String name = "Region " + unique();

        ResultActions step = createDashboard(admin(), "{\"name\":\"%s\",\"shared\":true}".formatted(name))
                .andExpect(status().isCreated());
        long dashboard = id(step.andReturn());
        step = addItem(
                        admin(),
                        dashboard,
                        version(step),
                        "\"kind\":\"PIVOT\",\"title\":\"Liberia\"," + query(library, lbr, "2024Q1", "2024Q1"))
                .andExpect(status().isCreated());
        step = addItem(
                        admin(),
                        dashboard,
                        version(step),
                        "\"kind\":\"PIVOT\",\"title\":\"Ivory Coast\"," + query(library, civ, "2024Q1", "2024Q1"))
                .andExpect(status().isCreated());
        step = addItem(
                        admin(),
                        dashboard,
                        version(step),
                        "\"kind\":\"TIME_SERIES\",\"title\":\"UNMIL only\","
                                + query(unmilOnly, lbr, "2024Q1", "2024Q1"))
                .andExpect(status().isCreated());
        long liberiaItem = itemId(step, "Liberia");
        long ivoryCoastItem = itemId(step, "Ivory Coast");
        long unmilItem = itemId(step, "UNMIL only");

        assertThat(cells(admin(), dashboard, liberiaItem)).containsValue(new BigDecimal("4"));
        assertThat(cells(admin(), dashboard, ivoryCoastItem)).containsValue(new BigDecimal("9"));

        // both viewers see the dashboard; each sees the figures of their own scope and no other
        mvc.perform(get("/api/v1/dashboards")
                        .param("audience", "shared")
                        .param("size", "200")
                        .with(ivoryCoast))
                .andExpect(jsonPath("$.items[*].name").value(hasItem(name)));
        assertThat(cells(liberia, dashboard, liberiaItem)).containsValue(new BigDecimal("4"));
        assertThat(cells(liberia, dashboard, ivoryCoastItem)).isEmpty();
        assertThat(cells(ivoryCoast, dashboard, ivoryCoastItem)).containsValue(new BigDecimal("9"));
        assertThat(cells(ivoryCoast, dashboard, liberiaItem)).isEmpty();
        assertThat(cells(liberia, dashboard, unmilItem)).containsValue(new BigDecimal("3"));
        // the UNMIL indicator itself is outside the Ivorian viewer's scope: the item is not found for them
        mvc.perform(get("/api/v1/dashboards/" + dashboard + "/items/" + unmilItem + "/data")
                        .with(ivoryCoast))
                .andExpect(status().isNotFound());
        String csv = mvc.perform(get("/api/v1/dashboards/" + dashboard + "/items/" + liberiaItem + "/data.csv")
                        .with(ivoryCoast))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get(2)).isEmpty();
    }
}
