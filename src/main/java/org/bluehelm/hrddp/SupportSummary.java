package org.bluehelm.hrddp;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A support in a list, with its current decision and review date and its number of open flags. */
public record SupportSummary(
        long id,
        long recipientInstitutionId,
        String recipientName,
        SupportType type,
        LocalDate periodFrom,
        @Nullable LocalDate periodTo,
        @Nullable Long missionId,
        String countryCode,
        SupportStatus status,
        @Nullable Decision decision,
        @Nullable LocalDate reviewDate,
        boolean reviewOverdue,
        long openFlags,
        int version) {}
