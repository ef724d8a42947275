package org.bluehelm.alert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.bluehelm.indicator.SmallCells;
import org.jspecify.annotations.Nullable;

/**
 * An alert: which rule fired for which unit and period, with what it saw. {@code value} is the
 * unit's total (null for MISSING); {@code referenceValue} the threshold (THRESHOLD) or the total of
 * {@code referencePeriod} (DETERIORATION); {@code changePercent} how much worse, in percent;
 * {@code dueDate} the last day a MISSING value was on time. {@code suppressedBelow} is set when a
 * count under the indicator's small-cell threshold was left out for this reader (value, reference
 * value and change percent then null where they would show it; see {@code SmallCells}).
 */
public record AlertView(
        long id,
        long ruleId,
        AlertKind kind,
        @Nullable ThresholdOperator operator,
        long indicatorId,
        String indicatorCode,
        String indicatorName,
        long orgUnitId,
        String orgUnitCode,
        String orgUnitName,
        String period,
        @Nullable BigDecimal value,
        @Nullable BigDecimal referenceValue,
        @Nullable String referencePeriod,
        @Nullable BigDecimal changePercent,
        @Nullable Integer suppressedBelow,
        @Nullable LocalDate dueDate,
        AlertState state,
        OffsetDateTime raisedAt,
        OffsetDateTime updatedAt,
        @Nullable String acknowledgedBy,
        @Nullable OffsetDateTime acknowledgedAt,
        @Nullable OffsetDateTime resolvedAt,
        @Nullable Long missionId,
        String countryCode,
        int version) {

    /**
     * The alert as a reader who may not see counts under the threshold sees it: such a value left
     * out, and so is a deterioration's earlier value (a threshold rule's reference is the rule's own
     * figure) and the change percent that would give either away.
     */
    public AlertView hidingCountsUnder(@Nullable Integer threshold) {
        boolean valueHidden = SmallCells.hides(threshold, value);
        boolean referenceHidden = kind == AlertKind.DETERIORATION && SmallCells.hides(threshold, referenceValue);
        if (!valueHidden && !referenceHidden) {
            return this;
        }
        return new AlertView(
                id,
                ruleId,
                kind,
                operator,
                indicatorId,
                indicatorCode,
                indicatorName,
                orgUnitId,
                orgUnitCode,
                orgUnitName,
                period,
                valueHidden ? null : value,
                referenceHidden ? null : referenceValue,
                referencePeriod,
                null,
                threshold,
                dueDate,
                state,
                raisedAt,
                updatedAt,
                acknowledgedBy,
                acknowledgedAt,
                resolvedAt,
                missionId,
                countryCode,
                version);
    }
}
