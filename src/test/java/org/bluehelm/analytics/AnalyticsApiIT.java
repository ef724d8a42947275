package org.bluehelm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.missionId;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow;
import static org.bluehelm.indicator.IndicatorFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluehelm.test.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Aggregates through the API over a small hierarchy of our own: a root with regions A and B,
 * districts A1 and A2 in A and B1 in B, values entered monthly at the districts.
 */
@IntegrationTest
class AnalyticsApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    RollupStore store;

    @Autowired
    org.bluehelm.measurement.MeasurementService measurements;

    long root;
    long regionA;
    long regionB;
    long a1;
    long a2;
    long b1;

    @BeforeEach
    void hierarchy() throws Exception {
        root = orgUnit(mvc, "LBR");
        regionA = orgUnitBelow(mvc, root);
        regionB = orgUnitBelow(mvc, root);
        a1 = orgUnitBelow(mvc, regionA);
        a2 = orgUnitBelow(mvc, regionA);
        b1 = orgUnitBelow(mvc, regionB);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private long indicator(String fields) throws Exception {
        return id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\"" + (fields.isEmpty() ? "" : "," + fields)));
    }

    private ResultActions record(long indicator, long unit, String period, String value) throws Exception {
        return mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%s}"
                                .formatted(indicator, unit, period, value)))
                .andExpect(status().isCreated());
    }

    private ResultActions recordOption(long indicator, long unit, String period, String option, String value)
            throws Exception {
        return mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"optionCode\":\"%s\",\"value\":%s}"
                                        .formatted(indicator, unit, period, option, value)))
                .andExpect(status().isCreated());
    }

    private MockHttpServletRequestBuilder analytics(String... params) {
        MockHttpServletRequestBuilder request = get("/api/v1/analytics");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request;
    }

    /** The values of a response by "indicator-or-formula|orgUnit|period[|option]". */
    private Map<String, BigDecimal> values(ResultActions result) throws Exception {
        return values(
                result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static Map<String, BigDecimal> values(String body) {
        List<Map<String, Object>> rows = JsonPath.read(body, "$.rows");
        Map<String, BigDecimal> values = new HashMap<>();
        for (Map<String, Object> row : rows) {
            String item = row.get("indicator") != null ? "i" + row.get("indicator") : "f" + row.get("formula");
            String key = item + "|" + row.get("orgUnit") + "|" + row.get("period")
                    + (row.get("option") != null ? "|" + row.get("option") : "");
            values.put(key, new BigDecimal(String.valueOf(row.get("value"))));
        }
        return values;
    }

    private Map<String, BigDecimal> query(RequestPostProcessor user, String... params) throws Exception {
        return values(mvc.perform(analytics(params).with(user)));
    }

    private static void assertValue(Map<String, BigDecimal> values, String key, @Nullable String expected) {
        if (expected == null) {
            assertThat(values).doesNotContainKey(key);
        } else {
            assertThat(values).containsKey(key);
            assertThat(values.get(key)).isEqualByComparingTo(expected);
        }
    }

    private static String key(String item, long unit, String period) {
        return item + "|" + unit + "|" + period;
    }

    // ---- aggregation rules ---------------------------------------------------------------------

    @Test
    void sumsRollUpMonthsIntoQuartersAndYearsAndUnitsIntoLevelsAndChildren() throws Exception {
        long people = indicator("\"valueType\":\"INTEGER\"");
        String i = "i" + people;
        record(people, a1, "202401", "10");
        record(people, a1, "202402", "20");
        record(people, a1, "202404", "5");
        record(people, a2, "202401", "7");
        record(people, b1, "202403", "100");

        Map<String, BigDecimal> byRegion = query(
                admin(),
                "indicator",
                String.valueOf(people),
                "orgUnit",
                String.valueOf(root),
                "orgUnitLevel",
                "2",
                "periodType",
                "QUARTERLY",
                "from",
                "2024Q1",
                "to",
                "2024Q4");
        assertValue(byRegion, key(i, regionA, "2024Q1"), "37");
        assertValue(byRegion, key(i, regionA, "2024Q2"), "5");
        assertValue(byRegion, key(i, regionB, "2024Q1"), "100");
        assertValue(byRegion, key(i, regionB, "2024Q2"), null);
        assertThat(byRegion).hasSize(3);

        assertThat(query(
                        admin(),
                        "indicator",
                        String.valueOf(people),
                        "orgUnit",
                        String.valueOf(root),
                        "children",
                        "true",
                        "periodType",
                        "QUARTERLY",
                        "from",
                        "2024Q1",
                        "to",
                        "2024Q4"))
                .isEqualTo(byRegion);

        Map<String, BigDecimal> year =
                query(admin(), "indicator", String.valueOf(people), "orgUnit", root + "," + a1, "from", "2024");
        assertValue(year, key(i, root, "2024"), "142");
        assertValue(year, key(i, a1, "2024"), "35");

        Map<String, BigDecimal> districtsByMonth = query(
                admin(),
                "indicator",
                String.valueOf(people),
                "orgUnit",
                String.valueOf(regionA),
                "orgUnitLevel",
                "3",
                "from",
                "202401",
                "to",
                "202403");
        assertValue(districtsByMonth, key(i, a1, "202401"), "10");
        assertValue(districtsByMonth, key(i, a1, "202402"), "20");
        assertValue(districtsByMonth, key(i, a2, "202401"), "7");
        assertThat(districtsByMonth).hasSize(3);

        // a month range asked by quarter: the quarters that contain the months
        mvc.perform(analytics(
                                "indicator", String.valueOf(people),
                                "orgUnit", String.valueOf(root),
                                "periodType", "QUARTERLY",
                                "from", "202402",
                                "to", "202405")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periods[*].id").value(org.hamcrest.Matchers.contains("2024Q1", "2024Q2")))
                .andExpect(jsonPath("$.orgUnits[0].id").value(root))
                .andExpect(jsonPath("$.indicators[0].code").exists())
                .andExpect(jsonPath("$.indicators[0].aggregation").value("SUM"));
    }

    @Test
    void averagesDivideTheSumByTheNumberOfValues() throws Exception {
        long score = indicator("\"aggregation\":\"AVERAGE\"");
        String i = "i" + score;
        record(score, a1, "202401", "10");
        record(score, a1, "202402", "20");
        record(score, a2, "202403", "60");

        Map<String, BigDecimal> values = query(
                admin(),
                "indicator",
                String.valueOf(score),
                "orgUnit",
                regionA + "," + a1,
                "periodType",
                "QUARTERLY",
                "from",
                "2024Q1");
        assertValue(values, key(i, regionA, "2024Q1"), "30");
        assertValue(values, key(i, a1, "2024Q1"), "15");
    }

    @Test
    void aRatioIsTheSumOfNumeratorsOverTheSumOfDenominatorsNotTheAverageOfRatios() throws Exception {
        long convicted = indicator("");
        long tried = indicator("");
        long rate = indicator(
                "\"aggregation\":\"RATIO\",\"numeratorId\":%d,\"denominatorId\":%d".formatted(convicted, tried));
        long percent = indicator(
                "\"aggregation\":\"RATIO\",\"valueType\":\"PERCENTAGE\",\"numeratorId\":%d,\"denominatorId\":%d"
                        .formatted(convicted, tried));
        // A1: 1 of 2 (50 %); A2: 10 of 100 (10 %): the average of the ratios would be 30 %
        record(convicted, a1, "202401", "1");
        record(tried, a1, "202401", "2");
        record(convicted, a2, "202402", "10");
        record(tried, a2, "202402", "100");

        Map<String, BigDecimal> values = query(
                admin(),
                "indicator",
                rate + "," + percent,
                "orgUnit",
                regionA + "," + a1,
                "periodType",
                "QUARTERLY",
                "from",
                "2024Q1");
        assertValue(values, key("i" + rate, regionA, "2024Q1"), "0.107843");
        assertValue(values, key("i" + percent, regionA, "2024Q1"), "10.784314");
        assertValue(values, key("i" + rate, a1, "2024Q1"), "0.5");
        // a denominator without values: no ratio
        assertValue(
                query(admin(), "indicator", String.valueOf(rate), "orgUnit", String.valueOf(b1), "from", "2024"),
                key("i" + rate, b1, "2024"),
                null);
    }

    @Test
    void lastValueTakesEachUnitsLatestPeriodInsideTheRequestedOneThenSumsOverUnits() throws Exception {
        long strength = indicator("\"aggregation\":\"LAST_VALUE\",\"valueType\":\"INTEGER\"");
        String i = "i" + strength;
        record(strength, a1, "202401", "100");
        record(strength, a1, "202402", "110");
        record(strength, a1, "202404", "120");
        record(strength, a2, "202401", "50");
        record(strength, a2, "202403", "55");

        Map<String, BigDecimal> quarters = query(
                admin(),
                "indicator",
                String.valueOf(strength),
                "orgUnit",
                regionA + "," + a1,
                "periodType",
                "QUARTERLY",
                "from",
                "2024Q1",
                "to",
                "2024Q2");
        assertValue(quarters, key(i, a1, "2024Q1"), "110");
        assertValue(quarters, key(i, regionA, "2024Q1"), "165");
        assertValue(quarters, key(i, regionA, "2024Q2"), "120");
        Map<String, BigDecimal> year = query(
                admin(), "indicator", String.valueOf(strength), "orgUnit", String.valueOf(regionA), "from", "2024");
        assertValue(year, key(i, regionA, "2024"), "175");
    }

    @Test
    void lastValueOfABreakdownNeverAddsTheTotalItReplaced() throws Exception {
        long strength = indicator("\"aggregation\":\"LAST_VALUE\",\"valueType\":\"INTEGER\",\"categories\":[\"SEX\"]");
        String i = "i" + strength;
        // a total in January, then the breakdown from March on
        record(strength, a1, "202401", "100");
        recordOption(strength, a1, "202403", "FEMALE", "30");
        recordOption(strength, a1, "202403", "MALE", "40");
        // a unit whose men were last counted in February and women in March: each option's latest
        recordOption(strength, a2, "202402", "MALE", "20");
        recordOption(strength, a2, "202403", "FEMALE", "5");

        Map<String, BigDecimal> year = query(
                admin(),
                "indicator",
                String.valueOf(strength),
                "orgUnit",
                regionA + "," + a1 + "," + a2,
                "from",
                "2024");
        assertValue(year, key(i, a1, "2024"), "70");
        assertValue(year, key(i, a2, "2024"), "25");
        assertValue(year, key(i, regionA, "2024"), "95");
        Map<String, BigDecimal> january = query(
                admin(),
                "indicator",
                String.valueOf(strength),
                "orgUnit",
                String.valueOf(a1),
                "periodType",
                "MONTHLY",
                "from",
                "202401");
        assertValue(january, key(i, a1, "202401"), "100");
    }

    @Test
    void valuesSplitByDisaggregationOptionOnRequest() throws Exception {
        long trained = indicator("\"valueType\":\"INTEGER\",\"categories\":[\"SEX\"]");
        recordOption(trained, a1, "202401", "FEMALE", "4");
        recordOption(trained, a1, "202401", "MALE", "6");
        recordOption(trained, a2, "202402", "FEMALE", "1");

        String body = mvc.perform(analytics(
                                "indicator", String.valueOf(trained),
                                "orgUnit", String.valueOf(regionA),
                                "periodType", "QUARTERLY",
                                "from", "2024Q1",
                                "byOption", "true")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(2)))
                .andExpect(jsonPath("$.options[*].code", org.hamcrest.Matchers.containsInAnyOrder("FEMALE", "MALE")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> female = JsonPath.read(body, "$.options[?(@.code == 'FEMALE')].id");
        List<Number> femaleValue =
                JsonPath.read(body, "$.rows[?(@.option == " + female.get(0).longValue() + ")].value");
        assertThat(femaleValue.get(0).intValue()).isEqualTo(5);
        assertValue(
                query(
                        admin(),
                        "indicator",
                        String.valueOf(trained),
                        "orgUnit",
                        String.valueOf(regionA),
                        "from",
                        "2024Q1"),
                key("i" + trained, regionA, "2024Q1"),
                "11");
    }

    @Test
    void ratiosAndFormulasSplitByOptionDivideEachOptionsSums() throws Exception {
        String passedCode = "passed_" + unique();
        String sittingCode = "sitting_" + unique();
        long passed =
                indicator("\"code\":\"%s\",\"valueType\":\"INTEGER\",\"categories\":[\"SEX\"]".formatted(passedCode));
        long sitting =
                indicator("\"code\":\"%s\",\"valueType\":\"INTEGER\",\"categories\":[\"SEX\"]".formatted(sittingCode));
        long rate = indicator(
                "\"aggregation\":\"RATIO\",\"valueType\":\"PERCENTAGE\",\"numeratorId\":%d,\"denominatorId\":%d"
                        .formatted(passed, sitting));
        // women: 3 of 4 and 1 of 4 (50 %); men: 2 of 10 (20 %); all: 6 of 18
        recordOption(passed, a1, "202401", "FEMALE", "3");
        recordOption(sitting, a1, "202401", "FEMALE", "4");
        recordOption(passed, a2, "202402", "FEMALE", "1");
        recordOption(sitting, a2, "202402", "FEMALE", "4");
        recordOption(passed, a1, "202403", "MALE", "2");
        recordOption(sitting, a1, "202403", "MALE", "10");

        String body = mvc.perform(analytics(
                                "indicator",
                                String.valueOf(rate),
                                "formula",
                                "#{%s} * 100 / #{%s}".formatted(passedCode, sittingCode),
                                "orgUnit",
                                String.valueOf(regionA),
                                "periodType",
                                "QUARTERLY",
                                "from",
                                "2024Q1",
                                "byOption",
                                "true")
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long female = ((Number) JsonPath.<List<Number>>read(body, "$.options[?(@.code == 'FEMALE')].id")
                        .get(0))
                .longValue();
        long male = ((Number) JsonPath.<List<Number>>read(body, "$.options[?(@.code == 'MALE')].id")
                        .get(0))
                .longValue();
        Map<String, BigDecimal> values = values(body);
        assertThat(values).hasSize(4);
        assertValue(values, key("i" + rate, regionA, "2024Q1") + "|" + female, "50");
        assertValue(values, key("i" + rate, regionA, "2024Q1") + "|" + male, "20");
        assertValue(values, key("f0", regionA, "2024Q1") + "|" + female, "50");
        assertValue(values, key("f0", regionA, "2024Q1") + "|" + male, "20");

        Map<String, BigDecimal> added =
                query(admin(), "indicator", String.valueOf(rate), "orgUnit", String.valueOf(regionA), "from", "2024Q1");
        assertValue(added, key("i" + rate, regionA, "2024Q1"), "33.333333");
    }

    // ---- incremental maintenance and rebuild ---------------------------------------------------

    @Test
    void rollupsFollowInsertsUpdatesDeletesAndBatchesAndARebuildGivesTheSame() throws Exception {
        long cases = indicator("\"valueType\":\"INTEGER\"");
        String i = "i" + cases;
        String[] q = {"indicator", String.valueOf(cases), "orgUnit", String.valueOf(root), "from", "2024Q1"};

        long first = id(record(cases, a1, "202401", "10").andReturn());
        assertValue(query(admin(), q), key(i, root, "2024Q1"), "10");

        mvc.perform(put("/api/v1/dataValues/" + first)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":25,\"version\":1}"))
                .andExpect(status().isOk());
        assertValue(query(admin(), q), key(i, root, "2024Q1"), "25");

        // replacing through POST with the version read counts as an update, not a second value
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"202401\",\"value\":30,\"version\":2}"
                                        .formatted(cases, a1)))
                .andExpect(status().isOk());
        assertValue(query(admin(), q), key(i, root, "2024Q1"), "30");

        mvc.perform(post("/api/v1/dataValues/batch")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"values":[
                                  {"indicatorId":%1$d,"orgUnitId":%2$d,"period":"202402","value":1},
                                  {"indicatorId":%1$d,"orgUnitId":%3$d,"period":"202403","value":2},
                                  {"indicatorId":%1$d,"orgUnitId":%4$d,"period":"202401","value":4}]}""".formatted(cases, a1, a2, b1)))
                .andExpect(status().isOk());
        Map<String, BigDecimal> afterBatch = query(
                admin(),
                "indicator",
                String.valueOf(cases),
                "orgUnit",
                root + "," + regionA + "," + regionB,
                "from",
                "2024Q1");
        assertValue(afterBatch, key(i, root, "2024Q1"), "37");
        assertValue(afterBatch, key(i, regionA, "2024Q1"), "33");
        assertValue(afterBatch, key(i, regionB, "2024Q1"), "4");

        // a failed batch (one bad value) changes nothing
        mvc.perform(post("/api/v1/dataValues/batch")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"values":[
                                  {"indicatorId":%1$d,"orgUnitId":%2$d,"period":"202405","value":1000},
                                  {"indicatorId":%1$d,"orgUnitId":%2$d,"period":"202406","value":1.5}]}""".formatted(cases, a1)))
                .andExpect(status().isBadRequest());
        assertValue(query(admin(), q), key(i, root, "2024Q1"), "37");

        mvc.perform(delete("/api/v1/dataValues/" + first).param("version", "3").with(admin()))
                .andExpect(status().isNoContent());
        Map<String, BigDecimal> afterDelete =
                query(admin(), "indicator", String.valueOf(cases), "orgUnit", root + "," + a1, "from", "202401");
        assertValue(afterDelete, key(i, root, "202401"), "4");
        assertValue(afterDelete, key(i, a1, "202401"), null);

        List<Map<String, @Nullable Object>> incremental = store.snapshot();
        mvc.perform(post("/api/v1/analytics/rebuild").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rollupRows").isNumber());
        assertThat(AnalyticsFixtures.normalised(store.snapshot())).isEqualTo(AnalyticsFixtures.normalised(incremental));
        assertValue(query(admin(), q), key(i, root, "2024Q1"), "7");
    }

    @Test
    void importsInChunksKeepTheRollupsEqualToARebuildAndASecondImportCountsUpdates() throws Exception {
        long persons = indicator("\"valueType\":\"INTEGER\",\"categories\":[\"SEX\"]");
        String code = AnalyticsFixtures.code(mvc, "indicators", persons);
        // deleted at the end: 7,500 values of Liberia would fill other tests' first pages
        try {
            String[] units = {unitCode(a1), unitCode(a2), unitCode(b1)};
            java.time.LocalDate start = java.time.LocalDate.of(2001, 1, 1);
            // 3 units x 1,200 days x 2 options = 7,200 rows: two chunks sharing their upper-level cells
            StringBuilder first = new StringBuilder("dataElement,period,orgUnit,categoryOptionCombo,value\n");
            for (int day = 0; day < 1200; day++) {
                String period = start.plusDays(day).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                for (int u = 0; u < units.length; u++) {
                    first.append(code).append(',').append(period).append(',').append(units[u]);
                    first.append(",FEMALE,").append((day + u) % 50).append('\n');
                    first.append(code).append(',').append(period).append(',').append(units[u]);
                    first.append(",MALE,").append((day * 7 + u) % 40).append('\n');
                }
            }
            importCsv(first.toString())
                    .andExpect(jsonPath("$.status").value("SUCCESS"))
                    .andExpect(jsonPath("$.importCount.imported").value(7200))
                    .andExpect(jsonPath("$.importCount.updated").value(0));

            // the second file changes A1's FEMALE values of days 0-599 and adds 300 values of a new year
            StringBuilder second = new StringBuilder("dataElement,period,orgUnit,categoryOptionCombo,value\n");
            for (int day = 0; day < 600; day++) {
                String period = start.plusDays(day).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                second.append(code).append(',').append(period).append(',').append(units[0]);
                second.append(",FEMALE,1000\n");
            }
            for (int day = 0; day < 300; day++) {
                String period = java.time.LocalDate.of(2010, 1, 1)
                        .plusDays(day)
                        .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                second.append(code).append(',').append(period).append(',').append(units[2]);
                second.append(",MALE,3\n");
            }
            importCsv(second.toString())
                    .andExpect(jsonPath("$.status").value("SUCCESS"))
                    .andExpect(jsonPath("$.importCount.imported").value(300))
                    .andExpect(jsonPath("$.importCount.updated").value(600));

            // A1's 2001 total: days 0-364 FEMALE now 1000 each, MALE unchanged
            long male2001 = 0;
            for (int day = 0; day < 365; day++) {
                male2001 += (day * 7L) % 40;
            }
            Map<String, BigDecimal> years =
                    query(admin(), "indicator", String.valueOf(persons), "orgUnit", a1 + "," + root, "from", "2001");
            assertValue(years, key("i" + persons, a1, "2001"), String.valueOf(365 * 1000 + male2001));
            assertValue(
                    query(
                            admin(),
                            "indicator",
                            String.valueOf(persons),
                            "orgUnit",
                            String.valueOf(root),
                            "from",
                            "2010"),
                    key("i" + persons, root, "2010"),
                    "900");

            List<Map<String, @Nullable Object>> incremental = store.snapshot();
            mvc.perform(post("/api/v1/analytics/rebuild").with(admin())).andExpect(status().isOk());
            assertThat(AnalyticsFixtures.normalised(store.snapshot()))
                    .isEqualTo(AnalyticsFixtures.normalised(incremental));
        } finally {
            measurements.deleteAllOf(persons);
        }
    }

    @Test
    void anImportWithValuesAtSeveralLevelsCountsEachOnceAtEveryLevelAbove() throws Exception {
        long cases = indicator("\"valueType\":\"INTEGER\"");
        String code = AnalyticsFixtures.code(mvc, "indicators", cases);
        try {
            // the country, a region and two districts each report January 2024 in the same file
            importCsv("dataElement,period,orgUnit,value\n"
                            + code + ",202401," + unitCode(root) + ",1\n"
                            + code + ",202401," + unitCode(regionA) + ",20\n"
                            + code + ",202401," + unitCode(a1) + ",300\n"
                            + code + ",202401," + unitCode(b1) + ",4000\n")
                    .andExpect(jsonPath("$.status").value("SUCCESS"))
                    .andExpect(jsonPath("$.importCount.imported").value(4));

            Map<String, BigDecimal> cells = query(
                    admin(),
                    "indicator",
                    String.valueOf(cases),
                    "orgUnit",
                    root + "," + regionA + "," + regionB + "," + a1,
                    "periodType",
                    "QUARTERLY",
                    "from",
                    "2024Q1",
                    "to",
                    "2024Q1");
            assertValue(cells, key("i" + cases, root, "2024Q1"), "4321");
            assertValue(cells, key("i" + cases, regionA, "2024Q1"), "320");
            assertValue(cells, key("i" + cases, regionB, "2024Q1"), "4000");
            assertValue(cells, key("i" + cases, a1, "2024Q1"), "300");

            List<Map<String, @Nullable Object>> incremental = store.snapshot();
            mvc.perform(post("/api/v1/analytics/rebuild").with(admin())).andExpect(status().isOk());
            assertThat(AnalyticsFixtures.normalised(store.snapshot()))
                    .isEqualTo(AnalyticsFixtures.normalised(incremental));
        } finally {
            measurements.deleteAllOf(cases);
        }
    }

    private String unitCode(long id) throws Exception {
        return AnalyticsFixtures.code(mvc, "orgUnits", id);
    }

    private ResultActions importCsv(String csv) throws Exception {
        return mvc.perform(post("/api/v1/dataValueSets")
                        .with(admin())
                        .contentType("text/csv")
                        .content(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(status().isOk());
    }

    @Test
    void movingADistrictMovesItsTotalsToTheNewRegion() throws Exception {
        long cases = indicator("\"valueType\":\"INTEGER\"");
        String i = "i" + cases;
        record(cases, a2, "202401", "7");
        record(cases, a1, "202401", "3");
        AnalyticsFixtures.move(mvc, a2, regionB);
        Map<String, BigDecimal> values = query(
                admin(),
                "indicator",
                String.valueOf(cases),
                "orgUnit",
                String.valueOf(root),
                "orgUnitLevel",
                "2",
                "from",
                "2024");
        assertValue(values, key(i, regionA, "2024"), "3");
        assertValue(values, key(i, regionB, "2024"), "7");
    }

    // ---- scope ---------------------------------------------------------------------------------

    @Test
    void aUserOfAnotherMissionGetsNoCellsAndNoIndicatorOutsideTheirScope() throws Exception {
        long unoci = missionId(mvc, "UNOCI");
        String username = "viewer-" + unique();
        mvc.perform(post("/api/v1/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"%s","password":"a-long-enough-password",
                                 "roles":["VIEWER"],"scopes":[{"type":"MISSION","value":"%d"}]}""".formatted(username, username, unoci)))
                .andExpect(status().isCreated());
        RequestPostProcessor viewer = httpBasic(username, "a-long-enough-password");

        long liberian = indicator("");
        long library = id(createIndicator(mvc, admin(), ""));
        record(liberian, a1, "202401", "5");
        record(library, a1, "202401", "8");

        // the library indicator is readable, but its Liberian values are not in a UNOCI user's scope
        assertThat(query(viewer, "indicator", String.valueOf(library), "orgUnit", String.valueOf(root), "from", "2024"))
                .isEmpty();
        assertValue(
                query(admin(), "indicator", String.valueOf(library), "orgUnit", String.valueOf(root), "from", "2024"),
                key("i" + library, root, "2024"),
                "8");
        mvc.perform(analytics("indicator", String.valueOf(liberian), "orgUnit", String.valueOf(root), "from", "2024")
                        .with(viewer))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
        mvc.perform(post("/api/v1/analytics/rebuild").with(viewer)).andExpect(status().isForbidden());
    }

    // ---- the pivot screen -----------------------------------------------------------------------

    @Test
    void thePivotScreenShowsUnitsByPeriodAndOffersTheSameTableAsCsv() throws Exception {
        long people = indicator("\"valueType\":\"INTEGER\"");
        record(people, a1, "202401", "12");
        record(people, b1, "202405", "40");
        org.springframework.mock.web.MockHttpSession session = signedIn();
        String[] params = {
            "indicator", String.valueOf(people),
            "orgUnit", String.valueOf(root),
            "orgUnitLevel", "2",
            "periodType", "QUARTERLY",
            "from", "2024Q1",
            "to", "2024Q2"
        };
        MockHttpServletRequestBuilder page = get("/analytics").session(session);
        MockHttpServletRequestBuilder csv = get("/analytics.csv").session(session);
        for (int p = 0; p < params.length; p += 2) {
            page.param(params[p], params[p + 1]);
            csv.param(params[p], params[p + 1]);
        }
        String html = mvc.perform(page)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("<caption>", "2024Q1", "2024Q2", ">12<", ">40<", "analytics.csv?");
        String text = mvc.perform(csv)
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", containsString("analytics.csv")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(text.lines().toList().get(0)).isEqualTo("item,orgUnitCode,orgUnitName,2024Q1,2024Q2");
        assertThat(text).contains(",12,", ",,40");

        // a wrong period is shown on the screen, named
        mvc.perform(get("/analytics")
                        .session(session)
                        .param("indicator", String.valueOf(people))
                        .param("orgUnit", String.valueOf(root))
                        .param("from", "2024Q9"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("From: &#39;2024Q9&#39; is not a period")));
    }

    /** A browser session of the administrator, signed in through the login form. */
    private org.springframework.mock.web.MockHttpSession signedIn() throws Exception {
        return (org.springframework.mock.web.MockHttpSession)
                mvc.perform(post("/login")
                                .param("username", "admin")
                                .param("password", "test-admin-password")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                        .andReturn()
                        .getRequest()
                        .getSession();
    }

    @Test
    void thePivotScreenListsAUnitsChildrenAndSplitsByOption() throws Exception {
        long trained = indicator("\"valueType\":\"INTEGER\",\"categories\":[\"SEX\"]");
        recordOption(trained, a1, "202401", "FEMALE", "4");
        recordOption(trained, a1, "202401", "MALE", "6");
        recordOption(trained, a2, "202402", "FEMALE", "1");
        org.springframework.mock.web.MockHttpSession session = signedIn();

        String[] children = {
            "indicator",
            String.valueOf(trained),
            "orgUnit",
            String.valueOf(regionA),
            "orgUnitLevel",
            "children",
            "from",
            "2024Q1"
        };
        String html = screen(session, "/analytics", children, "byOption", "true");
        // a row per child and option with a value: A1 women 4, A1 men 6, A2 women 1
        assertThat(html)
                .contains("value=\"children\" selected", "id=\"byOption\" name=\"byOption\" value=\"true\" checked");
        assertThat(html.split("<th scope=\"row\"", -1)).hasSize(4);
        assertThat(html).contains(">4<", ">6<", ">1<", "byOption=true");
        String csv = screen(session, "/analytics.csv", children, "byOption", "true");
        assertThat(csv.lines().toList().get(0)).isEqualTo("item,orgUnitCode,orgUnitName,option,2024Q1");
        String a1Code = code(a1);
        assertThat(csv.lines().filter(l -> l.contains("," + a1Code + ",")).toList())
                .hasSize(2)
                .anyMatch(l -> l.endsWith(",4"))
                .anyMatch(l -> l.endsWith(",6"));

        // added up, the children's totals; a rows choice that is neither a level nor children is named
        String added = screen(session, "/analytics", children);
        assertThat(added).contains(">10<", ">1<");
        assertThat(added.split("<th scope=\"row\"", -1)).hasSize(3);
        assertThat(screen(session, "/analytics", children, "orgUnitLevel", "grandchildren"))
                .contains("Units shown: must be a level of the hierarchy (1 to 10) or children");
    }

    /** A page of the signed-in session (status 200), with the parameters given; a later one of a name wins. */
    private String screen(
            org.springframework.mock.web.MockHttpSession session, String path, String[] params, String... more)
            throws Exception {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        for (String[] list : List.of(params, more)) {
            for (int i = 0; i < list.length; i += 2) {
                all.put(list[i], list[i + 1]);
            }
        }
        MockHttpServletRequestBuilder request = get(path).session(session);
        all.forEach(request::param);
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void thePivotScreenOffersTheSameTableAsXlsx() throws Exception {
        long people = indicator("\"valueType\":\"INTEGER\"");
        record(people, a1, "202401", "12");
        record(people, b1, "202405", "40");
        org.springframework.mock.web.MockHttpSession session = signedIn();
        String html = mvc.perform(get("/analytics")
                        .session(session)
                        .param("indicator", String.valueOf(people))
                        .param("orgUnit", String.valueOf(root))
                        .param("orgUnitLevel", "2")
                        .param("from", "2024Q1")
                        .param("to", "2024Q2"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("analytics.xlsx?");
        byte[] xlsx = mvc.perform(get("/analytics.xlsx")
                        .session(session)
                        .param("indicator", String.valueOf(people))
                        .param("orgUnit", String.valueOf(root))
                        .param("orgUnitLevel", "2")
                        .param("from", "2024Q1")
                        .param("to", "2024Q2"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", containsString("analytics.xlsx")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            List<String> header = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("item", "orgUnitCode", "orgUnitName", "2024Q1", "2024Q2");
            Map<Long, List<Double>> byRegion = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                List<Double> values = new java.util.ArrayList<>();
                for (int c = 3; c <= 4; c++) {
                    values.add(row.getCell(c) == null ? null : row.getCell(c).getNumericCellValue());
                }
                String code = row.getCell(1).getStringCellValue();
                long unit = code.equals(code(regionA)) ? regionA : code.equals(code(regionB)) ? regionB : -1;
                byRegion.put(unit, values);
            }
            assertThat(byRegion).containsOnlyKeys(regionA, regionB);
            assertThat(byRegion.get(regionA)).containsExactly(12.0, null);
            assertThat(byRegion.get(regionB)).containsExactly(null, 40.0);
        }
    }

    private String code(long unit) throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/v1/orgUnits/" + unit).with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.code");
    }

    // ---- formulas and errors -------------------------------------------------------------------

    @Test
    void formulasCombineAggregatedIndicatorsCellByCell() throws Exception {
        String femaleCode = "female_" + unique();
        String totalCode = "total_" + unique();
        long female = indicator("\"code\":\"%s\"".formatted(femaleCode));
        long total = indicator("\"code\":\"%s\"".formatted(totalCode));
        record(female, a1, "202401", "3");
        record(total, a1, "202401", "10");
        record(female, a2, "202402", "2");
        record(total, a2, "202402", "10");
        record(female, b1, "202401", "1");
        record(total, b1, "202401", "0");

        String formula = "#{%s} / #{%s} * 100".formatted(femaleCode, totalCode);
        Map<String, BigDecimal> values = query(
                admin(),
                "formula",
                formula,
                "indicator",
                String.valueOf(female),
                "orgUnit",
                String.valueOf(root),
                "orgUnitLevel",
                "2",
                "periodType",
                "QUARTERLY",
                "from",
                "2024Q1");
        assertValue(values, key("f0", regionA, "2024Q1"), "25");
        assertValue(values, key("i" + female, regionA, "2024Q1"), "5");
        // division by zero: no value
        assertValue(values, key("f0", regionB, "2024Q1"), null);

        mvc.perform(analytics("formula", formula, "orgUnit", String.valueOf(root), "from", "2024")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.formulas[0].formula").value(formula))
                .andExpect(jsonPath("$.formulas[0].indicatorCodes[0]").value(femaleCode));

        mvc.perform(analytics("formula", "#{no_such_code_x} + 1", "orgUnit", String.valueOf(root), "from", "2024")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("formula"))
                .andExpect(jsonPath("$.errors[0].message", containsString("no_such_code_x")));
        mvc.perform(analytics(
                                "formula",
                                "#{%s} * (2".formatted(femaleCode),
                                "orgUnit",
                                String.valueOf(root),
                                "from",
                                "2024")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("formula"))
                .andExpect(jsonPath("$.errors[0].message", containsString("position")));
    }

    @Test
    void badParametersAreNamedInTheProblem() throws Exception {
        long people = indicator("");
        mvc.perform(analytics("indicator", String.valueOf(people), "from", "2024")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orgUnit"));
        mvc.perform(analytics("indicator", String.valueOf(people), "orgUnit", String.valueOf(root), "from", "2024Q5")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(analytics(
                                "indicator", String.valueOf(people),
                                "orgUnit", String.valueOf(root),
                                "from", "2024",
                                "children", "true",
                                "orgUnitLevel", "3")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("children"));
        mvc.perform(analytics(
                                "indicator",
                                String.valueOf(people),
                                "orgUnit",
                                String.valueOf(a1),
                                "from",
                                "2024",
                                "orgUnitLevel",
                                "1")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orgUnitLevel"));
        mvc.perform(analytics(
                                "indicator",
                                String.valueOf(people),
                                "orgUnit",
                                String.valueOf(root),
                                "from",
                                "2024",
                                "periodType",
                                "FORTNIGHTLY")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("periodType"));
        mvc.perform(analytics(
                                "indicator",
                                String.valueOf(people),
                                "orgUnit",
                                String.valueOf(root),
                                "from",
                                "2024Q3",
                                "to",
                                "2024Q1")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(analytics("orgUnit", String.valueOf(root), "from", "2024").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("indicator"));
        mvc.perform(analytics("indicator", "999999999", "orgUnit", String.valueOf(root), "from", "2024")
                        .with(admin()))
                .andExpect(status().isNotFound());
    }
}
