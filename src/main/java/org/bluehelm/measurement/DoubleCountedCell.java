package org.bluehelm.measurement;

import org.jspecify.annotations.Nullable;

/**
 * A unit and period of a disaggregated indicator that holds both a total and a breakdown (or the
 * breakdowns of two categories): aggregates add all its values up, so it counts the same people
 * twice. Writes refuse to create one; these were recorded before that rule, or by a direct load.
 * {@code values} is how many values the cell holds.
 */
public record DoubleCountedCell(
        long indicatorId,
        String indicatorCode,
        String indicatorName,
        long orgUnitId,
        String orgUnitCode,
        String orgUnitName,
        String period,
        @Nullable Long missionId,
        String countryCode,
        int values) {}
