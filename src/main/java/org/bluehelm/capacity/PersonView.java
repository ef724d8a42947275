package org.bluehelm.capacity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A member of personnel by pseudonymous key, with the events attended; no service number, no name. */
public record PersonView(
        long id,
        String key,
        long institutionId,
        String institutionName,
        @Nullable Long unitInstitutionId,
        @Nullable String unitName,
        @Nullable String rank,
        Sex sex,
        boolean inService,
        @Nullable Long missionId,
        String countryCode,
        List<Long> eventIds,
        int version) {}
