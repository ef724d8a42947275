package org.bluehelm.progress;

import java.math.BigDecimal;
import java.util.List;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/**
 * The trend of an indicator at a unit over the last {@code periods} periods of {@code periodType}
 * (the type its latest value was recorded in), ending with the period of that value: the periods
 * with a value ({@code points}, oldest first), the least-squares slope through them in units per
 * period, and what that slope means. Type and slope are null when there are no (or too few) points.
 */
public record Trend(
        @Nullable PeriodType periodType,
        int periods,
        List<Point> points,
        @Nullable BigDecimal slope,
        TrendLabel label) {

    public Trend {
        points = List.copyOf(points);
    }

    /** The aggregated value of one period. */
    public record Point(String period, BigDecimal value) {}
}
