package org.bluehelm.complaint;

/** Where a case stands in its workflow, from the report received to the case closed with an outcome. */
public enum ComplaintState {
    RECEIVED,
    TRIAGED,
    ASSIGNED,
    UNDER_INVESTIGATION,
    REFERRED,
    CLOSED
}
