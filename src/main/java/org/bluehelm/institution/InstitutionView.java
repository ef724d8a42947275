package org.bluehelm.institution;

import java.util.List;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/** A security institution with its strength by year, oldest year first. */
public record InstitutionView(
        long id,
        String name,
        @Nullable String acronym,
        Pillar pillar,
        String countryCode,
        @Nullable Long missionId,
        @Nullable Long parentId,
        @Nullable Long orgUnitId,
        @Nullable String description,
        List<StrengthView> strength,
        int version) {

    /** Personnel the institution is authorised to have in a year and, when known, how many it has. */
    public record StrengthView(
            int year, int authorised, @Nullable Integer actual) {}
}
