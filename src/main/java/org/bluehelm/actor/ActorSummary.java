package org.bluehelm.actor;

import org.jspecify.annotations.Nullable;

/** An actor in a list; {@code countryCode} is its own (home) country. */
public record ActorSummary(
        long id,
        String name,
        @Nullable String acronym,
        ActorCategory category,
        ActorType type,
        @Nullable String countryCode,
        @Nullable Long missionId,
        @Nullable String website,
        int version) {}
