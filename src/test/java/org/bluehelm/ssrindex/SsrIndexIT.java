package org.bluehelm.ssrindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow;
import static org.bluehelm.indicator.IndicatorFixtures.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.bluehelm.test.IntegrationTest;
import org.bluehelm.test.TestApi;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The index through the API over a hierarchy of our own: a country-level root with two children.
 * Benchmarks are set at the root (and, for one indicator, at the first child too); values are
 * recorded at the children only, so every figure at the root is rolled up.
 *
 * <pre>
 * CAPACITY       cap1  SUM, higher   root 0 -> 100; child 1: 10 -> 30   2025: child 1 30, child 2 20 (in 2025Q1)
 *                cap2  AVERAGE, lower  root 40 -> 10                    2025: child 1 16, child 2 20
 *                cap3  SUM, higher   root 0 -> 5                        no values
 * ACCOUNTABILITY acc1  SUM, higher   root 0 -> 10                       2025: child 1 8, child 2 7
 * CONTEXT        ctx1  SUM, higher   root 0 -> 10                       2025: child 1 5 (never in the index)
 * </pre>
 */
@IntegrationTest
class SsrIndexIT {

    @Autowired
    MockMvc mvc;

    long root;
    long child1;
    long child2;
    long cap1;
    long cap2;
    long cap3;
    long acc1;
    long ctx1;

    @BeforeEach
    void fixture() throws Exception {
        root = orgUnit(mvc, "LBR");
        child1 = orgUnitBelow(mvc, root);
        child2 = orgUnitBelow(mvc, root);
        cap1 = indicator(
                "CAPACITY",
                "HIGHER_IS_BETTER",
                "SUM",
                benchmarks(root, "0", "100") + "," + benchmarks(child1, "10", "30"));
        cap2 = indicator("CAPACITY", "LOWER_IS_BETTER", "AVERAGE", benchmarks(root, "40", "10"));
        cap3 = indicator("CAPACITY", "HIGHER_IS_BETTER", "SUM", benchmarks(root, "0", "5"));
        acc1 = indicator("ACCOUNTABILITY", "HIGHER_IS_BETTER", "SUM", benchmarks(root, "0", "10"));
        ctx1 = indicator("CONTEXT", "HIGHER_IS_BETTER", "SUM", benchmarks(root, "0", "10"));
        record(cap1, child1, "2025", "30");
        record(cap1, child2, "2025Q1", "20");
        record(cap2, child1, "2025", "16");
        record(cap2, child2, "2025", "20");
        record(acc1, child1, "2025", "8");
        record(acc1, child2, "2025", "7");
        record(ctx1, child1, "2025", "5");
    }

    // ---- scores and coverage -------------------------------------------------------------------

    @Test
    void theParentsScoresRollUpItsChildrenWithTheCoverageBesideEachScore() throws Exception {
        String body = ok(mvc.perform(get("/api/v1/ssr-index")
                .param("orgUnit", String.valueOf(root))
                .param("period", "2025")
                .with(admin())));

        // CAPACITY: cap1 (30 + 20 - 0) / (100 - 0) = 0.5; cap2 ((16 + 20) / 2 - 40) / (10 - 40) = 0.7333; cap3 no data
        assertThat(number(dimension(body, "CAPACITY", "score"))).isEqualByComparingTo("61.67");
        assertThat(dimension(body, "CAPACITY", "coverage")).isEqualTo(Map.of("covered", 2, "applicable", 3));
        // ACCOUNTABILITY: 15 of a target of 10 is clamped to 1
        assertThat(number(dimension(body, "ACCOUNTABILITY", "score"))).isEqualByComparingTo("100");
        assertThat(dimension(body, "ACCOUNTABILITY", "coverage")).isEqualTo(Map.of("covered", 1, "applicable", 1));
        assertThat(dimension(body, "OVERSIGHT", "score")).isNull();
        assertThat(dimension(body, "OVERSIGHT", "coverage")).isEqualTo(Map.of("covered", 0, "applicable", 0));
        // overall: the mean of the two dimension scores; CONTEXT takes no part
        assertThat(number(JsonPath.read(body, "$.score"))).isEqualByComparingTo("80.83");
        assertThat((Map<?, ?>) JsonPath.read(body, "$.coverage")).isEqualTo(Map.of("covered", 3, "applicable", 4));
        assertThat(JsonPath.<List<Object>>read(body, "$.dimensions[*].dimension"))
                .containsExactly("CAPACITY", "ACCOUNTABILITY", "OVERSIGHT", "RIGHTS", "OWNERSHIP", "COORDINATION");
        assertThat((List<?>) JsonPath.read(body, "$..indicators[?(@.id == " + ctx1 + ")]"))
                .isEmpty();

        Map<String, Object> lower = indicatorLine(body, cap2);
        assertThat(number(lower.get("value"))).isEqualByComparingTo("18");
        assertThat(number(lower.get("baseline"))).isEqualByComparingTo("40");
        assertThat(number(lower.get("target"))).isEqualByComparingTo("10");
        assertThat(number(lower.get("normalised"))).isEqualByComparingTo("0.7333");
        assertThat(number(lower.get("weight"))).isEqualByComparingTo("1");
        assertThat(lower.get("status")).isEqualTo("SCORED");
        assertThat(((Number) lower.get("benchmarkOrgUnitId")).longValue()).isEqualTo(root);
        Map<String, Object> empty = indicatorLine(body, cap3);
        assertThat(empty.get("value")).isNull();
        assertThat(empty.get("normalised")).isNull();
        assertThat(empty.get("status")).isEqualTo("NO_DATA");
    }

