package org.bluehelm.institution;

import java.util.List;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/** What a user sends to create or change a security institution; the strength list replaces the stored one. */
public record InstitutionCommand(
        @Nullable String name,
        @Nullable String acronym,
        @Nullable Pillar pillar,
        @Nullable String countryCode,
        @Nullable Long missionId,
        @Nullable Long parentId,
        @Nullable Long orgUnitId,
        @Nullable String description,
        @Nullable List<Strength> strength) {

    /** One year of strength as sent; {@code actual} may be left out when it is not known. */
    public record Strength(
            @Nullable Integer year,
            @Nullable Integer authorised,
            @Nullable Integer actual) {}
}
