package org.bluehelm.hrddp;

import java.time.OffsetDateTime;
import org.bluehelm.complaint.ComplaintCategory;
import org.jspecify.annotations.Nullable;

/**
 * A flag on a support. It names the case only by its number ({@code caseId}, null once the case was
 * deleted under retention, then {@code caseDeleted} is true), its category and when it was closed.
 */
public record FlagView(
        long id,
        long supportId,
        @Nullable Long caseId,
        boolean caseDeleted,
        ComplaintCategory caseCategory,
        OffsetDateTime caseClosedAt,
        FlagState state,
        OffsetDateTime raisedAt,
        @Nullable OffsetDateTime closedAt,
        @Nullable String closedBy,
        @Nullable String note,
        @Nullable Long clearedByAssessment,
        int version) {}
