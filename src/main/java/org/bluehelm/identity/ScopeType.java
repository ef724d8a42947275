package org.bluehelm.identity;

/** A user's scope entry: every record, a mission (by id) or a country (by ISO alpha-3). */
public enum ScopeType {
    ALL,
    MISSION,
    COUNTRY
}
