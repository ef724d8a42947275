package org.bluehelm.programme;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A programme's code, place and the indicators of its results chain, in the order of the chain. */
public record ProgrammeIndicators(
        long programmeId,
        String code,
        String countryCode,
        @Nullable Long missionId,
        List<Long> indicatorIds) {

    public ProgrammeIndicators {
        indicatorIds = List.copyOf(indicatorIds);
    }
}
