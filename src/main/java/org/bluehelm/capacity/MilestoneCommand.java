package org.bluehelm.capacity;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A milestone of a deliverable; {@code doneOn} is set when it is DONE. */
public record MilestoneCommand(
        @Nullable String title,
        @Nullable LocalDate dueOn,
        @Nullable MilestoneStatus status,
        @Nullable LocalDate doneOn) {}
