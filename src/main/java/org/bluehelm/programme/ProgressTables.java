package org.bluehelm.programme;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.BenchmarkKind;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.indicator.SmallCells;
import org.bluehelm.measurement.DataValueFilter;
import org.bluehelm.measurement.DataValueView;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The tables behind a programme's charts: for each indicator of its results chain, the total value
 * (no disaggregation option) recorded in each of the programme's locations by period, beside the
 * baseline and target in force in that period.
 *
 * <p>Design note. A row is one of the latest {@value #MAX_PERIODS} periods with a total in any of
 * the units shown (the first {@value #MAX_UNITS} locations by name). The baseline of a row is the
 * latest baseline whose period starts before the row's period ends; its target is the first target
 * whose period has not ended when the row's period starts, or the last target once all have passed.
 * So a single baseline and target draw two flat reference lines, and intermediate targets draw
 * steps. When every unit shown has the same baselines and targets (the usual case) one baseline and
 * one target column serve them all; otherwise each unit that has them gets its own.
 */
@Component
class ProgressTables {

    static final int MAX_PERIODS = 12;
    static final int MAX_UNITS = 5;
    private static final int MAX_PAGES = 10;
    private static final Map<String, String> VALUE_SORTS = Map.of("period", "d.start_date");

    private final MeasurementService measurements;
    private final IndicatorService indicators;

    ProgressTables(MeasurementService measurements, IndicatorService indicators) {
        this.measurements = measurements;
        this.indicators = indicators;
    }

    /** What a column holds: the values of one unit, or a baseline or target (of one unit, or of all). */
    enum ColumnKind {
        VALUE,
        BASELINE,
        TARGET
    }

    /** A column after the period: {@code unit} is null for a baseline or target shared by every unit shown. */
    record Column(ColumnKind kind, @Nullable String unit) {}

    /** A number as shown ({@code text}, in the reader's language) and as the chart reads it ({@code value}). */
    record Cell(@Nullable String value, String text) {}

    record Row(String period, List<Cell> cells) {}

    /** A baseline or target of a unit shown (null: of every unit shown), for the list under the table. */
    record Benchmark(@Nullable String unit, BenchmarkKind kind, String period, String text) {}

    /**
     * One indicator's table. {@code dashed} lists the 1-based columns (after the period) drawn
     * dashed; {@code unitsShown} of {@code unitsTotal} locations have a column; {@code periodsCut}
     * tells that older periods were left out.
     */
    record ProgressTable(
            ProgrammeIndicatorView indicator,
            List<Column> columns,
            List<Row> rows,
            String dashed,
            int unitsShown,
            int unitsTotal,
            boolean periodsCut,
            List<Benchmark> benchmarks) {

        public String tableId() {
            return "progress-" + indicator.id();
        }
    }

    List<ProgressTable> tables(List<ProgrammeIndicatorView> chain, List<OrgUnitView> locations, Locale locale) {
        List<OrgUnitView> units = locations.stream()
                .sorted(Comparator.comparing(OrgUnitView::name).thenComparing(OrgUnitView::id))
                .limit(MAX_UNITS)
                .toList();
        List<ProgressTable> tables = new ArrayList<>();
        // the small-cell thresholds the user may not see under, read once for every table
        Map<Long, Integer> hiddenBelow = indicators.smallCellThresholdsForCurrentUser();
        for (ProgrammeIndicatorView indicator : chain) {
            tables.add(table(indicator, units, locations.size(), hiddenBelow.get(indicator.id()), locale));
        }
        return tables;
    }

    private ProgressTable table(
            ProgrammeIndicatorView indicator,
            List<OrgUnitView> units,
            int unitsTotal,
            @Nullable Integer threshold,
            Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        Map<String, PeriodKey> periods = new HashMap<>();
        List<Map<String, @Nullable BigDecimal>> valuesByUnit = new ArrayList<>();
        boolean cut = false;
        for (OrgUnitView unit : units) {
            Map<String, @Nullable BigDecimal> totals = new HashMap<>();
            cut |= latestTotals(indicator.id(), unit.id(), totals, periods);
            valuesByUnit.add(totals);
        }
        List<PeriodKey> rows = new ArrayList<>(periods.values().stream()
                .sorted(Comparator.comparing(PeriodKey::start)
                        .thenComparing(PeriodKey::end)
                        .thenComparing(PeriodKey::id)
                        .reversed())
                .limit(MAX_PERIODS)
                .toList());
        cut |= periods.size() > MAX_PERIODS;
        Collections.reverse(rows);

        IndicatorView definition = indicators.get(indicator.id());
        List<Benchmark> notes = new ArrayList<>();
        List<List<@Nullable BigDecimal>> baselines = new ArrayList<>();
        List<List<@Nullable BigDecimal>> targets = new ArrayList<>();
        for (OrgUnitView unit : units) {
            List<IndicatorView.Benchmark> own = definition.baselinesAndTargets().stream()
                    .filter(b -> b.orgUnitId() == unit.id())
                    .sorted(Comparator.comparing(IndicatorView.Benchmark::startDate)
                            .thenComparing(IndicatorView.Benchmark::endDate))
                    .toList();
            own.forEach(b -> notes.add(new Benchmark(unit.name(), b.kind(), b.period(), text(b.value(), format))));
            baselines.add(rows.stream().map(p -> baseline(own, p)).toList());
            targets.add(rows.stream().map(p -> target(own, p)).toList());
        }

        List<Column> columns = new ArrayList<>();
        units.forEach(u -> columns.add(new Column(ColumnKind.VALUE, u.name())));
        List<List<@Nullable BigDecimal>> extra = new ArrayList<>();
        addReferenceColumns(ColumnKind.BASELINE, baselines, units, columns, extra);
        addReferenceColumns(ColumnKind.TARGET, targets, units, columns, extra);
        if (columns.stream().allMatch(c -> c.kind() == ColumnKind.VALUE || c.unit() == null)) {
            // every unit has the same baselines and targets: name each once
            List<Benchmark> once = new ArrayList<>();
            notes.stream()
                    .map(n -> new Benchmark(null, n.kind(), n.period(), n.text()))
                    .distinct()
                    .forEach(once::add);
            notes.clear();
            notes.addAll(once);
        }
        List<String> dashed = new ArrayList<>();
        for (int c = units.size(); c < columns.size(); c++) {
            dashed.add(String.valueOf(c + 1));
        }

        String hidden = SmallCells.label(threshold == null ? SmallCells.DEFAULT_THRESHOLD : threshold);
        List<Row> table = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            PeriodKey period = rows.get(r);
            List<Cell> cells = new ArrayList<>();
            for (Map<String, @Nullable BigDecimal> totals : valuesByUnit) {
                // a period held without a value: a small count the user may not see
                cells.add(
                        totals.containsKey(period.id()) && totals.get(period.id()) == null
                                ? new Cell(null, hidden)
                                : cell(totals.get(period.id()), format));
            }
            for (List<@Nullable BigDecimal> column : extra) {
                cells.add(cell(column.get(r), format));
            }
            table.add(new Row(period.id(), cells));
        }
        return new ProgressTable(
                indicator, columns, table, String.join(",", dashed), units.size(), unitsTotal, cut, notes);
    }

    /**
     * Adds the latest totals of one unit, at most one more than {@link #MAX_PERIODS} periods, and
     * tells whether it has more than that.
     */
    private boolean latestTotals(
            long indicatorId, long unitId, Map<String, @Nullable BigDecimal> totals, Map<String, PeriodKey> periods) {
        DataValueFilter filter = new DataValueFilter(indicatorId, unitId, null, null, null, null, null);
        for (int page = 0; page < MAX_PAGES; page++) {
            PageResponse<DataValueView> values = measurements.list(
                    filter, PageQuery.of(page, PageQuery.MAX_SIZE, "-period", VALUE_SORTS, "-period"));
            for (DataValueView v : values.items()) {
                if (v.optionId() != null) {
                    continue;
                }
                if (totals.size() == MAX_PERIODS) {
                    return true;
                }
                totals.put(v.period(), v.value());
                periods.putIfAbsent(v.period(), new PeriodKey(v.period(), v.startDate(), v.endDate()));
            }
            if (page + 1 >= values.totalPages()) {
                return false;
            }
        }
        return true;
    }

    private static void addReferenceColumns(
            ColumnKind kind,
            List<List<@Nullable BigDecimal>> byUnit,
            List<OrgUnitView> units,
            List<Column> columns,
            List<List<@Nullable BigDecimal>> extra) {
        boolean any = byUnit.stream().flatMap(List::stream).anyMatch(Objects::nonNull);
        if (!any) {
            return;
        }
        boolean shared = byUnit.stream().allMatch(column -> sameNumbers(column, byUnit.get(0)));
        if (shared) {
            columns.add(new Column(kind, null));
            extra.add(byUnit.get(0));
            return;
        }
        for (int u = 0; u < units.size(); u++) {
            if (byUnit.get(u).stream().anyMatch(Objects::nonNull)) {
                columns.add(new Column(kind, units.get(u).name()));
                extra.add(byUnit.get(u));
            }
        }
    }

    private static boolean sameNumbers(List<@Nullable BigDecimal> a, List<@Nullable BigDecimal> b) {
        for (int i = 0; i < a.size(); i++) {
            BigDecimal x = a.get(i);
            BigDecimal y = b.get(i);
            if (x == null ? y != null : y == null || x.compareTo(y) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The latest baseline whose period starts before the row's period ends. */
    private static @Nullable BigDecimal baseline(List<IndicatorView.Benchmark> benchmarks, PeriodKey row) {
        BigDecimal value = null;
        for (IndicatorView.Benchmark b : benchmarks) {
            if (b.kind() == BenchmarkKind.BASELINE && !b.startDate().isAfter(row.end())) {
                value = b.value();
            }
        }
        return value;
    }

    /** The first target not yet over when the row's period starts, or the last target once all are over. */
    private static @Nullable BigDecimal target(List<IndicatorView.Benchmark> benchmarks, PeriodKey row) {
        BigDecimal last = null;
        for (IndicatorView.Benchmark b : benchmarks) {
            if (b.kind() != BenchmarkKind.TARGET) {
                continue;
            }
            if (!b.endDate().isBefore(row.start())) {
                return b.value();
            }
            last = b.value();
        }
        return last;
    }

    private static Cell cell(@Nullable BigDecimal value, NumberFormat format) {
        if (value == null) {
            return new Cell(null, "");
        }
        return new Cell(plain(value).toPlainString(), text(value, format));
    }

    private static String text(BigDecimal value, NumberFormat format) {
        BigDecimal plain = plain(value);
        NumberFormat f = (NumberFormat) format.clone();
        f.setMinimumFractionDigits(0);
        f.setMaximumFractionDigits(Math.max(0, Math.min(plain.scale(), 6)));
        return f.format(plain);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private record PeriodKey(String id, LocalDate start, LocalDate end) {}
}
