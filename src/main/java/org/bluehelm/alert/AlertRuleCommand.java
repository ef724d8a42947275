package org.bluehelm.alert;

import java.math.BigDecimal;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/**
 * A rule as a client sends it. THRESHOLD needs {@code operator} and {@code threshold};
 * DETERIORATION {@code percent} (more than 0); MISSING {@code dueDays} and {@code periodType}. For
 * THRESHOLD and DETERIORATION {@code periodType} is optional (any type when absent).
 * {@code orgUnitId} restricts the rule to that unit and those below it; {@code active} defaults to
 * true.
 */
public record AlertRuleCommand(
        @Nullable Long indicatorId,
        @Nullable AlertKind kind,
        @Nullable ThresholdOperator operator,
        @Nullable BigDecimal threshold,
        @Nullable BigDecimal percent,
        @Nullable Integer dueDays,
        @Nullable PeriodType periodType,
        @Nullable Long orgUnitId,
        @Nullable Boolean active) {}
