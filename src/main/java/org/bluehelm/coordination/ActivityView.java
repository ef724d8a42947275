package org.bluehelm.coordination;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/**
 * An activity with the names of what it refers to (null when the user may not read it), the region
 * its org unit lies in, whether its actor is national, and the activities it overlaps.
 */
public record ActivityView(
        long id,
        String title,
        @Nullable Long programmeId,
        @Nullable String programmeName,
        long actorId,
        @Nullable String actorName,
        boolean nationalActor,
        ActorRole actorRole,
        Pillar pillar,
        SupportKind supportKind,
        @Nullable Long institutionId,
        @Nullable String institutionName,
        @Nullable Long orgUnitId,
        @Nullable String orgUnitName,
        @Nullable String regionName,
        String countryCode,
        @Nullable Long missionId,
        LocalDate startDate,
        @Nullable LocalDate endDate,
        ActivityStatus status,
        @Nullable BigDecimal budgetAmount,
        @Nullable String budgetCurrency,
        @Nullable String iatiIdentifier,
        @Nullable String description,
        List<OverlapView> overlaps,
        boolean overlapping,
        int version) {

    public ActivityView {
        overlaps = List.copyOf(overlaps);
        overlapping = !overlaps.isEmpty();
    }
}
