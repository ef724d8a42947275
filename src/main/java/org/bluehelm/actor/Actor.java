package org.bluehelm.actor;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An actor. {@code homeCountry} is the actor's own country; {@code missionId} and
 * {@code countryCode} are its access scope (see the V0005 migration): both null for a shared
 * international record.
 */
@Table("actor")
class Actor {

    @Id
    @Nullable
    Long id;

    String name;

    @Nullable
    String acronym;

    ActorCategory category;
    ActorType type;

    @Nullable
    String homeCountry;

    @Nullable
    Long missionId;

    @Nullable
    String countryCode;

    @Nullable
    String website;

    @Nullable
    String description;

    @Version
    int version;

    Actor(String name, ActorCategory category, ActorType type) {
        this.name = name;
        this.category = category;
        this.type = type;
    }
}
