package org.bluehelm.capacity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A course as the user gives it; its country and mission are those of the target institution. */
public record CourseCommand(
        @Nullable String title,
        @Nullable Competency competency,
        @Nullable String curriculum,
        @Nullable Integer durationDays,
        @Nullable Long targetInstitutionId,
        @Nullable List<RankLevel> rankLevels,
        @Nullable String description) {}
