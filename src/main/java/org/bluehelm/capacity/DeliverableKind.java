package org.bluehelm.capacity;

/** What a technical-assistance deliverable is. */
public enum DeliverableKind {
    STRATEGY,
    SOP,
    LAW,
    REGULATION,
    POLICY,
    MANUAL,
    OTHER
}
