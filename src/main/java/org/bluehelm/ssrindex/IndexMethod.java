package org.bluehelm.ssrindex;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bluehelm.indicator.BenchmarkKind;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.indicator.Direction;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.shared.Period;
import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of the index, free of storage and scope so that it can be read and tested alone
 * (the method page /ssr-index/method says the same in words).
 *
 * <ol>
 *   <li>An indicator applies to a unit when the unit itself, or else the nearest unit above it,
 *       has a baseline and at least one target for it; those benchmarks are used. The target of a
 *       period is the first target whose period has not ended when the period starts, or the last
 *       target once all have passed (as on the programme charts).
 *   <li>Its place: {@code (value - baseline) / (target - baseline)}, clamped to [0, 1]. The
 *       formula follows the benchmarks, so it is direction-aware by itself: for a LOWER_IS_BETTER
 *       indicator the target lies below the baseline and a falling value moves towards 1. When the
 *       target lies on the wrong side of the baseline for the indicator's direction the benchmarks
 *       contradict each other: the indicator is shown, counted as applicable, but not scored. When
 *       target equals baseline there is no distance to travel: 1 when the value is at the target or
 *       beyond it in the indicator's direction, otherwise 0.
 *   <li>A dimension's score: the weighted mean of the places of its indicators that have a value,
 *       times 100; none with a value: no score. Coverage: how many had a value, of how many apply.
 *   <li>The overall score: the plain mean of the dimension scores that exist, so that a dimension
 *       with many indicators does not outweigh one with few; coverage adds up the dimensions'.
 * </ol>
 *
 * Everything is computed exactly and rounded only for display: scores to 2 decimals, places to 4.
 */
final class IndexMethod {

    /** The dimensions of the index, in order: every dimension but CONTEXT, which describes the setting. */
    static final List<Dimension> DIMENSIONS = Arrays.stream(Dimension.values())
            .filter(d -> d != Dimension.CONTEXT)
            .toList();

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MATH = MathContext.DECIMAL64;

    private IndexMethod() {}

    /** The baseline and targets an indicator uses for a unit, and the unit they were set for. */
    record Benchmarks(long orgUnitId, IndicatorView.Benchmark baseline, List<IndicatorView.Benchmark> targets) {

        /** The first target not yet over when the period starts, or the last one once all are over. */
        IndicatorView.Benchmark targetFor(Period period) {
            for (IndicatorView.Benchmark target : targets) {
                if (!target.endDate().isBefore(period.startDate())) {
                    return target;
                }
            }
            return targets.get(targets.size() - 1);
        }
    }

    /**
     * The benchmarks of the first unit (the unit itself, then its ancestors nearest first) that has
     * both a baseline and a target for the indicator; empty when none has: the indicator does not apply.
     */
    static Optional<Benchmarks> benchmarksFor(IndicatorView indicator, List<Long> unitThenAncestors) {
        for (long unit : unitThenAncestors) {
            IndicatorView.Benchmark baseline = null;
            List<IndicatorView.Benchmark> targets = new ArrayList<>();
            for (IndicatorView.Benchmark b : indicator.baselinesAndTargets()) {
                if (b.orgUnitId() != unit) {
                    continue;
                }
                if (b.kind() == BenchmarkKind.BASELINE) {
                    baseline = b;
                } else {
                    targets.add(b);
                }
            }
            if (baseline != null && !targets.isEmpty()) {
                targets.sort(Comparator.comparing(IndicatorView.Benchmark::startDate)
                        .thenComparing(IndicatorView.Benchmark::endDate));
                return Optional.of(new Benchmarks(unit, baseline, List.copyOf(targets)));
            }
        }
        return Optional.empty();
    }

    /** Whether the target lies on the wrong side of the baseline for the direction. */
    static boolean contradicts(BigDecimal baseline, BigDecimal target, Direction direction) {
        int cmp = target.compareTo(baseline);
        return direction == Direction.HIGHER_IS_BETTER ? cmp < 0 : cmp > 0;
    }

