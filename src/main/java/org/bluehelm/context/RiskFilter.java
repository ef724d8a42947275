package org.bluehelm.context;

import org.jspecify.annotations.Nullable;

/**
 * Which risks to list: by text (title, description, mitigation or owner), country, mission, owner,
 * and only those awaiting a strategy review when {@code reviewRequested}.
 */
public record RiskFilter(
        @Nullable String search,
        @Nullable String country,
        @Nullable Long missionId,
        @Nullable String owner,
        boolean reviewRequested) {}
