package org.bluehelm.portal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One approved value of a released indicator for an org unit and period, as published. A
 * suppressed small cell has no value and {@code suppressed} true (shown as "&lt;5").
 */
public record PublicValue(
        String indicatorCode,
        String indicatorName,
        String unit,
        String dimension,
        String orgUnit,
        String period,
        @Nullable BigDecimal value,
        boolean suppressed) {}
