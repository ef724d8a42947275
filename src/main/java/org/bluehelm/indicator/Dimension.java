package org.bluehelm.indicator;

/** The dimension of security sector reform an indicator informs; groups indicators and the composite index. */
public enum Dimension {
    /** Operational capacity and professionalism. */
    CAPACITY,
    /** Transparency and accountability. */
    ACCOUNTABILITY,
    /** Civilian and democratic oversight. */
    OVERSIGHT,
    /** Human rights and rule of law. */
    RIGHTS,
    /** Local and national ownership. */
    OWNERSHIP,
    /** Civil-military and international-local coordination. */
    COORDINATION,
    /** The situation around the reform. */
    CONTEXT
}
