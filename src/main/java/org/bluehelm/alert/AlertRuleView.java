package org.bluehelm.alert;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/** An alert rule with the codes of its indicator and unit. */
public record AlertRuleView(
        long id,
        long indicatorId,
        String indicatorCode,
        String indicatorName,
        AlertKind kind,
        @Nullable ThresholdOperator operator,
        @Nullable BigDecimal threshold,
        @Nullable BigDecimal percent,
        @Nullable Integer dueDays,
        @Nullable PeriodType periodType,
        @Nullable Long orgUnitId,
        @Nullable String orgUnitCode,
        boolean active,
        @Nullable Long missionId,
        @Nullable String countryCode,
        String updatedBy,
        OffsetDateTime updatedAt,
        int version) {}
