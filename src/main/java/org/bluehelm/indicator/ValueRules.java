package org.bluehelm.indicator;

import java.math.BigDecimal;
import org.bluehelm.shared.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * Whether a number is a valid value of an indicator: it fits the stored precision (numeric(20,6)),
 * has the indicator's value type (whole for INTEGER, 0 or 1 for BOOLEAN, 0 to 100 for PERCENTAGE)
 * and lies within the indicator's minimum and maximum. Each problem carries a message code
 * ({@code indicator.value.*}) so that the web UI can show it in the user's language.
 */
final class ValueRules {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final int MAX_DECIMALS = 6;
    private static final BigDecimal TOO_LARGE = new BigDecimal("1e14");

    private ValueRules() {}

    /** The problem with the value, or null when it is valid. */
    static @Nullable String problem(
            ValueType type, @Nullable BigDecimal min, @Nullable BigDecimal max, BigDecimal value) {
        FieldProblem problem = problem("value", type, min, max, value);
        return problem == null ? null : problem.message();
    }

    /** The problem with the value as a problem of the named field, or null when it is valid. */
    static @Nullable FieldProblem problem(
            String field, ValueType type, @Nullable BigDecimal min, @Nullable BigDecimal max, BigDecimal value) {
        FieldProblem size = sizeProblem(field, value);
        if (size != null) {
            return size;
        }
        switch (type) {
            case INTEGER -> {
                if (!isWhole(value)) {
                    return coded(
                            field,
                            "must be a whole number (the indicator counts in integers)",
                            "indicator.value.whole");
                }
            }
            case BOOLEAN -> {
                if (value.compareTo(BigDecimal.ZERO) != 0 && value.compareTo(BigDecimal.ONE) != 0) {
                    return coded(field, "must be 1 (yes) or 0 (no)", "indicator.value.boolean");
                }
            }
            case PERCENTAGE -> {
                if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
                    return coded(field, "must be a percentage between 0 and 100", "indicator.value.percentage");
                }
            }
            case NUMBER -> {
                // any number that fits
            }
        }
        if (min != null && value.compareTo(min) < 0) {
            return coded(field, "must be at least " + plain(min), "indicator.value.atLeast", plain(min));
        }
        if (max != null && value.compareTo(max) > 0) {
            return coded(field, "must be at most " + plain(max), "indicator.value.atMost", plain(max));
        }
        return null;
    }

    /** Whether the number fits numeric(20,6): at most 6 decimal places and 14 digits before the point. */
    static @Nullable String sizeProblem(BigDecimal value) {
        FieldProblem problem = sizeProblem("value", value);
        return problem == null ? null : problem.message();
    }

    static @Nullable FieldProblem sizeProblem(String field, BigDecimal value) {
        if (value.abs().compareTo(TOO_LARGE) >= 0) {
            return coded(field, "must be smaller than 100000000000000 in magnitude", "indicator.value.tooLarge");
        }
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return coded(
                    field,
                    "must have at most " + MAX_DECIMALS + " decimal places",
                    "indicator.value.decimals",
                    MAX_DECIMALS);
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

    private static FieldProblem coded(String field, String message, String code, Object... args) {
        return new FieldProblem(field, message, code, java.util.List.of(args));
    }
}
