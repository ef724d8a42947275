package org.bluehelm.indicator;

/** What kind of number a value of an indicator is. */
public enum ValueType {
    /** Any number (at most 6 decimal places). */
    NUMBER,
    /** A whole number. */
    INTEGER,
    /** A share between 0 and 100. */
    PERCENTAGE,
    /** 1 for yes, 0 for no. */
    BOOLEAN
}
