package org.bluehelm.shared;

/** DHIS2 period types, finest first; each rolls up into the coarser ones. */
public enum PeriodType {
    DAILY,
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    YEARLY;

    public boolean finerThan(PeriodType other) {
        return ordinal() < other.ordinal();
    }
}
