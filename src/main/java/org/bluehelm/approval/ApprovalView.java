package org.bluehelm.approval;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The approval state of a programme's data for one unit and period, with every step taken. */
public record ApprovalView(
        long id,
        long programmeId,
        String programmeCode,
        long orgUnitId,
        String orgUnitCode,
        String period,
        ApprovalState state,
        String updatedBy,
        OffsetDateTime updatedAt,
        int version,
        List<LogEntry> log) {

    /** One step: the action, the state it led to, who took it, when and why. */
    public record LogEntry(
            ApprovalAction action,
            ApprovalState stateAfter,
            String username,
            OffsetDateTime at,
            @Nullable String comment) {}
}
