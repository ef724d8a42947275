package org.bluehelm.approval;

import org.jspecify.annotations.Nullable;

/** One step of approval for a programme, organisation unit and period, with an optional comment. */
public record ApprovalCommand(
        @Nullable Long programmeId,
        @Nullable Long orgUnitId,
        @Nullable String period,
        @Nullable String comment) {}
