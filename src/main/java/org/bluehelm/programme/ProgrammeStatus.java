package org.bluehelm.programme;

/** Where a programme stands; a completed programme has an end date. */
public enum ProgrammeStatus {
    PLANNED,
    ACTIVE,
    SUSPENDED,
    COMPLETED,
    CANCELLED
}
