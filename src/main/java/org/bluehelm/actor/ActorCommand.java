package org.bluehelm.actor;

import org.jspecify.annotations.Nullable;

/**
 * What a user sends to create or change an actor. {@code countryCode} is the actor's country:
 * required for a national actor, the home or seat of an international one (a donor government's
 * country). {@code missionId} is required for, and only allowed on, a mission component. A missing
 * category is taken from the type.
 */
public record ActorCommand(
        @Nullable String name,
        @Nullable String acronym,
        @Nullable ActorCategory category,
        @Nullable ActorType type,
        @Nullable String countryCode,
        @Nullable Long missionId,
        @Nullable String website,
        @Nullable String description) {}
