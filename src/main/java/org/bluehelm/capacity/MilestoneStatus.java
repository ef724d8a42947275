package org.bluehelm.capacity;

/** A milestone of a deliverable. */
public enum MilestoneStatus {
    PENDING,
    DONE,
    MISSED
}
