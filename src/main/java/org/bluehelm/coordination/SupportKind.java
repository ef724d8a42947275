package org.bluehelm.coordination;

/** The kind of support an activity gives; two actors giving the same kind to the same place may overlap. */
public enum SupportKind {
    TRAINING,
    MENTORING,
    ADVISORY,
    EQUIPMENT,
    INFRASTRUCTURE,
    POLICY_LEGAL,
    FINANCIAL,
    OTHER
}
