package org.bluehelm.coordination;

/**
 * What the actor does in the activity. Lead and co-lead actors steer it, implementing actors carry
 * it out, funding actors pay for it. The IATI organisation role of each is {@link #iatiCode()}.
 */
public enum ActorRole {
    LEAD(2),
    CO_LEAD(2),
    IMPLEMENTING(4),
    FUNDING(1);

    private final int iatiCode;

    ActorRole(int iatiCode) {
        this.iatiCode = iatiCode;
    }

    /** IATI OrganisationRole: 1 funding, 2 accountable, 3 extending, 4 implementing. */
    public int iatiCode() {
        return iatiCode;
    }

    /** Whether the actor itself delivers the support (a funder of another actor's work does not). */
    public boolean delivers() {
        return this != FUNDING;
    }
}
