package org.bluehelm.approval;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The approval state of a programme for a period at one unit ({@code parent}, or the top units of
 * the programme's country when null) and the units directly below it, with the steps the current
 * user may take on each, and the latest steps taken on them.
 */
public record ApprovalOverview(
        long programmeId,
        String programmeCode,
        String programmeName,
        String period,
        @Nullable Row parent,
        List<Row> rows,
        List<History> history) {

    /** One unit: its state, whether it or a unit below it has data, and what the user may do now. */
    public record Row(
            long orgUnitId,
            String code,
            String name,
            int level,
            @Nullable Long parentId,
            boolean hasChildren,
            boolean hasData,
            ApprovalState state,
            @Nullable String updatedBy,
            @Nullable OffsetDateTime updatedAt,
            List<ApprovalAction> actions) {}

    /** A step taken on one of the units shown. */
    public record History(
            String orgUnitCode,
            ApprovalAction action,
            ApprovalState stateAfter,
            String username,
            OffsetDateTime at,
            @Nullable String comment) {}
}
