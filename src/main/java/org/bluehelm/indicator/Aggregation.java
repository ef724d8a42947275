package org.bluehelm.indicator;

/** How values of an indicator combine over organisation units and periods. */
public enum Aggregation {
    SUM,
    AVERAGE,
    /** The value of the latest period (a stock, such as personnel on strength). */
    LAST_VALUE,
    /** The sum of a numerator indicator divided by the sum of a denominator indicator. */
    RATIO
}
