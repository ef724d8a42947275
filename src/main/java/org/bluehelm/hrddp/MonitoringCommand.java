package org.bluehelm.hrddp;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A monitoring entry: what was observed on a day and whether the mitigation measures were respected. */
public record MonitoringCommand(
        @Nullable LocalDate observedOn,
        @Nullable String observation,
        @Nullable Boolean mitigationRespected) {}
