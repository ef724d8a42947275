package org.bluehelm.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/**
 * What a user sends to create or change a programme. {@code countryCode} is required and
 * {@code missionId}, when given, must be a mission hosted by that country; the two are the
 * programme's scope. The results chain is one ordered list of outcomes and outputs.
 */
public record ProgrammeCommand(
        @Nullable String code,
        @Nullable String name,
        @Nullable Pillar pillar,
        @Nullable String objectives,
        @Nullable String countryCode,
        @Nullable Long missionId,
        @Nullable Long leadActorId,
        @Nullable List<Partner> partners,
        @Nullable BigDecimal budgetAmount,
        @Nullable String budgetCurrency,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable ProgrammeStatus status,
        @Nullable List<Long> locationIds,
        @Nullable List<Long> institutionIds,
        @Nullable List<Result> results) {

    /** A partner actor and its role. */
    public record Partner(@Nullable Long actorId, @Nullable PartnerRole role) {}

    /**
     * An outcome (no parent) or an output (the code of an outcome of the same programme as parent),
     * with the indicators that measure it.
     */
    public record Result(
            @Nullable String code,
            @Nullable ResultLevel level,
            @Nullable String title,
            @Nullable String description,
            @Nullable String parentCode,
            @Nullable List<Long> indicatorIds) {}
}
