package org.bluehelm.progress;

/** Which way an indicator has moved over its last periods, read with its direction (higher or lower is better). */
public enum TrendLabel {
    IMPROVING,
    STABLE,
    WORSENING,
    /** Fewer than three periods with a value. */
    TOO_FEW_POINTS
}
