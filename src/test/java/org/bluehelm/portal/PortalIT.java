package org.bluehelm.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class PortalIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    /**
     * In Liberia, a programme measuring a released indicator, a sensitive (not released) one and a
     * released count suppressed under 5; January to March approved for one district, April not.
     */
    private long fixture() throws Exception {
        long released = indicator("Released " + tag, true, null);
        long hidden = indicator("Hidden " + tag, false, null);
        long count = indicator("Small count " + tag, true, 5);
        long region = orgUnit(mvc, "LBR");
        long district = orgUnitBelow(mvc, region);
        long lead = TestApi.id(mvc.perform(post("/api/v1/actors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Ministry " + tag
                                + "\",\"type\":\"HOST_MINISTRY\",\"countryCode\":\"LBR\"}"))
                .andExpect(status().isCreated()));
        long programme = TestApi.id(mvc.perform(post("/api/v1/programmes")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"LBR-POR-%s","name":"Portal test","pillar":"POLICE","countryCode":"LBR",
                                 "leadActorId":%d,"status":"ACTIVE",
                                 "results":[{"code":"OC1","level":"OUTCOME","title":"Trust","indicatorIds":[%d,%d,%d]}]}""".formatted(tag, lead, released, hidden, count)))
                .andExpect(status().isCreated()));
        record(released, district, "202401", "1234.5");
        record(released, district, "202404", "7777.25");
        record(hidden, district, "202401", "8888.75");
        record(count, district, "202401", "3");
        record(count, district, "202402", "6");
        for (String action : List.of("submit", "approve")) {
            mvc.perform(post("/api/v1/approvals/{action}", action)
                            .with(admin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"programmeId\":%d,\"orgUnitId\":%d,\"period\":\"2024Q1\",\"comment\":\"\"}"
                                    .formatted(programme, district)))
                    .andExpect(status().isOk());
        }
        return district;
    }

    private long indicator(String name, boolean released, Integer suppressBelow) throws Exception {
        return indicator(name, released, suppressBelow, "");
    }

    /** An indicator of Liberia, released or not, with a small-cell threshold or none, and benchmarks (JSON items). */
    private long indicator(String name, boolean released, Integer suppressBelow, String benchmarks) throws Exception {
        return indicator(name, "NUMBER", released, suppressBelow, benchmarks);
    }

    /** The same, of a value type ({@code INTEGER} for a count). */
    private long indicator(String name, String valueType, boolean released, Integer suppressBelow, String benchmarks)
            throws Exception {
        long id = id(createIndicator(
                mvc,
                admin(),
                "\"name\":\"" + name + "\",\"countryCode\":\"LBR\",\"dimension\":\"ACCOUNTABILITY\""
                        + ",\"valueType\":\"" + valueType + "\""
                        + (benchmarks.isEmpty() ? "" : ",\"baselinesAndTargets\":[" + benchmarks + "]")));
        if (released) {
            mvc.perform(put("/api/v1/indicators/{id}/publicRelease", id)
                            .with(admin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"publicRelease\":true,\"version\":1}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.publicRelease").value(true))
                    .andExpect(jsonPath("$.version").value(2));
        }
        // the accountability indicators' threshold (set by their migration; not part of the indicator form)
        jdbc.sql("update indicator set suppress_below = :s where id = :id")
                .param("s", suppressBelow)
                .param("id", id)
                .update();
        return id;
    }

    private void record(long indicator, long unit, String period, String value) throws Exception {
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%s}"
                                .formatted(indicator, unit, period, value)))
                .andExpect(status().isCreated());
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static void noLeak(String body) {
        assertThat(body)
                .contains("1234.5")
                .doesNotContain("7777.25")
                .doesNotContain("Hidden ")
                .doesNotContain("8888.75");
    }

    @Test
    void onlyApprovedReleasedValuesAreShownAndSmallCellsAreSuppressedEverywhere() throws Exception {
        fixture();

        String html = body("/public/countries/LBR");
        noLeak(html);
        assertThat(html).contains("Released " + tag, "Small count " + tag, "&lt;5", "How to cite", "CC BY 4.0");

        String csv = body("/public/countries/LBR/indicators.csv");
        noLeak(csv);
        List<String> small =
                csv.lines().filter(l -> l.contains("Small count " + tag)).toList();
        assertThat(small).hasSize(2).anyMatch(l -> l.contains("202401") && l.endsWith("<5"));
        assertThat(small).anyMatch(l -> l.contains("202402") && l.endsWith(",6"));

        for (String path :
                List.of("/public/countries/LBR/indicators.json", "/api/public/v1/countries/LBR/indicators")) {
            String json = body(path);
            noLeak(json);
            assertThat(JsonPath.<String>read(json, "$.citation")).contains("CC BY 4.0");
            List<Object> suppressed = JsonPath.read(
                    json, "$.rows[?(@.indicatorName == 'Small count " + tag + "' && @.period == '202401')].value");
            assertThat(suppressed).hasSize(1).containsOnlyNulls();
            List<Boolean> flags = JsonPath.read(
                    json, "$.rows[?(@.indicatorName == 'Small count " + tag + "' && @.period == '202401')].suppressed");
            assertThat(flags).containsExactly(true);
        }
    }

    @Test
    void aCountReleasedWithoutAThresholdIsPublishedAsTheSumOfItsBreakdownAndNeverUnderFive() throws Exception {
        long district = orgUnit(mvc, "LBR");
        long count = id(createIndicator(
                mvc,
                admin(),
                "\"name\":\"Officers vetted " + tag + "\",\"countryCode\":\"LBR\",\"valueType\":\"INTEGER\","
                        + "\"categories\":[\"SEX\"]"));
        mvc.perform(put("/api/v1/indicators/{id}/publicRelease", count)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"publicRelease\":true,\"version\":1}"))
                .andExpect(status().isOk());
        for (String[] v : new String[][] {
            {"202401", "FEMALE", "2"}, {"202401", "MALE", "1"}, {"202402", "FEMALE", "4"}, {"202402", "MALE", "3"}
        }) {
            mvc.perform(post("/api/v1/dataValues")
                            .with(admin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"indicatorId":%d,"orgUnitId":%d,"period":"%s","optionCode":"%s","value":%s}""".formatted(count, district, v[0], v[1], v[2])))
                    .andExpect(status().isCreated());
        }
        approvedProgramme(district, count);

        String json = body("/api/public/v1/countries/LBR/indicators");
        String rows = "$.rows[?(@.indicatorName == 'Officers vetted " + tag + "')]";
        assertThat(JsonPath.<List<String>>read(json, rows + ".period")).containsExactly("202401", "202402");
        // 2 + 1 officers: a count under 5, suppressed though the indicator has no threshold of its own
        assertThat(JsonPath.<List<Boolean>>read(json, rows + ".suppressed")).containsExactly(true, false);
        assertThat(JsonPath.<List<Object>>read(json, rows + ".value")).containsExactly(null, 7);
        assertThat(body("/public/countries/LBR/indicators.csv")
                        .lines()
                        .filter(l -> l.contains("Officers vetted " + tag))
                        .toList())
                .hasSize(2)
                .anyMatch(l -> l.contains("202401") && l.endsWith("<5"))
                .anyMatch(l -> l.contains("202402") && l.endsWith(",7"));
    }

    private static String benchmarks(long unit, String baseline, String target) {
        return """
                {"kind":"BASELINE","orgUnitId":%d,"period":"2020","value":%s},
                {"kind":"TARGET","orgUnitId":%d,"period":"2027","value":%s}""".formatted(unit, baseline, unit, target);
    }

    /** A programme of Liberia measuring the indicators, approved for the unit in 2024Q1. */
    private void approvedProgramme(long unit, long... indicators) throws Exception {
        long lead = TestApi.id(mvc.perform(post("/api/v1/actors")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Ministry " + tag + UUID.randomUUID()
                                + "\",\"type\":\"HOST_MINISTRY\",\"countryCode\":\"LBR\"}"))
                .andExpect(status().isCreated()));
        String ids = java.util.Arrays.stream(indicators)
                .mapToObj(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
        long programme = TestApi.id(mvc.perform(post("/api/v1/programmes")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"LBR-IDX-%s-%d","name":"Portal index test","pillar":"POLICE","countryCode":"LBR",
                                 "leadActorId":%d,"status":"ACTIVE",
                                 "results":[{"code":"OC1","level":"OUTCOME","title":"Trust","indicatorIds":[%s]}]}""".formatted(tag, unit, lead, ids)))
                .andExpect(status().isCreated()));
        for (String action : List.of("submit", "approve")) {
            mvc.perform(post("/api/v1/approvals/{action}", action)
                            .with(admin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"programmeId\":%d,\"orgUnitId\":%d,\"period\":\"2024Q1\",\"comment\":\"\"}"
                                    .formatted(programme, unit)))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void theIndexIsComputedFromApprovedReleasedValuesOnlyWithSmallCountsLeftOut() throws Exception {
        long region = orgUnit(mvc, "LBR");
        long district = orgUnitBelow(mvc, region);
        String regionName = JsonPath.read(
                mvc.perform(get("/api/v1/orgUnits/{id}", region).with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.name");
        long released = indicator("Index released " + tag, true, null, benchmarks(region, "0", "10000"));
        long hidden = indicator("Index hidden " + tag, false, null, benchmarks(region, "0", "10000"));
        long count = indicator("Index count " + tag, true, 5, benchmarks(region, "0", "10"));
        record(released, district, "202401", "1234.5");
        record(released, district, "202404", "7777.25");
        record(hidden, district, "202401", "8888.75");
        record(count, district, "202401", "3");
        approvedProgramme(district, released, hidden, count);

        // 1234.5 of 10000 (April is not approved); the count of 3 is under 5 and left out; the hidden indicator takes
        // no part
        for (String path : List.of("/public/countries/LBR/index.json", "/api/public/v1/countries/LBR/index")) {
            String json = body(path);
            String point = "$.rows[?(@.orgUnit.id == " + region + ")].points[?(@.period.id == '2024')]";
            assertThat(JsonPath.<List<Number>>read(json, point + ".score"))
                    .as(path)
                    .singleElement()
                    .satisfies(n ->
                            assertThat(new java.math.BigDecimal(n.toString())).isEqualByComparingTo("12.35"));
            assertThat(JsonPath.<List<Integer>>read(json, point + ".coverage.covered"))
                    .containsExactly(1);
            assertThat(JsonPath.<List<Integer>>read(json, point + ".coverage.applicable"))
                    .containsExactly(2);
            assertThat(json).doesNotContain("Index hidden", "8888.75", "7777.25");
            assertThat(JsonPath.<String>read(json, "$.licence")).isEqualTo("CC BY 4.0");
        }
        String csv = body("/public/countries/LBR/index.csv");
        assertThat(csv.lines().filter(l -> l.contains(regionName)))
                .anyMatch(l -> l.contains(",2024,OVERALL,12.35,1,2"))
                .anyMatch(l -> l.contains(",2024,ACCOUNTABILITY,12.35,1,2"));
        String html = body("/public/countries/LBR/index");
        assertThat(html)
                .contains(regionName, "12.35", "(1 of 2)", "<svg", "CC BY 4.0")
                .doesNotContain("<script");
        assertThat(body("/public/countries/LBR/index?lang=fr")).contains("Indice RSS", "(1 sur 2)");
        assertThat(body("/public/countries/LBR")).contains("/public/countries/LBR/index");
    }

    /**
     * A released count (a whole-number SUM) of 3: hidden on the values page and left out of the index
     * alike, whether it has a threshold of 5 of its own or none (the count default).
     */
    @ParameterizedTest(name = "threshold {0}")
    @NullSource
    @ValueSource(ints = 5)
    void aSmallCountIsHiddenOnTheValuesPageAndLeftOutOfTheIndexWithOrWithoutAThresholdOfItsOwn(Integer threshold)
            throws Exception {
        long region = orgUnit(mvc, "LBR");
        long district = orgUnitBelow(mvc, region);
        String name = "Index small count " + tag;
        long released = indicator("Index released " + tag, true, null, benchmarks(region, "0", "10000"));
        long count = indicator(name, "INTEGER", true, threshold, benchmarks(region, "0", "10"));
        record(released, district, "202401", "1234.5");
        record(count, district, "202401", "3");
        approvedProgramme(district, released, count);

        String values = body("/api/public/v1/countries/LBR/indicators");
        String rows = "$.rows[?(@.indicatorName == '" + name + "')]";
        assertThat(JsonPath.<List<Boolean>>read(values, rows + ".suppressed")).containsExactly(true);
        assertThat(JsonPath.<List<Object>>read(values, rows + ".value")).containsOnlyNulls();

        // 1234.5 of 10000 only: the count of 3 (30 of 10) takes no part, as if it had no value
        for (String path : List.of("/public/countries/LBR/index.json", "/api/public/v1/countries/LBR/index")) {
            String json = body(path);
            String point = "$.rows[?(@.orgUnit.id == " + region + ")].points[?(@.period.id == '2024')]";
            assertThat(JsonPath.<List<Number>>read(json, point + ".score"))
                    .as(path)
                    .singleElement()
                    .satisfies(n ->
                            assertThat(new java.math.BigDecimal(n.toString())).isEqualByComparingTo("12.35"));
            assertThat(JsonPath.<List<Integer>>read(json, point + ".coverage.covered"))
                    .as(path)
                    .containsExactly(1);
            assertThat(JsonPath.<List<Integer>>read(json, point + ".coverage.applicable"))
                    .as(path)
                    .containsExactly(2);
        }
    }

    /** A released indicator of Liberia disaggregated by sex, with benchmarks (JSON items). */
    private long bySex(String name, String valueType, String aggregation, String benchmarks) throws Exception {
        long id = id(createIndicator(
                mvc,
                admin(),
                "\"name\":\"" + name + "\",\"countryCode\":\"LBR\",\"dimension\":\"ACCOUNTABILITY\""
                        + ",\"valueType\":\"" + valueType + "\",\"aggregation\":\"" + aggregation + "\""
                        + ",\"categories\":[\"SEX\"],\"baselinesAndTargets\":[" + benchmarks + "]"));
        mvc.perform(put("/api/v1/indicators/{id}/publicRelease", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"publicRelease\":true,\"version\":1}"))
                .andExpect(status().isOk());
        return id;
    }

    private void recordOption(long indicator, long unit, String period, String option, String value) throws Exception {
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"indicatorId":%d,"orgUnitId":%d,"period":"%s","optionCode":"%s","value":%s}""".formatted(indicator, unit, period, option, value)))
                .andExpect(status().isCreated());
    }

    /**
     * The same figures recorded by sex in one region and as totals in another score alike in the
     * public index: a count of FEMALE 3 + MALE 4 is 7 of 10 as a total of 7 is (its cells under 5
     * are not published, their sum is), an average of FEMALE 40 and MALE 60 is 50 of 100 as a total
     * of 50 is (analytics' mean over the options); a count of FEMALE 2 + MALE 1 is 3, under 5, and
     * left out as a total of 3 would be.
     */
    @Test
    void anIndicatorRecordedByBreakdownOnlyScoresInTheIndexAsTheSameFiguresRecordedAsTotals() throws Exception {
        long byBreakdown = orgUnit(mvc, "LBR");
        long asTotals = orgUnit(mvc, "LBR");
        long smallBreakdown = orgUnit(mvc, "LBR");
        long[] districts = {
            orgUnitBelow(mvc, byBreakdown), orgUnitBelow(mvc, asTotals), orgUnitBelow(mvc, smallBreakdown)
        };
        String countBenchmarks = String.join(
                ",",
                benchmarks(byBreakdown, "0", "10"),
                benchmarks(asTotals, "0", "10"),
                benchmarks(smallBreakdown, "0", "10"));
        String averageBenchmarks = String.join(
                ",",
                benchmarks(byBreakdown, "0", "100"),
                benchmarks(asTotals, "0", "100"),
                benchmarks(smallBreakdown, "0", "100"));
        String countName = "Index vetted by sex " + tag;
        long count = bySex(countName, "INTEGER", "SUM", countBenchmarks);
        long average = bySex("Index mean days by sex " + tag, "NUMBER", "AVERAGE", averageBenchmarks);
        recordOption(count, districts[0], "202401", "FEMALE", "3");
        recordOption(count, districts[0], "202401", "MALE", "4");
        recordOption(average, districts[0], "202401", "FEMALE", "40");
        recordOption(average, districts[0], "202401", "MALE", "60");
        record(count, districts[1], "202401", "7");
        record(average, districts[1], "202401", "50");
        recordOption(count, districts[2], "202401", "FEMALE", "2");
        recordOption(count, districts[2], "202401", "MALE", "1");
        recordOption(average, districts[2], "202401", "FEMALE", "40");
        recordOption(average, districts[2], "202401", "MALE", "60");
        for (long district : districts) {
            approvedProgramme(district, count, average);
        }

        // the values page publishes the count's breakdown added up: 7, never its cells of 3 and 4
        String values = body("/api/public/v1/countries/LBR/indicators");
        String rows = "$.rows[?(@.indicatorName == '" + countName + "')]";
        assertThat(JsonPath.<List<Object>>read(values, rows + ".value")).containsExactlyInAnyOrder(null, 7, 7);

        for (String path : List.of("/public/countries/LBR/index.json", "/api/public/v1/countries/LBR/index")) {
            String json = body(path);
            // (70 + 50) / 2, both indicators counted, whether recorded by sex or as totals
            assertPoint(json, byBreakdown, "60", 2, 2, path + " by breakdown");
            assertPoint(json, asTotals, "60", 2, 2, path + " as totals");
            // the count of 2 + 1 is under 5 and takes no part: the average alone, 50 of 100
            assertPoint(json, smallBreakdown, "50", 1, 2, path + " small breakdown");
        }
    }

    /** The 2024 point of a unit's series in the public index: its score and coverage. */
    private static void assertPoint(
            String json, long unit, String score, int covered, int applicable, String description) {
        String point = "$.rows[?(@.orgUnit.id == " + unit + ")].points[?(@.period.id == '2024')]";
        List<Number> scores = JsonPath.read(json, point + ".score");
        assertThat(scores).as(description).hasSize(1).doesNotContainNull();
        assertThat(new java.math.BigDecimal(scores.get(0).toString()))
                .as(description)
                .isEqualByComparingTo(score);
        assertThat(JsonPath.<List<Integer>>read(json, point + ".coverage.covered"))
                .as(description)
                .containsExactly(covered);
        assertThat(JsonPath.<List<Integer>>read(json, point + ".coverage.applicable"))
                .as(description)
                .containsExactly(applicable);
    }

    private long institution(String name) throws Exception {
        return TestApi.id(mvc.perform(post("/api/v1/institutions")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"pillar\":\"POLICE\",\"countryCode\":\"LBR\"}"))
                .andExpect(status().isCreated()));
    }

    /** A case of Liberia about the institution received on a day of 2024, closed some days later or still open. */
    private void complaint(long institution, String received, Integer daysToClose, String outcome, String stageDue) {
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse(received + "T08:00:00Z");
        java.time.OffsetDateTime closed = daysToClose == null ? null : at.plusDays(daysToClose);
        jdbc.sql("""
                        insert into complaint (receipt_hash, state, category, description, country_code, anonymous,
                            received_at, source, institution_id, stage_since, stage_due, outcome, closed_at)
                        values (:hash, :state, 'OTHER', :description, 'LBR', true, :received, 'STAFF', :institution,
                            :since, :due, :outcome, :closed)""")
                .param("hash", UUID.randomUUID().toString().replace("-", ""))
                .param("state", closed == null ? "UNDER_INVESTIGATION" : "CLOSED")
                .param("description", "Private account " + tag)
                .param("received", at)
                .param("institution", institution)
                .param("since", closed == null ? at : closed)
                .param("due", stageDue == null ? null : java.time.LocalDate.parse(stageDue))
                .param("outcome", outcome)
                .param("closed", closed)
                .update();
    }

    @Test
    void accountabilityStatisticsSuppressCountsUnderFiveAndWhatRestsOnThem() throws Exception {
        String large = "Portal police " + tag;
        String small = "Portal gendarmerie " + tag;
        long a = institution(large);
        long b = institution(small);
        // 7 received in 2024: 6 closed (5 substantiated) after 10, 10, 10, 20, 20 and 30 days; 1 open and overdue
        for (int days : new int[] {10, 10, 10, 20, 20}) {
            complaint(a, "2024-03-0" + (days / 10), days, "SUBSTANTIATED", null);
        }
        complaint(a, "2024-04-01", 30, "UNSUBSTANTIATED", null);
        complaint(a, "2024-05-01", null, null, "2024-06-01");
        // 3 received, 2 closed substantiated: every figure rests on fewer than 5 cases
        complaint(b, "2024-02-01", 5, "SUBSTANTIATED", null);
        complaint(b, "2024-02-02", 6, "SUBSTANTIATED", null);
        complaint(b, "2024-02-03", null, null, "2024-03-01");

        for (String path :
                List.of("/public/countries/LBR/accountability.json", "/api/public/v1/countries/LBR/accountability")) {
            String json = body(path);
            String rowA = "$.rows[?(@.institution == '" + large + "' && @.year == '2024')]";
            assertThat(JsonPath.<List<Number>>read(json, rowA + ".received.value"))
                    .as(path)
                    .containsExactly(7);
            assertThat(JsonPath.<List<Number>>read(json, rowA + ".closed.value"))
                    .containsExactly(6);
            assertThat(JsonPath.<List<Number>>read(json, rowA + ".substantiated.value"))
                    .containsExactly(5);
            assertThat(JsonPath.<List<Number>>read(json, rowA + ".substantiatedShare.value"))
                    .singleElement()
                    .satisfies(n -> assertThat(n.doubleValue()).isEqualTo(83.3));
            assertThat(JsonPath.<List<Number>>read(json, rowA + ".medianDaysToClose.value"))
                    .containsExactly(15);
            assertThat(JsonPath.<List<Boolean>>read(json, rowA + ".overdue.suppressed"))
                    .containsExactly(true);
            assertThat(JsonPath.<List<Boolean>>read(json, rowA + ".overdueShare.suppressed"))
                    .containsExactly(true);
            String rowB = "$.rows[?(@.institution == '" + small + "' && @.year == '2024')]";
            for (String figure : List.of(
                    "received", "closed", "substantiated", "substantiatedShare", "medianDaysToClose", "overdueShare")) {
                assertThat(JsonPath.<List<Boolean>>read(json, rowB + "." + figure + ".suppressed"))
                        .as(figure)
                        .containsExactly(true);
                assertThat(JsonPath.<List<Object>>read(json, rowB + "." + figure + ".value"))
                        .containsOnlyNulls();
            }
            assertThat(json).doesNotContain("Private account");
        }
        String csv = body("/public/countries/LBR/accountability.csv");
        assertThat(csv)
                .startsWith("year,institution,received,closed,substantiated")
                .contains("2024," + large + ",7,6,5,83.3,15,<5,<5")
                .contains("2024," + small + ",<5,<5,<5,<5,<5,<5,<5")
                .doesNotContain("Private account");
        String html = body("/public/countries/LBR/accountability");
        assertThat(html).contains(large, "83.3", "&lt;5", "CC BY 4.0").doesNotContain("Private account");
        assertThat(body("/public/countries/LBR/accountability?lang=fr")).contains("Statistiques de redevabilité");
    }

    @Test
    void releasingIsAVersionedChangeOfTheIndicator() throws Exception {
        long id = indicator("Toggle " + tag, false, null);
        mvc.perform(get("/api/v1/indicators/{id}/publicRelease", id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.publicRelease").value(false));
        mvc.perform(put("/api/v1/indicators/{id}/publicRelease", id)
                        .with(admin())
                        .header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"publicRelease\":true}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/indicators/{id}/publicRelease", id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"publicRelease\":false,\"version\":1}"))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/indicators/{id}/publicRelease", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"publicRelease\":false,\"version\":2}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/indicators/{id}/publicRelease", id).with(admin()))
                .andExpect(jsonPath("$.publicRelease").value(true));
    }

    @Test
    void pagesAndDownloadsAreCacheableWithEtagsWithoutSignIn() throws Exception {
        for (String path : List.of(
                "/public",
                "/public/countries/LBR",
                "/public/countries/LBR/indicators.csv",
                "/api/public/v1/countries")) {
            var response = mvc.perform(get(path))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", containsString("public")))
                    .andExpect(header().string("Cache-Control", containsString("max-age")))
                    .andReturn()
                    .getResponse();
            String etag = response.getHeader("ETag");
            assertThat(etag).as(path).isNotBlank();
            mvc.perform(get(path).header("If-None-Match", etag)).andExpect(status().isNotModified());
        }
    }

    @Test
    void homeListsCountriesAndMissionsInEnglishAndFrench() throws Exception {
        assertThat(body("/public?lang=en")).contains("Liberia", "UNMIL", "<h2>Countries</h2>");
        assertThat(body("/public?lang=fr"))
                .contains("Liberia", "UNMIL", "<h2>Pays</h2>", "Portail de transparence")
                .doesNotContain("<h2>Countries</h2>");
    }

    @Test
    void missionPageShowsMandateAndDeploymentsWithSources() throws Exception {
        String missions = body("/api/public/v1/missions");
        Number id = JsonPath.<List<Number>>read(missions, "$[?(@.acronym == 'UNMIL')].id")
                .get(0);
        String html = body("/public/missions/" + id);
        assertThat(html).contains("UNMIL", "<h2>Mandate</h2>", "Mapping blue helmets");
        mvc.perform(get("/api/public/v1/missions/{id}/deployments", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].countryCode", hasItem("LBR")));
        assertThat(body("/public/missions/" + id + "/deployments.csv")).startsWith("mission,country,year");
    }

    @Test
    void countryPageShowsTheCaseComparisonOnReferenceSeries() throws Exception {
        String html = body("/public/countries/LBR");
        assertThat(html).contains("Before, during and after the missions", "id=\"comparison\"", "<td>UNMIL</td>");
        assertThat(body("/public/countries/LBR?lang=fr")).contains("Avant, pendant et après les missions");
    }

    @Test
    void comparisonPageChartsEachSeriesWithItsCitationAndTheDescriptiveLabel() throws Exception {
        String html = body("/public/countries/LBR/comparison");
        assertThat(html)
                .contains("Descriptive, not causal.", "<svg", "role=\"img\"", "<td>UNMIL</td>", "How to cite")
                .doesNotContain("<script");
        assertThat(body("/public/countries/LBR/comparison?lang=fr"))
                .contains("Descriptif, non causal.", "<svg", "Chiffres descriptifs, pas des estimations causales")
                .doesNotContain("not causal estimates");
    }

    @Test
    void countryPageChartsThePublishedSeriesWithoutScript() throws Exception {
        fixture();
        String html = body("/public/countries/LBR");
        assertThat(html).contains("Indicator series", "<svg", "Released " + tag).doesNotContain("<script");
        String chart = html.substring(html.indexOf("<svg", html.indexOf("Indicator series")));
        assertThat(chart).doesNotContain("7777.25", "8888.75");
    }

    @Test
    void unknownCountryOrMissionIsNotFoundAndApiAllowsCrossOriginGets() throws Exception {
        mvc.perform(get("/api/public/v1/countries/ZZZ/indicators")).andExpect(status().isNotFound());
        mvc.perform(get("/public/missions/987654321")).andExpect(status().isNotFound());
        mvc.perform(get("/api/public/v1/countries").header("Origin", "https://example.org"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"));
        assertThat(body("/v3/api-docs"))
                .contains(
                        "/api/public/v1/countries",
                        "/api/public/v1/countries/{iso3}/indicators",
                        "/api/public/v1/missions");
    }
}
