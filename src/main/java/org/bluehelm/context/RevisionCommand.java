package org.bluehelm.context;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A strategy revision: what changed and why, optionally linked to the risk or assessment behind it. */
public record RevisionCommand(
        @Nullable String countryCode,
        @Nullable Long missionId,
        @Nullable LocalDate revisedOn,
        @Nullable String whatChanged,
        @Nullable String reason,
        @Nullable Long riskId,
        @Nullable Long assessmentId) {}
