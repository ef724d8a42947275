package org.bluehelm.institution;

import java.time.LocalDate;
import java.util.List;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/**
 * An oversight body with the institutions it oversees that the reader may see, as ids (to send
 * back when changing it) and with their names.
 */
public record OversightBodyView(
        long id,
        String name,
        OversightBodyType type,
        String countryCode,
        @Nullable Long missionId,
        @Nullable String mandate,
        boolean independent,
        @Nullable LocalDate establishedOn,
        List<Long> institutionIds,
        List<OverseenInstitution> institutions,
        int version) {

    /** An institution the body oversees. */
    public record OverseenInstitution(
            long id, String name, @Nullable String acronym, Pillar pillar) {}
}
