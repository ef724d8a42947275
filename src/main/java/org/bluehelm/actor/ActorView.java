package org.bluehelm.actor;

import org.jspecify.annotations.Nullable;

/**
 * An actor; {@code countryCode} is its own (home) country. {@code shared} is true for an
 * international actor that every signed-in user sees (neither a mission's nor a country's record).
 */
public record ActorView(
        long id,
        String name,
        @Nullable String acronym,
        ActorCategory category,
        ActorType type,
        @Nullable String countryCode,
        @Nullable Long missionId,
        @Nullable String website,
        @Nullable String description,
        boolean shared,
        int version) {}
