package org.bluehelm.identity;

/** One entry of a user's scope, e.g. MISSION 12 or COUNTRY LBR. */
public record ScopeEntry(ScopeType type, String value) {}
