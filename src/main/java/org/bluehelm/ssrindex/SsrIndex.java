package org.bluehelm.ssrindex;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.indicator.Direction;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/**
 * The composite index of one organisation unit (or institution) in one period: the overall score,
 * then one score per dimension with its coverage and the indicators behind it. A score is null
 * when no applicable indicator had a value; scores run from 0 (baseline) to 100 (target reached).
 */
public record SsrIndex(
        OrgUnitItem orgUnit,
        @Nullable InstitutionItem institution,
        PeriodItem period,
        @Nullable BigDecimal score,
        Coverage coverage,
        List<DimensionScore> dimensions) {

    public record OrgUnitItem(long id, String code, String name, int level, String countryCode) {}

    public record InstitutionItem(
            long id, String name, @Nullable String acronym) {}

    public record PeriodItem(String id, PeriodType type, LocalDate startDate, LocalDate endDate) {}

    /** How many of the applicable indicators had a value that could be scored ({@code covered} of {@code applicable}). */
    public record Coverage(int covered, int applicable) {}

    public record DimensionScore(
            Dimension dimension, @Nullable BigDecimal score, Coverage coverage, List<IndicatorScore> indicators) {}

    /**
     * One indicator of a dimension: its aggregated value, the baseline and target it is placed
     * between (from {@code benchmarkOrgUnitId}: the unit itself or the nearest unit above it), its
     * place between them ({@code normalised}, 0 to 1) and its weight.
     */
    public record IndicatorScore(
            long id,
            String code,
            String name,
            String unit,
            Direction direction,
            @Nullable BigDecimal value,
            BigDecimal baseline,
            String baselinePeriod,
            BigDecimal target,
            String targetPeriod,
            long benchmarkOrgUnitId,
            String benchmarkOrgUnitName,
            @Nullable BigDecimal normalised,
            BigDecimal weight,
            IndicatorStatus status) {}

    /**
     * SCORED: the indicator counts. NO_DATA: no value in the unit and period. CONTRADICTS_DIRECTION:
     * the target lies on the wrong side of the baseline for the indicator's direction (e.g. a
     * higher target for a LOWER_IS_BETTER indicator), so the value is shown but not scored.
     */
    public enum IndicatorStatus {
        SCORED,
        NO_DATA,
        CONTRADICTS_DIRECTION
    }
}
