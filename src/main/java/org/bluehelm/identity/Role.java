package org.bluehelm.identity;

/** What a user may do; where they may do it is their scope. */
public enum Role {
    /** Everything, everywhere, including users and reference data. */
    ADMIN,
    /** Creates and edits missions, institutions, actors, programmes and indicators in scope. */
    MISSION_MANAGER,
    /** Defines indicators and enters, imports and approves data in scope. */
    DATA_STEWARD,
    /** A partner agency or donor: reads in scope and enters data for its programmes. */
    PARTNER,
    /** Reads in scope. */
    VIEWER,
    /** Handles the misconduct cases assigned to an oversight body they are a member of, in scope. */
    CASE_OFFICER
}
