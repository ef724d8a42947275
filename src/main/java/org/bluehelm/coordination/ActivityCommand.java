package org.bluehelm.coordination;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/**
 * An activity as the user gives it. The country is required; when an institution or an org unit is
 * given it must be of that country. When a programme is given, a missing country, mission or pillar
 * is taken from it.
 */
public record ActivityCommand(
        @Nullable String title,
        @Nullable Long programmeId,
        @Nullable Long actorId,
        @Nullable ActorRole actorRole,
        @Nullable Pillar pillar,
        @Nullable SupportKind supportKind,
        @Nullable Long institutionId,
        @Nullable Long orgUnitId,
        @Nullable String countryCode,
        @Nullable Long missionId,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable ActivityStatus status,
        @Nullable BigDecimal budgetAmount,
        @Nullable String budgetCurrency,
        @Nullable String iatiIdentifier,
        @Nullable String description) {}
