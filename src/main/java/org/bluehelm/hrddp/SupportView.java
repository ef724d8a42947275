package org.bluehelm.hrddp;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A support with the people responsible, its current assessment (null before the first) and
 * whether its review is overdue, and its open flags.
 */
public record SupportView(
        long id,
        long recipientInstitutionId,
        String recipientName,
        SupportType type,
        LocalDate periodFrom,
        @Nullable LocalDate periodTo,
        @Nullable Long missionId,
        String countryCode,
        SupportStatus status,
        @Nullable String description,
        List<String> responsible,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt,
        @Nullable AssessmentView currentAssessment,
        boolean reviewOverdue,
        List<FlagView> openFlags,
        int version) {}
