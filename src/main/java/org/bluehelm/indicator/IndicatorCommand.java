package org.bluehelm.indicator;

import java.math.BigDecimal;
import java.util.List;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/**
 * What a user sends to create or change an indicator. Categories are category codes; a RATIO names
 * its numerator and denominator indicators; mission and country (both optional) set who sees it,
 * and cannot change once it exists.
 */
public record IndicatorCommand(
        @Nullable String code,
        @Nullable String name,
        @Nullable String definition,
        @Nullable String unit,
        @Nullable ValueType valueType,
        @Nullable BigDecimal minValue,
        @Nullable BigDecimal maxValue,
        @Nullable Aggregation aggregation,
        @Nullable Long numeratorId,
        @Nullable Long denominatorId,
        @Nullable Direction direction,
        @Nullable Dimension dimension,
        @Nullable Pillar pillar,
        @Nullable Long missionId,
        @Nullable String countryCode,
        @Nullable List<String> categories,
        @Nullable List<BenchmarkCommand> baselinesAndTargets) {

    /**
     * A whole-number ({@link ValueType#INTEGER}) indicator summed over areas and periods, with no
     * definition, no minimum or maximum and no numerator or denominator.
     */
    public static IndicatorCommand sum(
            String code,
            String name,
            String unit,
            Direction direction,
            Dimension dimension,
            @Nullable Pillar pillar,
            @Nullable Long missionId,
            @Nullable String countryCode,
            List<String> categories,
            List<BenchmarkCommand> baselinesAndTargets) {
        return new IndicatorCommand(
                code,
                name,
                null,
                unit,
                ValueType.INTEGER,
                null,
                null,
                Aggregation.SUM,
                null,
                null,
                direction,
                dimension,
                pillar,
                missionId,
                countryCode,
                categories,
                baselinesAndTargets);
    }

    /** The same command with another value type. */
    public IndicatorCommand withValueType(ValueType type) {
        return new IndicatorCommand(
                code,
                name,
                definition,
                unit,
                type,
                minValue,
                maxValue,
                aggregation,
                numeratorId,
                denominatorId,
                direction,
                dimension,
                pillar,
                missionId,
                countryCode,
                categories,
                baselinesAndTargets);
    }

    /** A baseline or target: the period is a DHIS2 period id such as 2024 or 2024Q1. */
    public record BenchmarkCommand(
            @Nullable BenchmarkKind kind,
            @Nullable Long orgUnitId,
            @Nullable String period,
            @Nullable BigDecimal value) {}
}
