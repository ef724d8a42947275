package org.bluehelm.hrddp;

/** Where a support stands. It may be ACTIVE only while its current assessment decides to proceed. */
public enum SupportStatus {
    PLANNED,
    ACTIVE,
    SUSPENDED,
    ENDED
}
