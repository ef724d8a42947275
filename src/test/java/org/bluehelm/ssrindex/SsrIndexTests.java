package org.bluehelm.ssrindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.Aggregation;
import org.bluehelm.indicator.BenchmarkKind;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.indicator.Direction;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.indicator.ValueType;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The arithmetic of the index, without a database: {@link IndexMethod}. */
class SsrIndexTests {

    private static final long COUNTRY = 1;
    private static final long COUNTY = 7;
    private static final long DISTRICT = 42;

    // ---- normalisation -------------------------------------------------------------------------

    @Test
    void aValueIsPlacedBetweenABaselineAndAHigherTarget() {
        assertThat(place("30", "10", "50", Direction.HIGHER_IS_BETTER)).isEqualByComparingTo("0.5");
        assertThat(place("10", "10", "50", Direction.HIGHER_IS_BETTER)).isEqualByComparingTo("0");
        assertThat(place("50", "10", "50", Direction.HIGHER_IS_BETTER)).isEqualByComparingTo("1");
    }

    @Test
    void aLowerIsBetterIndicatorMovesTowardsATargetBelowItsBaseline() {
        // pre-trial detention: baseline 80 %, target 50 %; 65 % is halfway
        assertThat(place("65", "80", "50", Direction.LOWER_IS_BETTER)).isEqualByComparingTo("0.5");
        assertThat(place("56", "80", "50", Direction.LOWER_IS_BETTER)).isEqualByComparingTo("0.8");
        assertThat(place("80", "80", "50", Direction.LOWER_IS_BETTER)).isEqualByComparingTo("0");
    }

    @Test
    void placesAreClampedToZeroAndOneInBothDirections() {
        assertThat(place("70", "10", "50", Direction.HIGHER_IS_BETTER)).isEqualByComparingTo("1");
        assertThat(place("0", "10", "50", Direction.HIGHER_IS_BETTER)).isEqualByComparingTo("0");
        assertThat(place("45", "80", "50", Direction.LOWER_IS_BETTER)).isEqualByComparingTo("1");
        assertThat(place("95", "80", "50", Direction.LOWER_IS_BETTER)).isEqualByComparingTo("0");
    }

    @Test
    void aTargetEqualToTheBaselineIsReachedOrNotByDirection() {
        assertThat(place("5", "5", "5", Direction.HIGHER_IS_BETTER)).isEqualByComparingTo("1");
        assertThat(place("6", "5", "5", Direction.HIGHER_IS_BETTER)).isEqualByComparingTo("1");
        assertThat(place("4", "5", "5", Direction.HIGHER_IS_BETTER)).isEqualByComparingTo("0");
        assertThat(place("4", "5", "5", Direction.LOWER_IS_BETTER)).isEqualByComparingTo("1");
        assertThat(place("6", "5", "5", Direction.LOWER_IS_BETTER)).isEqualByComparingTo("0");
    }

    @Test
    void aTargetOnTheWrongSideOfTheBaselineContradictsTheDirectionAndIsNotScored() {
        assertThat(IndexMethod.contradicts(dec("10"), dec("50"), Direction.LOWER_IS_BETTER))
                .isTrue();
        assertThat(IndexMethod.contradicts(dec("50"), dec("10"), Direction.HIGHER_IS_BETTER))
                .isTrue();
        assertThat(IndexMethod.contradicts(dec("50"), dec("10"), Direction.LOWER_IS_BETTER))
                .isFalse();
        assertThat(IndexMethod.contradicts(dec("5"), dec("5"), Direction.LOWER_IS_BETTER))
                .isFalse();

        IndicatorView wrong =
                indicator(1, Direction.LOWER_IS_BETTER, baseline(COUNTRY, "10"), target(COUNTRY, "2027", "50"));
        IndicatorView right =
                indicator(2, Direction.HIGHER_IS_BETTER, baseline(COUNTRY, "0"), target(COUNTRY, "2027", "10"));
        IndexMethod.Evaluated e = IndexMethod.evaluate(
                Dimension.RIGHTS, List.of(input(wrong, "30", "1"), input(right, "5", "1")), Period.parse("2025"));
        assertThat(e.view().indicators().get(0).status()).isEqualTo(SsrIndex.IndicatorStatus.CONTRADICTS_DIRECTION);
        assertThat(e.view().indicators().get(0).normalised()).isNull();
        assertThat(e.view().indicators().get(0).value()).isEqualByComparingTo("30");
        assertThat(e.view().score()).isEqualByComparingTo("50");
        assertThat(e.view().coverage()).isEqualTo(new SsrIndex.Coverage(1, 2));
    }

