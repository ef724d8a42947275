package org.bluehelm.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ValueRulesTests {

    private static String problem(ValueType type, String min, String max, String value) {
        return ValueRules.problem(
                type,
                min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max),
                new BigDecimal(value));
    }

    @Test
    void integersMustBeWhole() {
        assertThat(problem(ValueType.INTEGER, null, null, "12")).isNull();
        assertThat(problem(ValueType.INTEGER, null, null, "12.000")).isNull();
        assertThat(problem(ValueType.INTEGER, null, null, "0.0")).isNull();
        assertThat(problem(ValueType.INTEGER, null, null, "1E+3")).isNull();
        assertThat(problem(ValueType.INTEGER, null, null, "12.5")).contains("whole number");
    }

    @Test
    void booleansAreZeroOrOne() {
        assertThat(problem(ValueType.BOOLEAN, null, null, "0")).isNull();
        assertThat(problem(ValueType.BOOLEAN, null, null, "1.00")).isNull();
        assertThat(problem(ValueType.BOOLEAN, null, null, "2")).contains("1 (yes) or 0 (no)");
        assertThat(problem(ValueType.BOOLEAN, null, null, "0.5")).isNotNull();
    }

    @Test
    void percentagesLieBetweenZeroAndHundred() {
        assertThat(problem(ValueType.PERCENTAGE, null, null, "0")).isNull();
        assertThat(problem(ValueType.PERCENTAGE, null, null, "100")).isNull();
        assertThat(problem(ValueType.PERCENTAGE, null, null, "37.25")).isNull();
        assertThat(problem(ValueType.PERCENTAGE, null, null, "100.01")).contains("between 0 and 100");
        assertThat(problem(ValueType.PERCENTAGE, null, null, "-1")).contains("between 0 and 100");
    }

    @Test
    void valuesRespectTheIndicatorsRange() {
        assertThat(problem(ValueType.NUMBER, "10", "20.5", "10")).isNull();
        assertThat(problem(ValueType.NUMBER, "10", "20.5", "20.5")).isNull();
        assertThat(problem(ValueType.NUMBER, "10.000000", null, "9.99")).isEqualTo("must be at least 10");
        assertThat(problem(ValueType.NUMBER, null, "20.500000", "21")).isEqualTo("must be at most 20.5");
        assertThat(problem(ValueType.PERCENTAGE, "0", "50", "60")).isEqualTo("must be at most 50");
    }

    @Test
    void valuesFitTheStoredPrecision() {
        assertThat(problem(ValueType.NUMBER, null, null, "0.123456")).isNull();
        assertThat(problem(ValueType.NUMBER, null, null, "0.1234560")).isNull();
        assertThat(problem(ValueType.NUMBER, null, null, "0.1234567")).contains("6 decimal places");
        assertThat(problem(ValueType.NUMBER, null, null, "99999999999999.999999"))
                .isNull();
        assertThat(problem(ValueType.NUMBER, null, null, "100000000000000")).contains("smaller than");
        assertThat(problem(ValueType.NUMBER, null, null, "-100000000000000")).contains("smaller than");
    }

    @Test
    void plainNumbersHaveNoExponentAndNoTrailingZeros() {
        assertThat(ValueRules.plain(new BigDecimal("100.000000")).toString()).isEqualTo("100");
        assertThat(ValueRules.plain(new BigDecimal("12.500000")).toString()).isEqualTo("12.5");
        assertThat(ValueRules.plain(new BigDecimal("0.000000")).toString()).isEqualTo("0");
    }
}
