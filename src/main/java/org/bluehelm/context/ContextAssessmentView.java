package org.bluehelm.context;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A context assessment with its scores in factor order and their mean (1 to 5, two decimals). */
public record ContextAssessmentView(
        long id,
        String countryCode,
        @Nullable Long missionId,
        LocalDate assessedOn,
        AssessmentKind kind,
        @Nullable String summary,
        List<Score> scores,
        BigDecimal overall,
        String createdBy,
        OffsetDateTime createdAt) {

    public record Score(
            ContextFactor factor, int score, @Nullable String evidence) {}
}
