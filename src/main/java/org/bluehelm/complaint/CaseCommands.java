package org.bluehelm.complaint;

import org.jspecify.annotations.Nullable;

/** What staff send to work a case, as typed, before any check. */
public final class CaseCommands {

    private CaseCommands() {}

    /**
     * A step of the workflow: the state to move to, with the version the user saw and what the step
     * needs (an oversight body and handler to assign, a referral to refer, an outcome to close).
     */
    public record MoveCase(
            @Nullable String state,
            @Nullable Integer version,
            @Nullable Long oversightBodyId,
            @Nullable String handler,
            @Nullable String referral,
            @Nullable String outcome,
            @Nullable String note) {}

    /**
     * A person involved: a role, and a name (and contact) or, for an alleged perpetrator, a unit.
     * {@code duplicate} answers the duplicate check: {@code link} (to the person {@code linkTo}) or
     * {@code new}; null until asked.
     */
    public record AddPerson(
            @Nullable String role,
            @Nullable Long institutionId,
            @Nullable String name,
            @Nullable String contact,
            @Nullable String duplicate,
            @Nullable Long linkTo) {}

    /** A case created by staff (not through the public form). */
    public record CreateCase(
            @Nullable String category,
            @Nullable String description,
            @Nullable String occurredOn,
            @Nullable String countryCode,
            @Nullable String orgUnitCode,
            @Nullable Long institutionId) {}
}
