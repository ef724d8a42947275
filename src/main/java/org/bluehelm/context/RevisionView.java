package org.bluehelm.context;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A strategy revision as logged. */
public record RevisionView(
        long id,
        String countryCode,
        @Nullable Long missionId,
        LocalDate revisedOn,
        String whatChanged,
        String reason,
        @Nullable Long riskId,
        @Nullable String riskTitle,
        @Nullable Long assessmentId,
        String createdBy,
        OffsetDateTime createdAt) {}
