package org.bluehelm.indicator;

/** Which way an indicator should move. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
