package org.bluehelm.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/**
 * An indicator with its disaggregation categories (and their options), baselines and targets.
 * Mission and country both null: the shared library, visible to everyone.
 */
public record IndicatorView(
        long id,
        String code,
        String name,
        @Nullable String definition,
        String unit,
        ValueType valueType,
        @Nullable BigDecimal minValue,
        @Nullable BigDecimal maxValue,
        Aggregation aggregation,
        @Nullable Long numeratorId,
        @Nullable Long denominatorId,
        Direction direction,
        Dimension dimension,
        @Nullable Pillar pillar,
        @Nullable Long missionId,
        @Nullable String countryCode,
        List<CategoryView> categories,
        List<Benchmark> baselinesAndTargets,
        int version) {

    public boolean library() {
        return missionId == null && countryCode == null;
    }

    /** A baseline or target for one organisation unit and period. */
    public record Benchmark(
            BenchmarkKind kind,
            long orgUnitId,
            String period,
            PeriodType periodType,
            LocalDate startDate,
            LocalDate endDate,
            BigDecimal value) {}
}
