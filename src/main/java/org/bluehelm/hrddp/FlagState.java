package org.bluehelm.hrddp;

/** A flag is OPEN until a new assessment clears it (CLEARED) or someone acknowledges it with a note. */
public enum FlagState {
    OPEN,
    CLEARED,
    ACKNOWLEDGED
}
