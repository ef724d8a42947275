package org.bluehelm.coordination;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Another activity that gives the same kind of support to the same institution and place in an overlapping period. */
public record OverlapView(
        long activityId,
        String title,
        long actorId,
        @Nullable String actorName,
        ActorRole actorRole,
        LocalDate startDate,
        @Nullable LocalDate endDate) {}
