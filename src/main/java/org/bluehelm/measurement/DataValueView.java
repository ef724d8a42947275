package org.bluehelm.measurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.bluehelm.indicator.SmallCells;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/**
 * A stored data value; category and option are null for a total. {@code value} is null, and
 * {@code suppressed} true, when the value is a count under its indicator's small-cell threshold and
 * the reader may not see small cells ({@code SmallCells}).
 */
public record DataValueView(
        long id,
        long indicatorId,
        String indicatorCode,
        long orgUnitId,
        String period,
        PeriodType periodType,
        LocalDate startDate,
        LocalDate endDate,
        @Nullable Long optionId,
        @Nullable String categoryCode,
        @Nullable String optionCode,
        @Nullable BigDecimal value,
        boolean suppressed,
        @Nullable String comment,
        @Nullable Long missionId,
        String countryCode,
        String storedBy,
        OffsetDateTime storedAt,
        int version) {

    /** The value as a reader who may not see counts under the threshold sees it (itself when not small). */
    public DataValueView hidingCountsUnder(@Nullable Integer threshold) {
        if (!SmallCells.hides(threshold, value)) {
            return this;
        }
        return new DataValueView(
                id,
                indicatorId,
                indicatorCode,
                orgUnitId,
                period,
                periodType,
                startDate,
                endDate,
                optionId,
                categoryCode,
                optionCode,
                null,
                true,
                comment,
                missionId,
                countryCode,
                storedBy,
                storedAt,
                version);
    }
}
