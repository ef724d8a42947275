package org.bluehelm.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/** A programme in a list, with the name of its lead actor when the user may read the actor. */
public record ProgrammeSummary(
        long id,
        String code,
        String name,
        Pillar pillar,
        ProgrammeStatus status,
        String countryCode,
        @Nullable Long missionId,
        long leadActorId,
        @Nullable String leadActorName,
        @Nullable BigDecimal budgetAmount,
        @Nullable String budgetCurrency,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        OffsetDateTime updatedAt,
        int version) {}
