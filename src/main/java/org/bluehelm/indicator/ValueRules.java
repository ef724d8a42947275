package org.bluehelm.indicator;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Whether a number is a valid value of an indicator: it fits the stored precision (numeric(20,6)),
 * has the indicator's value type (whole for INTEGER, 0 or 1 for BOOLEAN, 0 to 100 for PERCENTAGE)
 * and lies within the indicator's minimum and maximum.
 */
final class ValueRules {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final int MAX_DECIMALS = 6;
    private static final BigDecimal TOO_LARGE = new BigDecimal("1e14");

    private ValueRules() {}

    /** The problem with the value, or null when it is valid. */
    static @Nullable String problem(
            ValueType type, @Nullable BigDecimal min, @Nullable BigDecimal max, BigDecimal value) {
        String size = sizeProblem(value);
        if (size != null) {
            return size;
        }
        switch (type) {
            case INTEGER -> {
                if (!isWhole(value)) {
                    return "must be a whole number (the indicator counts in integers)";
                }
            }
            case BOOLEAN -> {
                if (value.compareTo(BigDecimal.ZERO) != 0 && value.compareTo(BigDecimal.ONE) != 0) {
                    return "must be 1 (yes) or 0 (no)";
                }
            }
            case PERCENTAGE -> {
                if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
                    return "must be a percentage between 0 and 100";
                }
            }
            case NUMBER -> {
                // any number that fits
            }
        }
        if (min != null && value.compareTo(min) < 0) {
            return "must be at least " + plain(min);
        }
        if (max != null && value.compareTo(max) > 0) {
            return "must be at most " + plain(max);
        }
        return null;
    }

    /** Whether the number fits numeric(20,6): at most 6 decimal places and 14 digits before the point. */
    static @Nullable String sizeProblem(BigDecimal value) {
        if (value.abs().compareTo(TOO_LARGE) >= 0) {
            return "must be smaller than 100000000000000 in magnitude";
        }
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return "must have at most " + MAX_DECIMALS + " decimal places";
        }
        return null;
    }

    static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /** The number without trailing zeros and without an exponent: 12.500000 -> 12.5, 100.000000 -> 100. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static @Nullable BigDecimal plainOrNull(@Nullable BigDecimal value) {
        return value == null ? null : plain(value);
    }
}
