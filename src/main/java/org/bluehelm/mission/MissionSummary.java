package org.bluehelm.mission;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A mission in a list: host countries as a comma-separated list of ISO codes. */
public record MissionSummary(
        long id,
        String acronym,
        String name,
        MissionStatus status,
        LocalDate startDate,
        @Nullable LocalDate endDate,
        String hostCountries) {}