    @Test
    void aChildUsesItsOwnBenchmarksWhereItHasThemAndTheParentsOtherwise() throws Exception {
        String body = ok(mvc.perform(get("/api/v1/ssr-index")
                .param("orgUnit", String.valueOf(child1))
                .param("period", "2025")
                .with(admin())));
        // cap1 at child 1: (30 - 10) / (30 - 10) = 1 on its own benchmarks; cap2: (16 - 40) / (10 - 40) = 0.8
        assertThat(((Number) indicatorLine(body, cap1).get("benchmarkOrgUnitId")).longValue())
                .isEqualTo(child1);
        assertThat(((Number) indicatorLine(body, cap2).get("benchmarkOrgUnitId")).longValue())
                .isEqualTo(root);
        assertThat(number(dimension(body, "CAPACITY", "score"))).isEqualByComparingTo("90");
        assertThat(number(dimension(body, "ACCOUNTABILITY", "score"))).isEqualByComparingTo("80");
        assertThat(number(JsonPath.read(body, "$.score"))).isEqualByComparingTo("85");

        // a quarter: only child 2 recorded one, so at the root only cap1 has a value in 2025Q1
        String quarter = ok(mvc.perform(get("/api/v1/ssr-index")
                .param("orgUnit", String.valueOf(root))
                .param("period", "2025Q1")
                .with(admin())));
        assertThat(number(dimension(quarter, "CAPACITY", "score"))).isEqualByComparingTo("20");
        assertThat(dimension(quarter, "CAPACITY", "coverage")).isEqualTo(Map.of("covered", 1, "applicable", 3));
        assertThat(dimension(quarter, "ACCOUNTABILITY", "score")).isNull();
    }

