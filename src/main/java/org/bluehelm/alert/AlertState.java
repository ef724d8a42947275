package org.bluehelm.alert;

/** Where an alert stands. */
public enum AlertState {
    /** Raised and not yet seen to. */
    OPEN,
    /** Someone in scope has taken note of it; it stays until the data no longer breaches. */
    ACKNOWLEDGED,
    /** The data no longer breaches the rule (a better value, or the missing value arrived). */
    RESOLVED
}
