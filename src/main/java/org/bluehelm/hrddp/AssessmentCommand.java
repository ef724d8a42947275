package org.bluehelm.hrddp;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A risk assessment of a support as the assessor gives it. */
public record AssessmentCommand(
        @Nullable ViolationsLevel violationsLevel,
        @Nullable String violationsRecord,
        @Nullable String commandResponsibility,
        @Nullable OverallRisk overallRisk,
        @Nullable List<Mitigation> mitigations,
        @Nullable Decision decision,
        @Nullable LocalDate reviewDate) {

    /** One mitigation measure; its status is OPEN when not given. */
    public record Mitigation(
            @Nullable String text, @Nullable MitigationStatus status) {}
}
