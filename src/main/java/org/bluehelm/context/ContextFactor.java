package org.bluehelm.context;

/**
 * A factor of the context assessment. Every factor is scored 1 to 5 where 5 is the most favourable
 * to reform: for FRAGMENTATION, CORRUPTION and SPOILERS a 5 means they are low.
 */
public enum ContextFactor {
    POLITICAL_WILL,
    RESOURCES,
    FRAGMENTATION,
    CORRUPTION,
    SPOILERS,
    LOCAL_OWNERSHIP,
    PUBLIC_TRUST
}
