package org.bluehelm.alert;

/** What an alert rule watches for. */
public enum AlertKind {
    /** A unit's total for a period is above or below a value. */
    THRESHOLD,
    /** A unit's total is worse than its total for the previous period by more than a percentage. */
    DETERIORATION,
    /** No value of a unit for a period some days after the period ended. */
    MISSING
}
