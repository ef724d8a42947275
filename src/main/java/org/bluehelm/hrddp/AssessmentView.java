package org.bluehelm.hrddp;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A risk assessment as recorded; assessments are never changed, a new one replaces the current. */
public record AssessmentView(
        long id,
        long supportId,
        ViolationsLevel violationsLevel,
        String violationsRecord,
        @Nullable String commandResponsibility,
        OverallRisk overallRisk,
        List<MitigationView> mitigations,
        Decision decision,
        LocalDate reviewDate,
        String assessedBy,
        OffsetDateTime assessedAt) {

    public record MitigationView(String text, MitigationStatus status) {}
}
