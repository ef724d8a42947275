package org.bluehelm.measurement;

import java.time.LocalDate;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/**
 * Which data values to list: by indicator, organisation unit or the subtree below a unit
 * ({@code within}, the unit included), period id, period type, and periods lying within
 * {@code from} to {@code to}.
 */
public record DataValueFilter(
        @Nullable Long indicatorId,
        @Nullable Long orgUnitId,
        @Nullable Long within,
        @Nullable String period,
        @Nullable PeriodType periodType,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {}
