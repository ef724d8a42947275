package org.bluehelm.coordination;

import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/** A need to record: a pillar of a country, optionally a kind of support, an institution and an area. */
public record NeedCommand(
        @Nullable Pillar pillar,
        @Nullable SupportKind supportKind,
        @Nullable Long institutionId,
        @Nullable Long orgUnitId,
        @Nullable String countryCode,
        @Nullable Long missionId,
        @Nullable String description) {}
