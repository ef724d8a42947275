package org.bluehelm.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * What a user sends to create or change a dashboard. When {@code shared}, the dashboard is seen by
 * the users whose scope covers {@code missionId} / {@code countryCode} (a mission's dashboard takes
 * the mission's host country when it has only one); with neither, by every signed-in user, which
 * only a user who sees everything may choose.
 */
public record DashboardCommand(
        @Nullable String name,
        @Nullable String description,
        boolean shared,
        @Nullable Long missionId,
        @Nullable String countryCode) {}
