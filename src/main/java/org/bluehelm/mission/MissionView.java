package org.bluehelm.mission;

import java.time.LocalDate;
import java.util.List;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/** A mission with its host countries and mandate. */
public record MissionView(
        long id,
        String acronym,
        String name,
        MissionStatus status,
        LocalDate startDate,
        @Nullable LocalDate endDate,
        List<String> hostCountries,
        List<ResolutionView> resolutions,
        List<TaskView> tasks,
        @Nullable String source,
        int version) {

    /** A Security Council resolution of the mandate, e.g. S/RES/1509 (2003). */
    public record ResolutionView(
            String symbol,
            @Nullable LocalDate adoptedOn,
            @Nullable String title) {}

    /** A task the mandate gives the mission, by resolution and paragraph. */
    public record TaskView(
            String resolution,
            @Nullable String paragraph,
            String text,
            @Nullable Pillar pillar) {}
}
