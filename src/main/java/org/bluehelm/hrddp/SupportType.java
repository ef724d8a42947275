package org.bluehelm.hrddp;

/** What the peace operation provides to a non-UN security force. */
public enum SupportType {
    TRAINING,
    FUEL_RATIONS,
    LOGISTICS,
    JOINT_OPERATIONS,
    FINANCIAL,
    INFRASTRUCTURE,
    ADVISORY,
    OTHER
}
