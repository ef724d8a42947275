package org.bluehelm.mission;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a user sends to create or change a mission; a null status is derived from the dates. */
public record MissionCommand(
        @Nullable String acronym,
        @Nullable String name,
        @Nullable MissionStatus status,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable List<String> hostCountries,
        @Nullable List<MissionView.ResolutionView> resolutions,
        @Nullable List<MissionView.TaskView> tasks) {}
