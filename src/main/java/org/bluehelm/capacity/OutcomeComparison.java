package org.bluehelm.capacity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Training set against an outcome indicator for an institution: by quarter, the coverage of its
 * actual strength trained to date and the outcome's value at its org unit; and, over its units
 * (those with an org unit), the outcome's mean before and after each unit's first training, beside
 * the same split for units not yet trained (at the earliest first training). An association, not
 * proof: units are not trained at random and much else changes at the same time.
 */
public record OutcomeComparison(
        long institutionId,
        String institutionName,
        @Nullable String indicatorCode,
        @Nullable String indicatorName,
        List<Point> series,
        List<UnitRow> units,
        @Nullable Double trainedChange,
        @Nullable Double untrainedChange) {

    public record Point(
            String period,
            @Nullable Double coveragePercent,
            @Nullable Double outcome) {}

    public record UnitRow(
            long institutionId,
            String name,
            @Nullable String firstTrained,
            @Nullable Double before,
            @Nullable Double after,
            @Nullable Double change) {}
}
