package org.bluehelm.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.id;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bluehelm.test.AsAdmin;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@link MeasurementService#latestPeriods} reads subtrees of more than 1,000 units in one pass and
 * keeps the units asked for in Java; the answer must be the one the query naming the units gives.
 */
@IntegrationTest
class LatestPeriodsIT {

    static final int CHILDREN = 1_100;
    static final int GRANDCHILDREN = 60;

    @Autowired
    MockMvc mvc;

    @Autowired
    MeasurementService measurements;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    UserDetailsService users;

    /** Inserts units below a parent in one statement and returns their ids in order. */
    private List<Long> unitsBelow(long parent, int count) {
        Map<String, Object> row = jdbc.sql("select level, path from org_unit where id = :id")
                .param("id", parent)
                .query()
                .singleRow();
        int level = ((Number) row.get("level")).intValue() + 1;
        String prefix = "LP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {prefix + String.format("%05d", i), "Latest period area " + i, parent, level});
        }
        jdbcTemplate.batchUpdate(
                "insert into org_unit (code, name, kind, parent_id, level, path, country_code)"
                        + " values (?, ?, 'AREA', ?, ?, 'pending', 'ISL')",
                rows);
        jdbc.sql("update org_unit set path = :path || id || '/' where code like :prefix")
                .param("path", row.get("path"))
                .param("prefix", prefix + "%")
                .update();
        return jdbc.sql("select id from org_unit where code like :prefix order by code")
                .param("prefix", prefix + "%")
                .query(Long.class)
                .list();
    }

    private static String month(int year, int month) {
        return year + (month < 10 ? "0" : "") + month;
    }

    private List<LatestPeriod> latest(List<Long> indicators, List<Long> units, LocalDate startingBy) {
        return AsAdmin.run(users, () -> measurements.latestPeriods(indicators, units, startingBy));
    }

    private static String text(LatestPeriod l) {
        return l.indicatorId() + "|" + l.orgUnitId() + "|" + l.period() + "|" + l.startDate();
    }

    @Test
    void moreThanAThousandUnitsGiveWhatSlicesOfAThousandGive() throws Exception {
        long cases = id(createIndicator(mvc, admin(), "\"valueType\":\"INTEGER\",\"countryCode\":\"ISL\""));
        long visits = id(createIndicator(mvc, admin(), "\"valueType\":\"INTEGER\",\"countryCode\":\"ISL\""));
        long root = orgUnit(mvc, "ISL");
        List<Long> children = unitsBelow(root, CHILDREN);
        // the first children have a unit below them, whose values count for them too
        List<Long> grandchildren = new ArrayList<>();
        for (int i = 0; i < GRANDCHILDREN; i++) {
            grandchildren.addAll(unitsBelow(children.get(i), 1));
        }
        try {
            StringBuilder csv = new StringBuilder("dataElement,period,orgUnit,categoryOptionCombo,value\n");
            int rows = 0;
            int expected = 0;
            for (int i = 0; i < CHILDREN; i++) {
                boolean below = i < GRANDCHILDREN;
                if (i % 7 == 3) {
                    expected += below ? 1 : 0;
                    continue; // no value of its own
                }
                long unit = children.get(i);
                csv.append(cases)
                        .append(',')
                        .append(month(2022, 12))
                        .append(',')
                        .append(unit)
                        .append(",,1\n");
                csv.append(cases)
                        .append(',')
                        .append(month(2023, 1 + i % 12))
                        .append(',')
                        .append(unit);
                csv.append(",,2\n");
                // after the day asked for: never the latest
                csv.append(cases)
                        .append(',')
                        .append(month(2025, 6))
                        .append(',')
                        .append(unit)
                        .append(",,3\n");
                rows += 3;
                expected++;
                if (i % 5 == 0) {
                    csv.append(visits)
                            .append(',')
                            .append(month(2022, 1 + i % 9))
                            .append(',')
                            .append(unit);
                    csv.append(",,4\n");
                    rows++;
                    expected++;
                }
            }
            for (int i = 0; i < GRANDCHILDREN; i++) {
                csv.append(cases).append(',').append(month(2024, 1 + i % 12)).append(',');
                csv.append(grandchildren.get(i)).append(",,5\n");
                rows++;
            }
            mvc.perform(post("/api/v1/dataValueSets")
                            .with(admin())
                            .contentType("text/csv")
                            .content(csv.toString().getBytes(StandardCharsets.UTF_8))
                            .param("idScheme", "ID"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.importCount.imported").value(rows));

            LocalDate startingBy = LocalDate.of(2024, 12, 31);
            List<Long> indicators = List.of(cases, visits);
            // 1,160 units in the subtrees: the branch reading every unit's latest value
            List<String> whole = latest(indicators, children, startingBy).stream()
                    .map(LatestPeriodsIT::text)
                    .sorted()
                    .toList();
            // slices of 400 children (at most 460 units): the branch naming the units
            List<LatestPeriod> sliced = new ArrayList<>();
            for (int i = 0; i < CHILDREN; i += 400) {
                sliced.addAll(latest(indicators, children.subList(i, Math.min(CHILDREN, i + 400)), startingBy));
            }
            assertThat(whole)
                    .isEqualTo(
                            sliced.stream().map(LatestPeriodsIT::text).sorted().toList());

            // what a user sees: a child's own latest month, a grandchild's later month, no value, the cutoff
            assertThat(whole).hasSize(expected);
            assertThat(whole)
                    .contains(
                            cases + "|" + children.get(70) + "|202311|2023-11-01",
                            cases + "|" + children.get(5) + "|202406|2024-06-01",
                            visits + "|" + children.get(5) + "|202206|2022-06-01")
                    .noneMatch(s -> s.startsWith(cases + "|" + children.get(66) + "|"))
                    .noneMatch(s -> s.contains("|2025"));

            // the whole subtree under one unit: the latest month of any child
            Map<Long, LatestPeriod> latestOfAll = new HashMap<>();
            for (LatestPeriod l : sliced) {
                latestOfAll.merge(
                        l.indicatorId(),
                        new LatestPeriod(l.indicatorId(), root, l.period(), l.startDate()),
                        (a, b) -> a.startDate().isBefore(b.startDate()) ? b : a);
            }
            assertThat(latest(indicators, List.of(root), startingBy).stream()
                            .sorted(Comparator.comparingLong(LatestPeriod::indicatorId))
                            .toList())
                    .isEqualTo(latestOfAll.values().stream()
                            .sorted(Comparator.comparingLong(LatestPeriod::indicatorId))
                            .toList())
                    .extracting(LatestPeriod::period)
                    .containsExactly("202412", "202209");
        } finally {
            AsAdmin.run(users, () -> measurements.deleteAllOf(cases) + measurements.deleteAllOf(visits));
            // 1,160 units of Iceland would fill other tests' lists of units
            Map<String, Object> top = jdbc.sql("select level, path from org_unit where id = :id")
                    .param("id", root)
                    .query()
                    .singleRow();
            int level = ((Number) top.get("level")).intValue();
            for (int below : new int[] {level + 2, level + 1}) {
                jdbc.sql("delete from org_unit where path like :path and level = :level")
                        .param("path", top.get("path") + "%")
                        .param("level", below)
                        .update();
            }
        }
    }
}
