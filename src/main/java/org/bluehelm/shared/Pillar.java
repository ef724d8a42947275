package org.bluehelm.shared;

/** The part of the security sector that a mandate task, institution, programme or indicator belongs to. */
public enum Pillar {
    DEFENCE,
    POLICE,
    JUSTICE,
    CORRECTIONS,
    BORDER,
    INTELLIGENCE,
    OVERSIGHT,
    GOVERNANCE,
    DDR
}