    // ---- weights, coverage, dimension and overall scores ------------------------------------------

    @Test
    void equalWeightsGiveThePlainMeanAndWeightsTilt() {
        assertThat(IndexMethod.weightedScore(List.of(scored("0.5", "1"), scored("1", "1"))))
                .isEqualByComparingTo("75");
        assertThat(IndexMethod.weightedScore(List.of(scored("0.5", "3"), scored("1", "1"))))
                .isEqualByComparingTo("62.5");
        assertThat(IndexMethod.weightedScore(List.of(scored("0.5", "0.25"), scored("1", "0.75"))))
                .isEqualByComparingTo("87.5");
        assertThat(IndexMethod.weightedScore(List.of())).isNull();
    }

    @Test
    void aDimensionScoresOnlyItsIndicatorsWithDataAndCountsThemInItsCoverage() {
        IndicatorView a =
                indicator(1, Direction.HIGHER_IS_BETTER, baseline(COUNTRY, "0"), target(COUNTRY, "2027", "100"));
        IndicatorView b =
                indicator(2, Direction.LOWER_IS_BETTER, baseline(COUNTRY, "40"), target(COUNTRY, "2027", "10"));
        IndicatorView c =
                indicator(3, Direction.HIGHER_IS_BETTER, baseline(COUNTRY, "0"), target(COUNTRY, "2027", "5"));
        Period year = Period.parse("2025");

        IndexMethod.Evaluated equal = IndexMethod.evaluate(
                Dimension.CAPACITY, List.of(input(a, "50", "1"), input(b, "18", "1"), input(c, null, "1")), year);
        // a: 0.5; b: (18 - 40) / (10 - 40) = 0.7333...; c: no data
        assertThat(equal.view().score()).isEqualByComparingTo("61.67");
        assertThat(equal.view().coverage()).isEqualTo(new SsrIndex.Coverage(2, 3));
        assertThat(equal.view().indicators().get(1).normalised()).isEqualByComparingTo("0.7333");
        assertThat(equal.view().indicators().get(2).status()).isEqualTo(SsrIndex.IndicatorStatus.NO_DATA);
        assertThat(equal.view().indicators().get(2).normalised()).isNull();

        IndexMethod.Evaluated weighted = IndexMethod.evaluate(
                Dimension.CAPACITY, List.of(input(a, "50", "3"), input(b, "18", "1"), input(c, null, "5")), year);
        // (3 x 0.5 + 1 x 0.7333) / 4; the weight of an indicator without data does not count
        assertThat(weighted.view().score()).isEqualByComparingTo("55.83");
        assertThat(weighted.view().indicators().get(0).weight()).isEqualByComparingTo("3");

        IndexMethod.Evaluated none = IndexMethod.evaluate(Dimension.CAPACITY, List.of(input(c, null, "1")), year);
        assertThat(none.view().score()).isNull();
        assertThat(none.exactScore()).isNull();
        assertThat(none.view().coverage()).isEqualTo(new SsrIndex.Coverage(0, 1));
    }

    @Test
    void theOverallScoreIsThePlainMeanOfTheDimensionScoresThatExist() {
        assertThat(IndexMethod.overall(Arrays.asList(dec("61.666666"), dec("100"), null)))
                .isEqualByComparingTo("80.833333");
        assertThat(IndexMethod.overall(Arrays.asList(null, null))).isNull();
        assertThat(IndexMethod.overall(List.of(dec("40")))).isEqualByComparingTo("40");
        assertThat(IndexMethod.DIMENSIONS).hasSize(6).doesNotContain(Dimension.CONTEXT);
    }

    // ---- which benchmarks apply ------------------------------------------------------------------

    @Test
    void aUnitUsesItsOwnBenchmarksElseTheNearestAncestorsWithBothABaselineAndATarget() {
        IndicatorView indicator = indicator(
                1,
                Direction.HIGHER_IS_BETTER,
                baseline(COUNTRY, "0"),
                target(COUNTRY, "2027", "100"),
                baseline(COUNTY, "10"), // a baseline without a target does not apply
                baseline(DISTRICT, "20"),
                target(DISTRICT, "2026", "40"));
        List<Long> district = List.of(DISTRICT, COUNTY, COUNTRY);
        assertThat(IndexMethod.benchmarksFor(indicator, district).orElseThrow().orgUnitId())
                .isEqualTo(DISTRICT);
        assertThat(IndexMethod.benchmarksFor(indicator, List.of(COUNTY, COUNTRY))
                        .orElseThrow()
                        .orgUnitId())
                .isEqualTo(COUNTRY);
        assertThat(IndexMethod.benchmarksFor(indicator, List.of(99L))).isEmpty();
    }

