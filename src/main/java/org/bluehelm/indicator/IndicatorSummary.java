package org.bluehelm.indicator;

import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/** An indicator in a list. */
public record IndicatorSummary(
        long id,
        String code,
        String name,
        String unit,
        ValueType valueType,
        Aggregation aggregation,
        Direction direction,
        Dimension dimension,
        @Nullable Pillar pillar,
        @Nullable Long missionId,
        @Nullable String countryCode,
        int version) {

    /** Whether the indicator belongs to the shared library (neither a mission nor a country). */
    public boolean library() {
        return missionId == null && countryCode == null;
    }
}
