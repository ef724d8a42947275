package org.bluehelm.hrddp;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A monitoring entry of a support. */
public record MonitoringView(
        long id,
        long supportId,
        LocalDate observedOn,
        String observation,
        @Nullable Boolean mitigationRespected,
        String recordedBy,
        OffsetDateTime recordedAt) {}
