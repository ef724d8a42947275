package org.bluehelm.measurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/** A stored data value: one element of its block (see {@link DataValueRepository}). */
class DataValue {

    /** The option key of a total: a value not broken down by any disaggregation option. */
    static final long TOTAL = 0;

    @Nullable
    Long id;

    long indicatorId;
    long orgUnitId;
    String periodId;
    PeriodType periodType;
    LocalDate startDate;
    LocalDate endDate;

    @Nullable
    Long optionId;

    long optionKey;
    BigDecimal value;

    @Nullable
    String comment;

    @Nullable
    Long missionId;

    String countryCode;
    String storedBy;
    OffsetDateTime storedAt;

    int version;

    DataValue(
            long indicatorId,
            long orgUnitId,
            String periodId,
            PeriodType periodType,
            LocalDate startDate,
            LocalDate endDate,
            @Nullable Long optionId,
            BigDecimal value,
            @Nullable Long missionId,
            String countryCode,
            String storedBy,
            OffsetDateTime storedAt) {
        this.indicatorId = indicatorId;
        this.orgUnitId = orgUnitId;
        this.periodId = periodId;
        this.periodType = periodType;
        this.startDate = startDate;
        this.endDate = endDate;
        this.optionId = optionId;
        this.optionKey = optionId == null ? TOTAL : optionId;
        this.value = value;
        this.missionId = missionId;
        this.countryCode = countryCode;
        this.storedBy = storedBy;
        this.storedAt = storedAt;
    }
}
