package org.bluehelm.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.bluehelm.geography.OrgUnitView;
import org.jspecify.annotations.Nullable;

/**
 * The indicator over time against its baselines and targets, by organisation unit: one row per
 * period (oldest first), one column per unit's totals, then one per unit's baseline and one per
 * unit's targets. The page shows it as a table and draws the chart from that table, so the numbers
 * can always be read without the chart. A baseline holds from its period on (a level to compare
 * with); a target is shown at its own period.
 *
 * @param dashed the table columns drawn dashed (baselines and targets), counted from the period column as 0
 */
record IndicatorChart(List<Column> columns, List<Row> rows, String dashed) {

    enum Kind {
        VALUE,
        BASELINE,
        TARGET
    }

    /** A column: its heading and what it holds. */
    record Column(String label, Kind kind) {}

    /** A period and the number of each column in it (null where there is none). */
    record Row(String period, List<@Nullable BigDecimal> cells) {}

    private record Key(LocalDate start, LocalDate end, String period) {}

    /**
     * @param units the units to show, in column order
     * @param label the heading of a baseline or target column for a unit (null when only one unit is shown)
     */
    static IndicatorChart of(
            IndicatorView indicator,
            List<RecordedTotals.Total> totals,
            List<OrgUnitView> units,
            java.util.function.BiFunction<Kind, @Nullable OrgUnitView, String> label) {
        List<Column> columns = new ArrayList<>();
        units.forEach(u -> columns.add(new Column(u.name(), Kind.VALUE)));
        List<OrgUnitView> columnUnits = new ArrayList<>(units);
        for (Kind kind : List.of(Kind.BASELINE, Kind.TARGET)) {
            BenchmarkKind benchmark = kind == Kind.BASELINE ? BenchmarkKind.BASELINE : BenchmarkKind.TARGET;
            for (OrgUnitView u : units) {
                if (!benchmarks(indicator, u.id(), benchmark).isEmpty()) {
                    columns.add(new Column(label.apply(kind, units.size() == 1 ? null : u), kind));
                    columnUnits.add(u);
                }
            }
        }

        Map<Key, @Nullable BigDecimal[]> rows = new TreeMap<>(
                Comparator.comparing(Key::start).thenComparing(Key::end).thenComparing(Key::period));
        Function<Key, @Nullable BigDecimal[]> row = k -> rows.computeIfAbsent(k, x -> new BigDecimal[columns.size()]);
        for (RecordedTotals.Total t : totals) {
            for (int c = 0; c < units.size(); c++) {
                if (units.get(c).id() == t.orgUnitId()) {
                    row.apply(new Key(t.startDate(), t.endDate(), t.period()))[c] = ValueRules.plain(t.value());
                }
            }
        }
        for (int c = units.size(); c < columns.size(); c++) {
            if (columns.get(c).kind() == Kind.TARGET) {
                for (IndicatorView.Benchmark b :
                        benchmarks(indicator, columnUnits.get(c).id(), BenchmarkKind.TARGET)) {
                    row.apply(key(b))[c] = b.value();
                }
            } else {
                benchmarks(indicator, columnUnits.get(c).id(), BenchmarkKind.BASELINE)
                        .forEach(b -> row.apply(key(b)));
            }
        }
        for (int c = units.size(); c < columns.size(); c++) {
            if (columns.get(c).kind() == Kind.BASELINE) {
                for (IndicatorView.Benchmark b :
                        benchmarks(indicator, columnUnits.get(c).id(), BenchmarkKind.BASELINE)) {
                    int column = c;
                    rows.forEach((k, cells) -> {
                        if (!k.start().isBefore(b.startDate())) {
                            cells[column] = b.value();
                        }
                    });
                }
            }
        }

        List<Row> result = new ArrayList<>();
        rows.forEach((k, cells) -> result.add(new Row(k.period(), Arrays.asList(cells))));
        List<String> dashed = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).kind() != Kind.VALUE) {
                dashed.add(String.valueOf(c + 1));
            }
        }
        return new IndicatorChart(columns, result, String.join(",", dashed));
    }

    private static Key key(IndicatorView.Benchmark b) {
        return new Key(b.startDate(), b.endDate(), b.period());
    }

    private static List<IndicatorView.Benchmark> benchmarks(IndicatorView indicator, long unitId, BenchmarkKind kind) {
        return indicator.baselinesAndTargets().stream()
                .filter(b -> b.kind() == kind && b.orgUnitId() == unitId)
                .toList();
    }
}
