package org.bluehelm.dashboard;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A dashboard in a list. */
public record DashboardSummary(
        long id,
        String name,
        String owner,
        boolean shared,
        @Nullable Long missionId,
        @Nullable String countryCode,
        int itemCount,
        OffsetDateTime updatedAt,
        int version) {}
