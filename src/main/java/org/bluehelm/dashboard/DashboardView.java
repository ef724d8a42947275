package org.bluehelm.dashboard;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dashboard with its items in order. {@code editable} says whether the current user may change it
 * (its owner or an administrator).
 */
public record DashboardView(
        long id,
        String name,
        @Nullable String description,
        String owner,
        boolean shared,
        @Nullable Long missionId,
        @Nullable String countryCode,
        OffsetDateTime updatedAt,
        boolean editable,
        int version,
        List<DashboardItemView> items) {

    public DashboardView {
        items = List.copyOf(items);
    }
}
