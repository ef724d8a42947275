package org.bluehelm.hrddp;

/** Whether a mitigation measure is still to be put in place. */
public enum MitigationStatus {
    OPEN,
    IN_PLACE
}
