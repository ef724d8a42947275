package org.bluehelm.capacity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A course of the catalogue with the number of its training events. */
public record CourseView(
        long id,
        String title,
        Competency competency,
        @Nullable String curriculum,
        int durationDays,
        long targetInstitutionId,
        String targetInstitutionName,
        List<RankLevel> rankLevels,
        @Nullable Long missionId,
        String countryCode,
        @Nullable String description,
        long events,
        int version) {}
