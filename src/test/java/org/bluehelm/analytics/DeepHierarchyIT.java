package org.bluehelm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnitBelow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Aggregates of a five-level hierarchy (country, regions, districts, chiefdoms, facilities), of
 * which only the upper three have rollups: chiefdoms and facilities add up the values of their
 * subtrees when asked, and stay right through imports, moves across and between levels, and a
 * rebuild.
 */
@IntegrationTest
class DeepHierarchyIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    RollupStore store;

    @Autowired
    RollupMaintainer maintainer;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long root;
    long r1;
    long r2;
    long d1;
    long d2;
    long c1;
    long c2;
    long c3;
    long f1;
    long f2;
    long f3;
    long f4;
    long cases;

    @BeforeEach
    void hierarchy() throws Exception {
        assertThat(store.levels()).isEqualTo(3);
        root = orgUnit(mvc, "LBR");
        r1 = orgUnitBelow(mvc, root);
        r2 = orgUnitBelow(mvc, root);
        d1 = orgUnitBelow(mvc, r1);
        d2 = orgUnitBelow(mvc, r2);
        c1 = orgUnitBelow(mvc, d1);
        c2 = orgUnitBelow(mvc, d1);
        c3 = orgUnitBelow(mvc, d2);
        f1 = orgUnitBelow(mvc, c1);
        f2 = orgUnitBelow(mvc, c1);
        f3 = orgUnitBelow(mvc, c2);
        f4 = orgUnitBelow(mvc, c3);
        cases = id(createIndicator(mvc, admin(), "\"countryCode\":\"LBR\",\"valueType\":\"INTEGER\""));
        // f1: 10 in January and 5 in February; f2: 3; f3: 7 in March; f4: 100; c1 itself: 1
        importCsv("""
                        dataElement,period,orgUnit,value
                        %1$s,202401,%2$s,10
                        %1$s,202402,%2$s,5
                        %1$s,202401,%3$s,3
                        %1$s,202403,%4$s,7
                        %1$s,202401,%5$s,100
                        """.formatted(
                        AnalyticsFixtures.code(mvc, "indicators", cases), unit(f1), unit(f2), unit(f3), unit(f4)))
                .andExpect(jsonPath("$.importCount.imported").value(5));
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"202401\",\"value\":1}"
                                .formatted(cases, c1)))
                .andExpect(status().isCreated());
    }

    @Test
    void chiefdomsAndFacilitiesAddUpTheirSubtreesLikeTheLevelsAboveThem() throws Exception {
        Map<String, BigDecimal> chiefdoms = level(4, "2024Q1");
        assertValue(chiefdoms, c1, "2024Q1", "19");
        assertValue(chiefdoms, c2, "2024Q1", "7");
        assertValue(chiefdoms, c3, "2024Q1", "100");
        assertThat(chiefdoms).hasSize(3);

        Map<String, BigDecimal> facilities = level(5, "2024Q1");
        assertValue(facilities, f1, "2024Q1", "15");
        assertValue(facilities, f2, "2024Q1", "3");
        assertValue(facilities, f3, "2024Q1", "7");
        assertValue(facilities, f4, "2024Q1", "100");

        Map<String, BigDecimal> months = query("orgUnit", c1 + "," + c2, "from", "202401", "to", "202403");
        assertValue(months, c1, "202401", "14");
        assertValue(months, c1, "202402", "5");
        assertValue(months, c1, "202403", null);
        assertValue(months, c2, "202403", "7");

        Map<String, BigDecimal> districts = level(3, "2024");
        assertValue(districts, d1, "2024", "26");
        assertValue(districts, d2, "2024", "100");
        assertValue(query("orgUnit", String.valueOf(root), "from", "2024"), root, "2024", "126");
    }

    @Test
    void movesAcrossAndBetweenLevelsKeepEveryLevelRightAndEqualToARebuild() throws Exception {
        // a chiefdom to another district: the same level
        AnalyticsFixtures.move(mvc, c3, d1);
        assertValue(level(3, "2024"), d1, "2024", "126");
        assertValue(level(3, "2024"), d2, "2024", null);
        assertValue(level(2, "2024"), r1, "2024", "126");
        assertValue(level(4, "2024"), c3, "2024", "100");

        // the chiefdom straight under a region: it becomes a district, its facility a chiefdom
        AnalyticsFixtures.move(mvc, c3, r2);
        Map<String, BigDecimal> districts = level(3, "2024");
        assertValue(districts, c3, "2024", "100");
        assertValue(districts, d1, "2024", "26");
        assertValue(level(2, "2024"), r2, "2024", "100");
        assertValue(level(4, "2024"), f4, "2024", "100");

        // a district under another district: it becomes a chiefdom, its chiefdoms facilities
        AnalyticsFixtures.move(mvc, d1, d2);
        Map<String, BigDecimal> after = level(3, "2024");
        assertValue(after, d2, "2024", "26");
        assertValue(after, c3, "2024", "100");
        assertValue(after, d1, "2024", null);
        assertValue(level(2, "2024"), r1, "2024", null);
        assertValue(level(2, "2024"), r2, "2024", "126");
        assertValue(level(4, "2024"), d1, "2024", "26");
        assertValue(level(5, "2024"), c1, "2024", "19");
        assertValue(level(6, "2024"), f1, "2024", "15");

        List<Map<String, @Nullable Object>> incremental = store.snapshot();
        mvc.perform(post("/api/v1/analytics/rebuild").with(admin())).andExpect(status().isOk());
        assertThat(AnalyticsFixtures.normalised(store.snapshot())).isEqualTo(AnalyticsFixtures.normalised(incremental));
        assertValue(level(3, "2024"), d2, "2024", "26");
        assertValue(level(5, "2024"), c1, "2024", "19");
    }

    @Test
    void aSecondImportUpdatingFacilitiesChangesTheirChiefdomsAndTheDistrict() throws Exception {
        importCsv("""
                        dataElement,period,orgUnit,value
                        %1$s,202401,%2$s,20
                        %1$s,202403,%3$s,1
                        """.formatted(AnalyticsFixtures.code(mvc, "indicators", cases), unit(f1), unit(f2)))
                .andExpect(jsonPath("$.importCount.imported").value(1))
                .andExpect(jsonPath("$.importCount.updated").value(1));
        assertValue(level(4, "2024Q1"), c1, "2024Q1", "30");
        assertValue(level(5, "2024Q1"), f1, "2024Q1", "25");
        assertValue(level(3, "2024Q1"), d1, "2024Q1", "37");
    }

    @Test
    void rollupsLeftAtDeeperLevelsAreRebuiltAtStartUp() throws Exception {
        // as left by versions that kept every level: a chiefdom row, which nothing maintains now
        jdbc.sql("""
                        insert into analytics_rollup_block (indicator_id, period_type, org_unit_level, org_unit_id,
                                                            option_key, block_year, mission_id, country_code, sums,
                                                            counts)
                        values (:indicator, 'YEARLY', 4, :unit, 0, 2024, null, 'LBR', array[999], array[1])""").param("indicator", cases).param("unit", c1).update();
        assertThat(store.keptAtConfiguredLevels()).isFalse();

        maintainer.buildWhenMissing();

        assertThat(store.keptAtConfiguredLevels()).isTrue();
        assertThat(store.snapshot()).noneMatch(row -> ((Number) row.get("org_unit_level")).intValue() > 3);
        assertValue(level(4, "2024"), c1, "2024", "19");
        assertValue(level(3, "2024"), d1, "2024", "26");
    }

    @Test
    void aUserOfAnotherMissionGetsNoCellsOfChiefdomsOrFacilities() throws Exception {
        long unoci = org.bluehelm.indicator.IndicatorFixtures.missionId(mvc, "UNOCI");
        String username = "viewer-" + org.bluehelm.indicator.IndicatorFixtures.unique();
        mvc.perform(post("/api/v1/users")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"%s","password":"a-long-enough-password",
                                 "roles":["VIEWER"],"scopes":[{"type":"MISSION","value":"%d"}]}""".formatted(username, username, unoci)))
                .andExpect(status().isCreated());
        // an indicator readable by everyone, with a value at a Liberian facility
        long library = id(createIndicator(mvc, admin(), ""));
        mvc.perform(post("/api/v1/dataValues")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicatorId\":%d,\"orgUnitId\":%d,\"period\":\"202401\",\"value\":8}"
                                .formatted(library, f1)))
                .andExpect(status().isCreated());
        for (String level : new String[] {"4", "5"}) {
            mvc.perform(get("/api/v1/analytics")
                            .param("indicator", String.valueOf(library))
                            .param("orgUnit", String.valueOf(root))
                            .param("orgUnitLevel", level)
                            .param("from", "2024")
                            .with(httpBasic(username, "a-long-enough-password")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.rows").isEmpty());
            mvc.perform(get("/api/v1/analytics")
                            .param("indicator", String.valueOf(library))
                            .param("orgUnit", String.valueOf(root))
                            .param("orgUnitLevel", level)
                            .param("from", "2024")
                            .with(admin()))
                    .andExpect(jsonPath("$.rows[0].value").value(8));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Map<String, BigDecimal> level(int level, String period) throws Exception {
        return query(
                "orgUnit", String.valueOf(root), "orgUnitLevel", String.valueOf(level), "from", period, "to", period);
    }

    private Map<String, BigDecimal> query(String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/analytics")
                .param("indicator", String.valueOf(cases))
                .with(admin());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String body = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> rows = JsonPath.read(body, "$.rows");
        Map<String, BigDecimal> values = new HashMap<>();
        rows.forEach(row -> values.put(
                row.get("orgUnit") + "|" + row.get("period"), new BigDecimal(String.valueOf(row.get("value")))));
        return values;
    }

    private static void assertValue(
            Map<String, BigDecimal> values, long unit, String period, @Nullable String expected) {
        String key = unit + "|" + period;
        if (expected == null) {
            assertThat(values).doesNotContainKey(key);
        } else {
            assertThat(values).containsKey(key);
            assertThat(values.get(key)).isEqualByComparingTo(expected);
        }
    }

    private String unit(long id) throws Exception {
        return AnalyticsFixtures.code(mvc, "orgUnits", id);
    }

    private org.springframework.test.web.servlet.ResultActions importCsv(String csv) throws Exception {
        return mvc.perform(post("/api/v1/dataValueSets")
                        .with(admin())
                        .contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCESS"));
    }
}
