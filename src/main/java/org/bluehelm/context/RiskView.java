package org.bluehelm.context;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A risk: {@code level} is likelihood × impact (1 to 25); {@code reviewRequestedAt} is set while a
 * strategy review, asked for by a trigger, is pending.
 */
public record RiskView(
        long id,
        String countryCode,
        @Nullable Long missionId,
        String title,
        @Nullable String description,
        int likelihood,
        int impact,
        int level,
        String owner,
        @Nullable String mitigation,
        @Nullable LocalDate reviewDate,
        RiskStatus status,
        @Nullable OffsetDateTime reviewRequestedAt,
        @Nullable String reviewReason,
        List<TriggerView> triggers,
        OffsetDateTime updatedAt,
        int version) {

    public record TriggerView(
            long id,
            long indicatorId,
            @Nullable String indicatorName,
            long orgUnitId,
            @Nullable String orgUnitName,
            Comparison comparison,
            BigDecimal threshold,
            @Nullable String firedPeriod,
            @Nullable BigDecimal firedValue,
            @Nullable OffsetDateTime firedAt) {}
}
