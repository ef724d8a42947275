package org.bluehelm.indicator;

import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/** Which indicators to list: by text (code or name), dimension, pillar, mission or country. */
public record IndicatorFilter(
        @Nullable String search,
        @Nullable Dimension dimension,
        @Nullable Pillar pillar,
        @Nullable Long missionId,
        @Nullable String countryCode) {}
