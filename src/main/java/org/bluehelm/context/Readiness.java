package org.bluehelm.context;

import java.math.BigDecimal;
import java.util.List;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;

/**
 * Transition readiness of a country (or mission) in a period, optionally for one pillar: one row per
 * region (the country as a whole first), each with its components on a 0-100 scale, the readiness
 * score, its level and its coverage. See docs/transition-readiness.md for the method.
 */
public record Readiness(
        String countryCode,
        @Nullable Long missionId,
        @Nullable Pillar pillar,
        String period,
        @Nullable Long assessmentId,
        @Nullable BigDecimal context,
        List<Row> rows) {

    public record Row(
            long orgUnitId,
            String orgUnitName,
            int depth,
            @Nullable BigDecimal capacity,
            @Nullable BigDecimal ownership,
            @Nullable BigDecimal accountability,
            @Nullable BigDecimal context,
            @Nullable BigDecimal score,
            Level level,
            int components,
            int indicatorsCovered,
            int indicatorsApplicable) {}

    /** READY at 70 or more, PARTIAL from 50, NOT_READY below; INSUFFICIENT_DATA with fewer than two components. */
    public enum Level {
        READY,
        PARTIAL,
        NOT_READY,
        INSUFFICIENT_DATA
    }
}
