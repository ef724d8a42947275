package org.bluehelm.hrddp;

/** The assessed risk that the recipient commits grave violations. */
public enum OverallRisk {
    LOW,
    MEDIUM,
    HIGH
}
