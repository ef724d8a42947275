package org.bluehelm.measurement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.bluehelm.shared.PeriodType;

/**
 * An indicator reported for a period in some unit: when the first of its values (any unit of the
 * subtree asked for, any option) was stored.
 */
public record ReportedPeriod(
        long indicatorId,
        String period,
        PeriodType periodType,
        LocalDate startDate,
        LocalDate endDate,
        OffsetDateTime firstStoredAt) {}
