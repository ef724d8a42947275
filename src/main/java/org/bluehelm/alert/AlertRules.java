package org.bluehelm.alert;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import org.bluehelm.indicator.Direction;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;

/**
 * The arithmetic of the rules, kept apart from storage so that it can be tested on its own.
 *
 * <ul>
 *   <li>A RATIO indicator's value: the numerator's total over the denominator's, times 100 for a
 *       PERCENTAGE, computed as analytics computes it (16 significant digits, then rounded to the
 *       6 decimal places values are stored with); none when the denominator is 0.
 *   <li>THRESHOLD: a breach is strictly above (ABOVE) or strictly below (BELOW) the threshold.
 *   <li>DETERIORATION: the change from the previous period's total in percent of that total,
 *       counted as "worse" in the indicator's direction (a fall for HIGHER_IS_BETTER, a rise for
 *       LOWER_IS_BETTER); a breach is worse by more than the rule's percentage. No change can be
 *       computed from a previous total of zero, so that never breaches.
 *   <li>MISSING: a value for a period is due {@code dueDays} days after the period ends; the period
 *       checked on a day is the latest one whose due date has passed.
 * </ul>
 */
final class AlertRules {

    private AlertRules() {}

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int SCALE = 6;

    /** The ratio of the two totals, in percent when {@code percentage}; empty when the denominator is 0. */
    static Optional<BigDecimal> ratio(BigDecimal numerator, BigDecimal denominator, boolean percentage) {
        if (denominator.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal ratio = numerator.divide(denominator, MathContext.DECIMAL64);
        if (percentage) {
            ratio = ratio.multiply(HUNDRED);
        }
        return Optional.of(ratio.scale() > SCALE ? ratio.setScale(SCALE, RoundingMode.HALF_UP) : ratio);
    }

    static boolean crosses(ThresholdOperator operator, BigDecimal threshold, BigDecimal value) {
        int c = value.compareTo(threshold);
        return operator == ThresholdOperator.ABOVE ? c > 0 : c < 0;
    }

    /**
     * How much worse {@code current} is than {@code previous}, in percent of the previous total
     * (negative when it is better); empty when the previous total is zero.
     */
    static Optional<BigDecimal> worseByPercent(Direction direction, BigDecimal previous, BigDecimal current) {
        if (previous.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal change = current.subtract(previous)
                .multiply(BigDecimal.valueOf(100))
                .divide(previous.abs(), 6, RoundingMode.HALF_UP);
        return Optional.of(direction == Direction.HIGHER_IS_BETTER ? change.negate() : change);
    }

    /** Whether the change breaches a DETERIORATION rule of {@code percent}. */
    static boolean deteriorates(Direction direction, BigDecimal percent, BigDecimal previous, BigDecimal current) {
        return worseByPercent(direction, previous, current)
                .map(worse -> worse.compareTo(percent) > 0)
                .orElse(false);
    }

    /** The period of the same type just before this one (the quarter before 2024Q1 is 2023Q4). */
    static Period previous(Period period) {
        return Period.day(period.startDate().minusDays(1)).rollUpTo(period.type());
    }

    /** The period of the same type just after this one. */
    static Period next(Period period) {
        return Period.day(period.endDate().plusDays(1)).rollUpTo(period.type());
    }

    /** The last day on which a value for the period is still on time. */
    static LocalDate dueDate(Period period, int dueDays) {
        return period.endDate().plusDays(dueDays);
    }

    /** The latest period of the type whose value was due before {@code today}. */
    static Period latestOverdue(PeriodType type, int dueDays, LocalDate today) {
        Period period = Period.day(today).rollUpTo(type);
        while (!dueDate(period, dueDays).isBefore(today)) {
            period = previous(period);
        }
        return period;
    }
}
