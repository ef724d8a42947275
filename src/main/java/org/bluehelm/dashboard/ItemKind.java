package org.bluehelm.dashboard;

/**
 * What a dashboard item shows. Each kind is drawn by exactly one {@code ItemRenderer} bean (the
 * application does not start when one is missing); a new kind is a new constant here, its renderer
 * and its {@code dashboard.kind.*} messages.
 */
public enum ItemKind {
    /** Indicators over the periods of the range: a line chart, periods as rows of the table. */
    TIME_SERIES,
    /** Indicators by organisation unit: a bar chart, units as rows of the table. */
    BARS_BY_ORG_UNIT,
    /** A table alone: indicators and units as rows, periods as columns. */
    PIVOT,
    /** The SSR composite index of a unit over the periods of the range, by dimension, with coverage. */
    INDEX,
    /** Progress of indicators against their targets at a unit (or the units below it), today: a table. */
    PROGRESS
}
