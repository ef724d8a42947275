package org.bluehelm.institution;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An oversight body in a list, with how many institutions it oversees. */
public record OversightBodySummary(
        long id,
        String name,
        OversightBodyType type,
        String countryCode,
        @Nullable Long missionId,
        boolean independent,
        @Nullable LocalDate establishedOn,
        long institutionCount,
        int version) {}
