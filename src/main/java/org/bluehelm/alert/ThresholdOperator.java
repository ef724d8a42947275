package org.bluehelm.alert;

/** Which side of a THRESHOLD is a breach: strictly above, or strictly below, the value. */
public enum ThresholdOperator {
    ABOVE,
    BELOW
}
