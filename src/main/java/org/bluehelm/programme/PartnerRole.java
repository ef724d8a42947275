package org.bluehelm.programme;

/** What a partner actor does in a programme besides the lead actor. */
public enum PartnerRole {
    IMPLEMENTING,
    FUNDING,
    TECHNICAL_ADVISER,
    COORDINATING,
    MONITORING
}
