package org.bluehelm.institution;

import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/** Which institutions to list: by text (name or acronym), country, pillar, mission or parent institution. */
public record InstitutionFilter(
        @Nullable String search,
        @Nullable String country,
        @Nullable Pillar pillar,
        @Nullable Long missionId,
        @Nullable Long parentId) {}
