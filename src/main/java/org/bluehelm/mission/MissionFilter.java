package org.bluehelm.mission;

import org.jspecify.annotations.Nullable;

/** Which missions to list: by text, status, host country, a year they were active, or only those in the user's scope. */
public record MissionFilter(
        @Nullable String search,
        @Nullable MissionStatus status,
        @Nullable String country,
        @Nullable Integer activeInYear,
        boolean inMyScope) {}
