package org.bluehelm.actor;

/** Whether an actor comes from outside the host country or from within it (national or local). */
public enum ActorCategory {
    INTERNATIONAL,
    NATIONAL
}