    @Test
    void theTargetOfAPeriodIsTheFirstNotYetOverElseTheLast() {
        IndicatorView indicator = indicator(
                1,
                Direction.HIGHER_IS_BETTER,
                baseline(COUNTRY, "0"),
                target(COUNTRY, "2027", "100"),
                target(COUNTRY, "2025", "40"));
        IndexMethod.Benchmarks b =
                IndexMethod.benchmarksFor(indicator, List.of(COUNTRY)).orElseThrow();
        assertThat(b.targetFor(Period.parse("2024Q2")).value()).isEqualByComparingTo("40");
        assertThat(b.targetFor(Period.parse("2025Q4")).value()).isEqualByComparingTo("40");
        assertThat(b.targetFor(Period.parse("2026")).value()).isEqualByComparingTo("100");
        assertThat(b.targetFor(Period.parse("2030")).value()).isEqualByComparingTo("100");
    }

    @Test
    void theChainOfAUnitStartsWithItselfThenItsAncestorsNearestFirst() {
        OrgUnitView unit =
                new OrgUnitView(DISTRICT, "D", "District", OrgUnitKind.AREA, COUNTY, 3, "/1/7/42/", "LBR", 1);
        assertThat(SsrIndexService.unitThenAncestors(unit)).containsExactly(DISTRICT, COUNTY, COUNTRY);
    }

    @Test
    void aWeightMustBeAPositiveNumberOfAtMostFourDecimalsUpTo1000() {
        assertThat(weightProblem(null)).isEqualTo("must be a positive number");
        assertThat(weightProblem("0")).isEqualTo("must be a positive number");
        assertThat(weightProblem("-1")).isEqualTo("must be a positive number");
        assertThat(weightProblem("1000.5")).isEqualTo("must be at most 1000");
        assertThat(weightProblem("0.00001")).isEqualTo("must have at most 4 decimals");
        assertThat(weightProblem("0.0001")).isNull();
        assertThat(weightProblem("2.50")).isNull();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static @Nullable String weightProblem(@Nullable String weight) {
        Validation v = new Validation();
        SsrIndexService.checkWeight("weights[0].weight", weight == null ? null : dec(weight), v);
        try {
            v.throwIfInvalid();
            return null;
        } catch (org.bluehelm.shared.InvalidInputException e) {
            assertThat(e.problems().get(0).field()).isEqualTo("weights[0].weight");
            return e.problems().get(0).message();
        }
    }

    private static BigDecimal place(String value, String baseline, String target, Direction direction) {
        return IndexMethod.normalise(dec(value), dec(baseline), dec(target), direction);
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    private static IndexMethod.Scored scored(String place, String weight) {
        return new IndexMethod.Scored(dec(place), dec(weight));
    }

    private static IndexMethod.Input input(IndicatorView indicator, @Nullable String value, String weight) {
        return new IndexMethod.Input(
                indicator,
                IndexMethod.benchmarksFor(indicator, List.of(COUNTRY)).orElseThrow(),
                "Country",
                value == null ? null : dec(value),
                dec(weight));
    }

    private static IndicatorView.Benchmark baseline(long unit, String value) {
        Period p = Period.parse("2020");
        return new IndicatorView.Benchmark(
                BenchmarkKind.BASELINE, unit, p.id(), p.type(), p.startDate(), p.endDate(), dec(value));
    }

    private static IndicatorView.Benchmark target(long unit, String period, String value) {
        Period p = Period.parse(period);
        return new IndicatorView.Benchmark(
                BenchmarkKind.TARGET, unit, p.id(), p.type(), p.startDate(), p.endDate(), dec(value));
    }

    private static IndicatorView indicator(long id, Direction direction, IndicatorView.Benchmark... benchmarks) {
        return new IndicatorView(
                id,
                "ind_" + id,
                "Indicator " + id,
                null,
                "persons",
                ValueType.NUMBER,
                null,
                null,
                Aggregation.SUM,
                null,
                null,
                direction,
                Dimension.CAPACITY,
                null,
                null,
                "LBR",
                List.of(),
                new ArrayList<>(List.of(benchmarks)),
                1);
    }
}
