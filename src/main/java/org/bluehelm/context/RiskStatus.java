package org.bluehelm.context;

/** Where a risk stands; TRIGGERED is set when one of its indicator triggers crosses its threshold. */
public enum RiskStatus {
    OPEN,
    TRIGGERED,
    MITIGATED,
    CLOSED
}
