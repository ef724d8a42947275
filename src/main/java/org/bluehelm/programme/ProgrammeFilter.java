package org.bluehelm.programme;

import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/**
 * Which programmes to list: by text (code or name), pillar, status, mission, country, an actor that
 * leads or partners in them, or an institution they support.
 */
public record ProgrammeFilter(
        @Nullable String search,
        @Nullable Pillar pillar,
        @Nullable ProgrammeStatus status,
        @Nullable Long missionId,
        @Nullable String country,
        @Nullable Long actorId,
        @Nullable Long institutionId) {}
