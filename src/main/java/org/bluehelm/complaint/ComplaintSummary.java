package org.bluehelm.complaint;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A complaint in a list: where it stands in the workflow, who handles it and whether its stage is
 * overdue; never the reporter's identity.
 */
public record ComplaintSummary(
        long id,
        ComplaintCategory category,
        ComplaintState state,
        @Nullable LocalDate occurredOn,
        @Nullable String countryCode,
        @Nullable String orgUnitName,
        @Nullable String institution,
        boolean anonymous,
        OffsetDateTime receivedAt,
        CaseSource source,
        @Nullable Long institutionId,
        @Nullable String institutionName,
        @Nullable Long oversightBodyId,
        @Nullable String oversightBodyName,
        @Nullable String handler,
        @Nullable OffsetDateTime stageSince,
        @Nullable LocalDate stageDue,
        boolean overdue,
        @Nullable Referral referral,
        Referral.@Nullable Result referralResult,
        @Nullable CaseOutcome outcome,
        @Nullable OffsetDateTime closedAt,
        int version) {}
