package org.bluehelm.measurement;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One value to record. No option means the total; an option code alone is enough when only one of
 * the indicator's categories has it. The version is required when a value is already stored for
 * the same indicator, unit, period and option (and must then be the version read), and must be
 * absent otherwise.
 */
public record DataValueCommand(
        @Nullable Long indicatorId,
        @Nullable Long orgUnitId,
        @Nullable String period,
        @Nullable String categoryCode,
        @Nullable String optionCode,
        @Nullable BigDecimal value,
        @Nullable String comment,
        @Nullable Integer version) {}
