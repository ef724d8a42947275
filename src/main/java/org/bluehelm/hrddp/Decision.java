package org.bluehelm.hrddp;

/** What a risk assessment decides about the support. */
public enum Decision {
    PROCEED,
    PROCEED_WITH_MITIGATION,
    DO_NOT_PROCEED,
    SUSPEND;

    /** Whether support may be (or stay) ACTIVE under this decision. */
    public boolean allowsSupport() {
        return this == PROCEED || this == PROCEED_WITH_MITIGATION;
    }
}
