package org.bluehelm.capacity;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A training event with its course and the counts of its roster. */
public record EventView(
        long id,
        long courseId,
        String courseTitle,
        Competency competency,
        long institutionId,
        LocalDate startsOn,
        LocalDate endsOn,
        @Nullable Long locationOrgUnitId,
        String deliveredBy,
        int nationalTrainers,
        int internationalTrainers,
        @Nullable Long missionId,
        String countryCode,
        long participants,
        long attended,
        long certified,
        @Nullable Double knowledgeGain,
        int version) {}
