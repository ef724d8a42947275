package org.bluehelm.institution;

import org.jspecify.annotations.Nullable;

/** Which oversight bodies to list: by text, country, type, mission or an institution they oversee. */
public record OversightBodyFilter(
        @Nullable String search,
        @Nullable String country,
        @Nullable OversightBodyType type,
        @Nullable Long missionId,
        @Nullable Long institutionId) {}
