package org.bluehelm.ssrindex;

import java.math.BigDecimal;
import org.bluehelm.indicator.Dimension;
import org.jspecify.annotations.Nullable;

/**
 * The weight of an indicator in its dimension's score. {@code explicit} is false for the default
 * weight 1 (then {@code version} is 0); a change sends the version it read.
 */
public record IndicatorWeight(
        long indicatorId,
        String code,
        String name,
        Dimension dimension,
        @Nullable Long missionId,
        @Nullable String countryCode,
        BigDecimal weight,
        boolean explicit,
        int version) {

    /** Whether the indicator belongs to the shared library (neither a mission nor a country). */
    public boolean library() {
        return missionId == null && countryCode == null;
    }
}
