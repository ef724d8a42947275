package org.bluehelm.progress;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.bluehelm.indicator.Direction;
import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of progress, apart from where the numbers come from (so that it is tested alone).
 *
 * <p>Achieved: {@code (current - baseline) / (target - baseline)}, the share of the way from
 * baseline to target covered. The same formula serves both directions: with a lower-is-better
 * indicator the target lies below the baseline, numerator and denominator are both negative while
 * the value falls, and the share is positive. It is not clamped: a value worse than the baseline
 * gives a negative share, one beyond the target more than 1. When the target equals the baseline
 * (a level to hold) there is no way to cover: the target is met or not, read with the direction.
 *
 * <p>Expected: the share of the time from the end of the baseline period to the end of the target
 * period that has passed on the as-of day, between 0 and 1; a straight path from baseline to
 * target.
 *
 * <p>Status: on track when the target is met or achieved is at least {@code onTrack} times
 * expected; at risk when at least {@code atRisk} times; off track below.
 *
 * <p>Trend: the least-squares slope of the values against the index of their period in the window
 * (periods without a value are left out, not taken as zero). The fitted line moves by {@code slope
 * x (periods - 1)} across the window; when that is less than {@code stableChange} of the distance
 * from baseline to target (without both, of the mean size of the values) the trend is stable,
 * otherwise improving or worsening according to the indicator's direction. At least three values
 * are needed.
 */
final class ProgressJudge {

    static final int MIN_TREND_POINTS = 3;
    private static final MathContext MATH = MathContext.DECIMAL64;

    private final ProgressProperties properties;

    ProgressJudge(ProgressProperties properties) {
        this.properties = properties;
    }

    ProgressProperties properties() {
        return properties;
    }

    /** The share of the way from baseline to target covered; null when the target equals the baseline. */
    static @Nullable BigDecimal achieved(BigDecimal baseline, BigDecimal target, BigDecimal current) {
        BigDecimal distance = target.subtract(baseline);
        if (distance.signum() == 0) {
            return null;
        }
        return current.subtract(baseline).divide(distance, MATH);
    }

    /** Whether the value is at or beyond the target, in the direction that is better. */
    static boolean met(BigDecimal target, BigDecimal current, Direction direction) {
        int c = current.compareTo(target);
        return direction == Direction.HIGHER_IS_BETTER ? c >= 0 : c <= 0;
    }

    /**
     * The share of the way expected on {@code asOf}: 0 until the baseline period ends, 1 once the
     * target period has ended, linear in between (1 when the target does not end after the baseline).
     */
    static double expected(LocalDate baselineEnd, LocalDate targetEnd, LocalDate asOf) {
        long span = ChronoUnit.DAYS.between(baselineEnd, targetEnd);
        if (span <= 0) {
            return 1;
        }
        long passed = ChronoUnit.DAYS.between(baselineEnd, asOf);
        return Math.max(0, Math.min(1, (double) passed / span));
    }

    ProgressStatus status(
            BigDecimal baseline, BigDecimal target, BigDecimal current, Direction direction, double expected) {
        BigDecimal achieved = achieved(baseline, target, current);
        if (achieved == null) {
            return met(target, current, direction) ? ProgressStatus.ON_TRACK : ProgressStatus.OFF_TRACK;
        }
        double share = achieved.doubleValue();
        if (share >= 1 || share >= properties.onTrack() * expected) {
            return ProgressStatus.ON_TRACK;
        }
        if (share >= properties.atRisk() * expected) {
            return ProgressStatus.AT_RISK;
        }
        return ProgressStatus.OFF_TRACK;
    }

    /** A point of the trend: the index of its period in the window (0 the oldest) and its value. */
    record IndexedValue(int index, double value) {}

    /** The least-squares slope in units per period; null with fewer than {@link #MIN_TREND_POINTS} points. */
    static @Nullable Double slope(List<IndexedValue> points) {
        if (points.size() < MIN_TREND_POINTS) {
            return null;
        }
        SimpleRegression regression = new SimpleRegression();
        points.forEach(p -> regression.addData(p.index(), p.value()));
        return regression.getSlope();
    }

    /**
     * What the slope means over a window of {@code periods} periods, measured against {@code
     * distance} (the distance from baseline to target, or null to use the mean size of the values).
     */
    TrendLabel trend(List<IndexedValue> points, int periods, @Nullable BigDecimal distance, Direction direction) {
        Double slope = slope(points);
        if (slope == null) {
            return TrendLabel.TOO_FEW_POINTS;
        }
        double scale = distance != null && distance.signum() != 0
                ? distance.abs().doubleValue()
                : points.stream()
                        .mapToDouble(p -> Math.abs(p.value()))
                        .average()
                        .orElse(0);
        double change = slope * (periods - 1);
        if (change == 0 || Math.abs(change) < properties.stableChange() * scale) {
            return TrendLabel.STABLE;
        }
        boolean rising = change > 0;
        return rising == (direction == Direction.HIGHER_IS_BETTER) ? TrendLabel.IMPROVING : TrendLabel.WORSENING;
    }

    /** A share as a percentage with one decimal. */
    static BigDecimal percent(BigDecimal share) {
        return plain(share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP));
    }

    static BigDecimal percent(double share) {
        return percent(BigDecimal.valueOf(share));
    }

    /** Without trailing zeros and never in exponent form. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
