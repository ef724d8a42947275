package org.bluehelm.capacity;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A training event as the user gives it: a delivery of a course, where, when and by whom. */
public record EventCommand(
        @Nullable Long courseId,
        @Nullable LocalDate startsOn,
        @Nullable LocalDate endsOn,
        @Nullable Long locationOrgUnitId,
        @Nullable String deliveredBy,
        @Nullable Integer nationalTrainers,
        @Nullable Integer internationalTrainers) {}