    @Test
    void aSeriesGivesEachPeriodsScoresForCharts() throws Exception {
        String body = ok(mvc.perform(get("/api/v1/ssr-index")
                .param("orgUnit", String.valueOf(root))
                .param("from", "2023")
                .param("to", "2025")
                .param("periodType", "YEARLY")
                .with(admin())));
        assertThat(JsonPath.<List<Object>>read(body, "$.points[*].period.id")).containsExactly("2023", "2024", "2025");
        assertThat((Object) JsonPath.read(body, "$.points[0].score")).isNull();
        assertThat((Map<?, ?>) JsonPath.read(body, "$.points[0].coverage"))
                .isEqualTo(Map.of("covered", 0, "applicable", 4));
        assertThat(number(JsonPath.read(body, "$.points[2].score"))).isEqualByComparingTo("80.83");
        assertThat(number(((List<?>) JsonPath.read(body, "$.points[2].dimensions[?(@.dimension == 'CAPACITY')].score"))
                        .get(0)))
                .isEqualByComparingTo("61.67");

        mvc.perform(get("/api/v1/ssr-index")
                        .param("orgUnit", String.valueOf(root))
                        .param("from", "2025")
                        .param("to", "2023")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    // ---- weights -------------------------------------------------------------------------------

    @Test
    void aWeightChangesTheScoreAndAStaleVersionIsRefused() throws Exception {
        String weights = ok(mvc.perform(
                get("/api/v1/ssr-index/weights").param("dimension", "CAPACITY").with(admin())));
        Map<String, Object> before = weightOf(weights, cap1);
        assertThat(number(before.get("weight"))).isEqualByComparingTo("1");
        assertThat(before.get("explicit")).isEqualTo(false);
        assertThat(before.get("version")).isEqualTo(0);
        assertThat((List<?>) JsonPath.read(weights, "$.weights[?(@.indicatorId == " + ctx1 + ")]"))
                .isEmpty();

        mvc.perform(putWeights("{\"indicatorId\":%d,\"weight\":3,\"version\":0}".formatted(cap1))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weights[0].weight").value(3))
                .andExpect(jsonPath("$.weights[0].explicit").value(true))
                .andExpect(jsonPath("$.weights[0].version").value(1));

        String body = ok(mvc.perform(get("/api/v1/ssr-index")
                .param("orgUnit", String.valueOf(root))
                .param("period", "2025")
                .with(admin())));
        // (3 x 0.5 + 1 x 0.7333) / 4
        assertThat(number(dimension(body, "CAPACITY", "score"))).isEqualByComparingTo("55.83");
        assertThat(number(indicatorLine(body, cap1).get("weight"))).isEqualByComparingTo("3");
        assertThat(number(JsonPath.read(body, "$.score"))).isEqualByComparingTo("77.92");

        mvc.perform(putWeights("{\"indicatorId\":%d,\"weight\":2,\"version\":0}".formatted(cap1))
                        .with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stale-version"));
        assertThat(number(
                        weightOf(ok(mvc.perform(get("/api/v1/ssr-index/weights").with(admin()))), cap1)
                                .get("weight")))
                .isEqualByComparingTo("3");
    }

    @Test
    void aBadWeightNamesItsFieldAndNothingIsWritten() throws Exception {
        mvc.perform(putWeights(("{\"indicatorId\":%d,\"weight\":2,\"version\":0},"
                                        + "{\"indicatorId\":%d,\"weight\":-1,\"version\":0}")
                                .formatted(cap2, cap3))
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("weights[1].weight"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a positive number"));
        mvc.perform(putWeights("{\"indicatorId\":%d,\"weight\":\"heavy\",\"version\":0}".formatted(cap2))
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("weights[0].weight"));
        mvc.perform(putWeights("{\"indicatorId\":%d,\"weight\":0,\"version\":0}".formatted(ctx1))
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("weights[0].weight"))
                .andExpect(jsonPath("$.errors[1].field").value("weights[0].indicatorId"));

        String weights = ok(mvc.perform(get("/api/v1/ssr-index/weights").with(admin())));
        assertThat(number(weightOf(weights, cap2).get("weight"))).isEqualByComparingTo("1");
        assertThat(weightOf(weights, cap2).get("version")).isEqualTo(0);

        RequestPostProcessor viewer = TestApi.userScopedToMission(mvc, "VIEWER", TestApi.missionId(mvc, "UNMIL"));
        mvc.perform(putWeights("{\"indicatorId\":%d,\"weight\":2,\"version\":0}".formatted(cap2))
                        .with(viewer))
                .andExpect(status().isForbidden());
    }

    // ---- institutions and scope ------------------------------------------------------------------

    @Test
    void anInstitutionsIndexIsTheIndexOfItsOrganisationUnit() throws Exception {
        long police = institution(root);
        String body = ok(mvc.perform(get("/api/v1/ssr-index")
                .param("institution", String.valueOf(police))
                .param("period", "2025")
                .with(admin())));
        assertThat(((Number) JsonPath.read(body, "$.institution.id")).longValue())
                .isEqualTo(police);
        assertThat(((Number) JsonPath.read(body, "$.orgUnit.id")).longValue()).isEqualTo(root);
        assertThat(number(dimension(body, "CAPACITY", "score"))).isEqualByComparingTo("61.67");
        assertThat(number(JsonPath.read(body, "$.score"))).isEqualByComparingTo("80.83");

        long withoutUnit = institution(null);
        mvc.perform(get("/api/v1/ssr-index")
                        .param("institution", String.valueOf(withoutUnit))
                        .param("period", "2025")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("institution"));
    }

    @Test
    void aUserOutsideTheUnitsCountryIsRefusedAndSeesNoneOfItsIndicators() throws Exception {
        long police = institution(root);
        RequestPostProcessor somalia =
                TestApi.userScopedToMission(mvc, "MISSION_MANAGER", TestApi.missionId(mvc, "UNOSOM II"));
        mvc.perform(get("/api/v1/ssr-index")
                        .param("orgUnit", String.valueOf(root))
                        .param("period", "2025")
                        .with(somalia))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(get("/api/v1/ssr-index")
                        .param("institution", String.valueOf(police))
                        .param("period", "2025")
                        .with(somalia))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/ssr-index")
                        .param("orgUnit", String.valueOf(root))
                        .param("from", "2025")
                        .with(somalia))
                .andExpect(status().isForbidden());
        String weights = ok(mvc.perform(get("/api/v1/ssr-index/weights").with(somalia)));
        assertThat((List<?>) JsonPath.read(weights, "$.weights[?(@.indicatorId == " + cap1 + ")]"))
                .isEmpty();
        mvc.perform(putWeights("{\"indicatorId\":%d,\"weight\":2,\"version\":0}".formatted(cap1))
                        .with(somalia))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("weights[0].indicatorId"));

        // a user of the country's mission sees the same index as the administrator
        RequestPostProcessor liberia = TestApi.userScopedToMission(mvc, "VIEWER", TestApi.missionId(mvc, "UNMIL"));
        String body = ok(mvc.perform(get("/api/v1/ssr-index")
                .param("orgUnit", String.valueOf(root))
                .param("period", "2025")
                .with(liberia)));
        assertThat(number(JsonPath.read(body, "$.score"))).isEqualByComparingTo("80.83");
    }

    @Test
    void missingOrMalformedParametersAreNamed() throws Exception {
        mvc.perform(get("/api/v1/ssr-index").param("period", "2025").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orgUnit"));
        mvc.perform(get("/api/v1/ssr-index")
                        .param("orgUnit", String.valueOf(root))
                        .param("period", "2025Q5")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(get("/api/v1/ssr-index")
                        .param("orgUnit", String.valueOf(root))
                        .param("institution", "1")
                        .param("period", "2025")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("institution"));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static String benchmarks(long unit, String baseline, String target) {
        return """
                {"kind":"BASELINE","orgUnitId":%d,"period":"2020","value":%s},
                {"kind":"TARGET","orgUnitId":%d,"period":"2027","value":%s}""".formatted(unit, baseline, unit, target);
    }

    private long indicator(String dimension, String direction, String aggregation, String benchmarks) throws Exception {
        return id(createIndicator(mvc, admin(), """
                "countryCode":"LBR","dimension":"%s","direction":"%s","aggregation":"%s",
                "baselinesAndTargets":[%s]""".formatted(dimension, direction, aggregation, benchmarks)));
    }

    private void record(long indicator, long unit, String period, String value) throws Exception {
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"%s\",\"value\":%s}"
                                .formatted(indicator, unit, period, value)))
                .andExpect(status().isCreated());
    }

    private long institution(@Nullable Long orgUnit) throws Exception {
        return id(mvc.perform(post("/api/v1/institutions")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Index police %s","pillar":"POLICE","countryCode":"LBR","orgUnitId":%s}""".formatted(unique(), orgUnit == null ? "null" : orgUnit)))
                .andExpect(status().isCreated())
                .andReturn());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder putWeights(String items) {
        return put("/api/v1/ssr-index/weights")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"weights\":[" + items + "]}");
    }

    private static String ok(ResultActions result) throws Exception {
        return result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static @Nullable Object dimension(String body, String dimension, String field) {
        List<Object> found = JsonPath.read(body, "$.dimensions[?(@.dimension == '" + dimension + "')]." + field);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> indicatorLine(String body, long indicator) {
        List<Map<String, Object>> found =
                JsonPath.read(body, "$.dimensions[*].indicators[?(@.id == " + indicator + ")]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> weightOf(String body, long indicator) {
        List<Map<String, Object>> found = JsonPath.read(body, "$.weights[?(@.indicatorId == " + indicator + ")]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static BigDecimal number(@Nullable Object value) {
        assertThat(value).isNotNull();
        return new BigDecimal(String.valueOf(value));
    }
}
