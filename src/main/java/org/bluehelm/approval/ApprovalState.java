package org.bluehelm.approval;

/** Where a programme's data for one unit and period stands. */
public enum ApprovalState {
    /** Being entered; not submitted, or withdrawn. */
    OPEN,
    /** Submitted for approval; still changeable. */
    SUBMITTED,
    /** Approved: the values are locked. */
    APPROVED
}
