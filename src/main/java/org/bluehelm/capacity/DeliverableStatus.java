package org.bluehelm.capacity;

/** Where a deliverable stands: ADOPTED means the national institution took it up (a law passed, an SOP in force). */
public enum DeliverableStatus {
    PLANNED,
    IN_PROGRESS,
    DELIVERED,
    ADOPTED,
    ABANDONED
}
