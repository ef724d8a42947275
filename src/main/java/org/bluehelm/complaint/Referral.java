package org.bluehelm.complaint;

/** Where a case was referred, and what may come of it. */
public enum Referral {
    DISCIPLINE,
    PROSECUTION;

    /** What a referral may result in. */
    public enum Result {
        PENDING,
        SANCTIONED,
        NO_ACTION,
        CONVICTED,
        ACQUITTED,
        DISMISSED
    }
}
