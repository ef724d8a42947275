package org.bluehelm.actor;

import org.jspecify.annotations.Nullable;

/** Which actors to list: by text (name or acronym), category, type, home country or mission. */
public record ActorFilter(
        @Nullable String search,
        @Nullable ActorCategory category,
        @Nullable ActorType type,
        @Nullable String country,
        @Nullable Long missionId) {}
