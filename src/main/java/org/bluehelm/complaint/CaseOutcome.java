package org.bluehelm.complaint;

/** How a closed case ended. */
public enum CaseOutcome {
    SUBSTANTIATED,
    UNSUBSTANTIATED,
    WITHDRAWN,
    /** Handed over to a disciplinary or prosecution authority (the case has a referral). */
    REFERRED
}
