package org.bluehelm.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.bluehelm.indicator.Direction;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.junit.jupiter.api.Test;

class AlertRulesTests {

    private static BigDecimal n(String text) {
        return new BigDecimal(text);
    }

    @Test
    void aThresholdIsCrossedStrictlyAboveOrBelow() {
        assertThat(AlertRules.crosses(ThresholdOperator.ABOVE, n("100"), n("100.5")))
                .isTrue();
        assertThat(AlertRules.crosses(ThresholdOperator.ABOVE, n("100"), n("100")))
                .isFalse();
        assertThat(AlertRules.crosses(ThresholdOperator.ABOVE, n("100"), n("99")))
                .isFalse();
        assertThat(AlertRules.crosses(ThresholdOperator.BELOW, n("50"), n("49.99")))
                .isTrue();
        assertThat(AlertRules.crosses(ThresholdOperator.BELOW, n("50"), n("50.000")))
                .isFalse();
        assertThat(AlertRules.crosses(ThresholdOperator.BELOW, n("0"), n("-1"))).isTrue();
    }

    @Test
    void deteriorationFollowsTheIndicatorsDirection() {
        // 100 -> 80: a fall of 20 %, worse when higher is better, better when lower is better
        assertThat(AlertRules.worseByPercent(Direction.HIGHER_IS_BETTER, n("100"), n("80")))
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("20"));
        assertThat(AlertRules.worseByPercent(Direction.LOWER_IS_BETTER, n("100"), n("80")))
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("-20"));
        // 40 -> 50 complaints unresolved: 25 % worse when lower is better
        assertThat(AlertRules.worseByPercent(Direction.LOWER_IS_BETTER, n("40"), n("50")))
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("25"));
        // a negative previous total: the change is measured against its size
        assertThat(AlertRules.worseByPercent(Direction.HIGHER_IS_BETTER, n("-10"), n("-15")))
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("50"));
        assertThat(AlertRules.worseByPercent(Direction.HIGHER_IS_BETTER, n("0"), n("5")))
                .isEmpty();
    }

    @Test
    void aDeteriorationBreachesOnlyBeyondThePercentage() {
        assertThat(AlertRules.deteriorates(Direction.HIGHER_IS_BETTER, n("10"), n("100"), n("89")))
                .isTrue();
        assertThat(AlertRules.deteriorates(Direction.HIGHER_IS_BETTER, n("10"), n("100"), n("90")))
                .isFalse();
        assertThat(AlertRules.deteriorates(Direction.HIGHER_IS_BETTER, n("10"), n("100"), n("150")))
                .isFalse();
        assertThat(AlertRules.deteriorates(Direction.LOWER_IS_BETTER, n("10"), n("100"), n("111")))
                .isTrue();
        assertThat(AlertRules.deteriorates(Direction.LOWER_IS_BETTER, n("10"), n("100"), n("50")))
                .isFalse();
        assertThat(AlertRules.deteriorates(Direction.LOWER_IS_BETTER, n("10"), n("0"), n("50")))
                .isFalse();
    }

    @Test
    void aRatioIsTheNumeratorOverTheDenominatorInPercentForAPercentageAsAnalyticsComputesIt() {
        assertThat(AlertRules.ratio(n("3"), n("10"), true))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("30"));
        assertThat(AlertRules.ratio(n("3"), n("10"), false))
                .hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.3"));
        // 16 significant digits, then the 6 decimal places a value is stored with
        assertThat(AlertRules.ratio(n("1"), n("3"), true)).hasValue(n("33.333333"));
        assertThat(AlertRules.ratio(n("2"), n("3"), false)).hasValue(n("0.666667"));
        assertThat(AlertRules.ratio(n("5"), n("0"), true)).isEmpty();
        assertThat(AlertRules.ratio(n("0"), n("0.000"), false)).isEmpty();
    }

    @Test
    void thePreviousAndNextPeriodsAreOfTheSameType() {
        assertThat(AlertRules.previous(Period.parse("2024Q1")).id()).isEqualTo("2023Q4");
        assertThat(AlertRules.previous(Period.parse("202403")).id()).isEqualTo("202402");
        assertThat(AlertRules.previous(Period.parse("2024")).id()).isEqualTo("2023");
        assertThat(AlertRules.previous(Period.parse("2024W01")).id()).isEqualTo("2023W52");
        assertThat(AlertRules.previous(Period.parse("2021W01")).id()).isEqualTo("2020W53");
        assertThat(AlertRules.previous(Period.parse("20240301")).id()).isEqualTo("20240229");
        assertThat(AlertRules.next(Period.parse("2023Q4")).id()).isEqualTo("2024Q1");
        assertThat(AlertRules.next(Period.parse("2020W53")).id()).isEqualTo("2021W01");
    }

    @Test
    void theOverduePeriodIsTheLatestWhoseDueDateHasPassed() {
        // 2024Q1 ends on 31 March; due 15 days later, on 15 April
        assertThat(AlertRules.dueDate(Period.parse("2024Q1"), 15)).isEqualTo(LocalDate.of(2024, 4, 15));
        assertThat(AlertRules.latestOverdue(PeriodType.QUARTERLY, 15, LocalDate.of(2024, 4, 15))
                        .id())
                .isEqualTo("2023Q4");
        assertThat(AlertRules.latestOverdue(PeriodType.QUARTERLY, 15, LocalDate.of(2024, 4, 16))
                        .id())
                .isEqualTo("2024Q1");
        assertThat(AlertRules.latestOverdue(PeriodType.MONTHLY, 0, LocalDate.of(2024, 3, 1))
                        .id())
                .isEqualTo("202402");
        assertThat(AlertRules.latestOverdue(PeriodType.YEARLY, 90, LocalDate.of(2024, 3, 1))
                        .id())
                .isEqualTo("2022");
    }
}
