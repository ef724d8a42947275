package org.bluehelm.programme;

/** The level of a result in a programme's chain: outcomes, and the outputs that serve each outcome. */
public enum ResultLevel {
    OUTCOME,
    OUTPUT
}
