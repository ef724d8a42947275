package org.bluehelm.coordination;

import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/**
 * Which activities to list: by text (title or description), pillar, kind, status, country, actor,
 * institution or programme; {@code overlapping} keeps those that overlap another activity.
 */
public record ActivityFilter(
        @Nullable String search,
        @Nullable Pillar pillar,
        @Nullable SupportKind supportKind,
        @Nullable ActivityStatus status,
        @Nullable String country,
        @Nullable Long actorId,
        @Nullable Long institutionId,
        @Nullable Long programmeId,
        boolean overlapping) {

    static ActivityFilter all() {
        return new ActivityFilter(null, null, null, null, null, null, null, null, false);
    }
}
