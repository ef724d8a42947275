package org.bluehelm.capacity;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A mentoring engagement as the user gives it; the counterpart is named by position, not by name. */
public record MentoringCommand(
        @Nullable String mentor,
        @Nullable String counterpart,
        @Nullable Long institutionId,
        @Nullable Competency focus,
        @Nullable LocalDate startsOn,
        @Nullable LocalDate endsOn) {}
