package org.bluehelm.hrddp;

/** How much is known of grave violations by the recipient, from nothing known to substantiated. */
public enum ViolationsLevel {
    NONE_KNOWN,
    ALLEGATIONS,
    CREDIBLE_REPORTS,
    SUBSTANTIATED
}
