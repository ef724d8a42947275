package org.bluehelm.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.shared.Period;
import org.junit.jupiter.api.Test;

class IndicatorChartTests {

    private static final OrgUnitView BONG = unit(1, "Bong");
    private static final OrgUnitView LOFA = unit(2, "Lofa");

    @Test
    void oneRowPerPeriodOldestFirstWithBaselineFromItsPeriodOnAndTargetAtItsPeriod() {
        IndicatorView indicator = indicator(
                benchmark(BenchmarkKind.BASELINE, BONG, "2023", "40"),
                benchmark(BenchmarkKind.TARGET, BONG, "2025", "120"));
        IndicatorChart chart = IndicatorChart.of(
                indicator,
                List.of(total(BONG, "2024Q2", "75"), total(BONG, "2024Q1", "60.500000")),
                List.of(BONG),
                (kind, unit) -> unit == null ? kind.name() : kind.name() + " " + unit.name());

        assertThat(chart.columns().stream().map(IndicatorChart.Column::label))
                .containsExactly("Bong", "BASELINE", "TARGET");
        assertThat(chart.dashed()).isEqualTo("2,3");
        assertThat(chart.rows().stream().map(IndicatorChart.Row::period))
                .containsExactly("2023", "2024Q1", "2024Q2", "2025");
        assertThat(chart.rows().get(0).cells()).containsExactly(null, new BigDecimal("40"), null);
        assertThat(chart.rows().get(1).cells().get(0)).hasToString("60.5");
        assertThat(chart.rows().get(3).cells()).containsExactly(null, new BigDecimal("40"), new BigDecimal("120"));
    }

    @Test
    void severalUnitsGetAColumnEachAndOnlyTheirOwnBenchmarks() {
        IndicatorView indicator = indicator(benchmark(BenchmarkKind.TARGET, LOFA, "2024", "10"));
        IndicatorChart chart = IndicatorChart.of(
                indicator,
                List.of(total(BONG, "2024", "3"), total(LOFA, "2024", "4")),
                List.of(BONG, LOFA),
                (kind, unit) -> kind.name() + " " + (unit == null ? "" : unit.name()));

        assertThat(chart.columns().stream().map(IndicatorChart.Column::label))
                .containsExactly("Bong", "Lofa", "TARGET Lofa");
        assertThat(chart.dashed()).isEqualTo("3");
        assertThat(chart.rows()).hasSize(1);
        assertThat(chart.rows().get(0).cells())
                .containsExactly(new BigDecimal("3"), new BigDecimal("4"), new BigDecimal("10"));
    }

    private static OrgUnitView unit(long id, String name) {
        return new OrgUnitView(id, "U" + id, name, OrgUnitKind.AREA, null, 1, "/" + id + "/", "LBR", 1);
    }

    private static RecordedTotals.Total total(OrgUnitView unit, String period, String value) {
        Period p = Period.parse(period);
        return new RecordedTotals.Total(unit.id(), p.id(), p.startDate(), p.endDate(), new BigDecimal(value));
    }

    private static IndicatorView.Benchmark benchmark(
            BenchmarkKind kind, OrgUnitView unit, String period, String value) {
        Period p = Period.parse(period);
        return new IndicatorView.Benchmark(
                kind, unit.id(), p.id(), p.type(), p.startDate(), p.endDate(), new BigDecimal(value));
    }

    private static IndicatorView indicator(IndicatorView.Benchmark... benchmarks) {
        return new IndicatorView(
                1,
                "trained",
                "Trained",
                null,
                "persons",
                ValueType.INTEGER,
                null,
                null,
                Aggregation.SUM,
                null,
                null,
                Direction.HIGHER_IS_BETTER,
                Dimension.CAPACITY,
                null,
                null,
                "LBR",
                List.of(),
                Arrays.asList(benchmarks),
                1);
    }
}
