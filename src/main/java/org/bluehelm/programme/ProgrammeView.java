package org.bluehelm.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/**
 * A programme as the current user may see it. Partners and supported institutions that the user's
 * scope does not cover are left out (a change keeps them); an actor's name is null when the user
 * may not read the actor.
 */
public record ProgrammeView(
        long id,
        String code,
        String name,
        Pillar pillar,
        @Nullable String objectives,
        String countryCode,
        @Nullable Long missionId,
        long leadActorId,
        @Nullable String leadActorName,
        List<PartnerView> partners,
        @Nullable BigDecimal budgetAmount,
        @Nullable String budgetCurrency,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        ProgrammeStatus status,
        List<Long> locationIds,
        List<Long> institutionIds,
        List<ResultView> results,
        OffsetDateTime updatedAt,
        int version) {

    /** A partner actor, its name and its role. */
    public record PartnerView(long actorId, @Nullable String actorName, PartnerRole role) {}

    /** An outcome or output with the indicators that measure it, in order. */
    public record ResultView(
            String code,
            ResultLevel level,
            String title,
            @Nullable String description,
            @Nullable String parentCode,
            List<Long> indicatorIds) {}
}