    /** The value's place from the baseline (0) to the target (1), clamped; see the class comment. */
    static BigDecimal normalise(BigDecimal value, BigDecimal baseline, BigDecimal target, Direction direction) {
        BigDecimal distance = target.subtract(baseline);
        if (distance.signum() == 0) {
            int cmp = value.compareTo(target);
            boolean reached = direction == Direction.HIGHER_IS_BETTER ? cmp >= 0 : cmp <= 0;
            return reached ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        BigDecimal place = value.subtract(baseline).divide(distance, MATH);
        if (place.signum() < 0) {
            return BigDecimal.ZERO;
        }
        return place.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : place;
    }

    /** A scored indicator: its place and its weight. */
    record Scored(BigDecimal normalised, BigDecimal weight) {}

    /** The weighted mean of the places times 100; null when nothing was scored. */
    static @Nullable BigDecimal weightedScore(List<Scored> scored) {
        if (scored.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Scored s : scored) {
            sum = sum.add(s.normalised().multiply(s.weight(), MATH), MATH);
            weights = weights.add(s.weight(), MATH);
        }
        return sum.divide(weights, MATH).multiply(HUNDRED, MATH);
    }

    /** The mean of the scores that exist; null when none does. */
    static @Nullable BigDecimal overall(List<@Nullable BigDecimal> dimensionScores) {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (BigDecimal score : dimensionScores) {
            if (score != null) {
                sum = sum.add(score, MATH);
                count++;
            }
        }
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), MATH);
    }

    /** What goes into one indicator's line of a dimension. */
    record Input(
            IndicatorView indicator,
            Benchmarks benchmarks,
            String benchmarkOrgUnitName,
            @Nullable BigDecimal value,
            BigDecimal weight) {}

    /** A dimension's view and its exact score (for the overall score). */
    record Evaluated(SsrIndex.DimensionScore view, @Nullable BigDecimal exactScore) {}

    /** Scores one dimension of one period from its applicable indicators. */
    static Evaluated evaluate(Dimension dimension, List<Input> inputs, Period period) {
        List<SsrIndex.IndicatorScore> lines = new ArrayList<>();
        List<Scored> scored = new ArrayList<>();
        for (Input in : inputs) {
            IndicatorView indicator = in.indicator();
            BigDecimal baseline = in.benchmarks().baseline().value();
            IndicatorView.Benchmark target = in.benchmarks().targetFor(period);
            BigDecimal normalised = null;
            SsrIndex.IndicatorStatus status;
            if (contradicts(baseline, target.value(), indicator.direction())) {
                status = SsrIndex.IndicatorStatus.CONTRADICTS_DIRECTION;
            } else if (in.value() == null) {
                status = SsrIndex.IndicatorStatus.NO_DATA;
            } else {
                status = SsrIndex.IndicatorStatus.SCORED;
                normalised = normalise(in.value(), baseline, target.value(), indicator.direction());
                scored.add(new Scored(normalised, in.weight()));
            }
            lines.add(new SsrIndex.IndicatorScore(
                    indicator.id(),
                    indicator.code(),
                    indicator.name(),
                    indicator.unit(),
                    indicator.direction(),
                    in.value() == null ? null : plain(in.value(), 6),
                    plain(baseline, 6),
                    in.benchmarks().baseline().period(),
                    plain(target.value(), 6),
                    target.period(),
                    in.benchmarks().orgUnitId(),
                    in.benchmarkOrgUnitName(),
                    normalised == null ? null : plain(normalised, 4),
                    plain(in.weight(), 4),
                    status));
        }
        BigDecimal score = weightedScore(scored);
        SsrIndex.DimensionScore view = new SsrIndex.DimensionScore(
                dimension,
                score == null ? null : plain(score, 2),
                new SsrIndex.Coverage(scored.size(), inputs.size()),
                List.copyOf(lines));
        return new Evaluated(view, score);
    }

    /** A number rounded to at most {@code scale} decimals, without trailing zeros. */
    static BigDecimal plain(BigDecimal value, int scale) {
        BigDecimal v = value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
