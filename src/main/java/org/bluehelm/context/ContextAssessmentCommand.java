package org.bluehelm.context;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A new context assessment: every factor scored once, 1 to 5, with an optional evidence note. */
public record ContextAssessmentCommand(
        @Nullable String countryCode,
        @Nullable Long missionId,
        @Nullable LocalDate assessedOn,
        @Nullable AssessmentKind kind,
        @Nullable String summary,
        @Nullable List<Score> scores) {

    public record Score(
            @Nullable ContextFactor factor,
            @Nullable Integer score,
            @Nullable String evidence) {}
}
