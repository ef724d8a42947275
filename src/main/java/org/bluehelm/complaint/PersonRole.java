package org.bluehelm.complaint;

/** What part a person (or, for an alleged perpetrator, a unit) played in a case. */
public enum PersonRole {
    COMPLAINANT,
    VICTIM,
    ALLEGED_PERPETRATOR,
    WITNESS
}
