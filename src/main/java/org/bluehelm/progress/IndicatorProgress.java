package org.bluehelm.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.bluehelm.indicator.Direction;
import org.jspecify.annotations.Nullable;

/**
 * How far an indicator has come at an organisation unit on {@code asOf}: the baseline and target set
 * for the unit, the latest aggregated value (the unit and every unit below it), the percentage of
 * the way from baseline to target achieved (not clamped: below 0 is worse than the baseline, above
 * 100 beyond the target), the percentage expected by {@code asOf} on a straight path from the end
 * of the baseline period to the end of the target period, the status that comparison gives, and
 * the trend over the last periods. Percentages have one decimal; they are null when they cannot be
 * computed (no baseline, target or value; a target equal to its baseline).
 */
public record IndicatorProgress(
        long indicatorId,
        String indicatorCode,
        String indicatorName,
        String unit,
        Direction direction,
        long orgUnitId,
        String orgUnitCode,
        String orgUnitName,
        LocalDate asOf,
        @Nullable Benchmark baseline,
        @Nullable Benchmark target,
        @Nullable Value current,
        @Nullable BigDecimal percentAchieved,
        @Nullable BigDecimal expectedPercent,
        ProgressStatus status,
        Trend trend) {

    /** A baseline or target: its period, the day that period ends, and the value. */
    public record Benchmark(String period, LocalDate endDate, BigDecimal value) {}

    /** An aggregated value and the period it is of. */
    public record Value(String period, BigDecimal value) {}
}
