package org.bluehelm.context;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a user sends to record or change a risk, with the triggers that watch indicator values. */
public record RiskCommand(
        @Nullable String countryCode,
        @Nullable Long missionId,
        @Nullable String title,
        @Nullable String description,
        @Nullable Integer likelihood,
        @Nullable Integer impact,
        @Nullable String owner,
        @Nullable String mitigation,
        @Nullable LocalDate reviewDate,
        @Nullable RiskStatus status,
        @Nullable List<Trigger> triggers) {

    public record Trigger(
            @Nullable Long indicatorId,
            @Nullable Long orgUnitId,
            @Nullable Comparison comparison,
            @Nullable BigDecimal threshold) {}
}
