package org.bluehelm.capacity;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** What is recorded about a participant during and after the event. */
public record ParticipantCommand(
        @Nullable Vetting vetting,
        @Nullable Boolean attended,
        @Nullable BigDecimal preScore,
        @Nullable BigDecimal postScore,
        @Nullable Boolean certified,
        @Nullable Integer version) {}
