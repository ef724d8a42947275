package org.bluehelm.institution;

import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/** An institution in a list, with its strength in the latest year recorded (null when none is). */
public record InstitutionSummary(
        long id,
        String name,
        @Nullable String acronym,
        Pillar pillar,
        String countryCode,
        @Nullable Long missionId,
        @Nullable Long parentId,
        @Nullable Long orgUnitId,
        @Nullable Integer strengthYear,
        @Nullable Integer authorised,
        @Nullable Integer actual,
        int version) {}
