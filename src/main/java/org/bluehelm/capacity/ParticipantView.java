package org.bluehelm.capacity;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A participant of an event as lists show it: the person's pseudonymous key ({@code P-<id>}), never
 * the service number or the name.
 */
public record ParticipantView(
        long id,
        long personId,
        String personKey,
        String institutionName,
        @Nullable String unitName,
        @Nullable String rank,
        Sex sex,
        Vetting vetting,
        boolean attended,
        @Nullable BigDecimal preScore,
        @Nullable BigDecimal postScore,
        boolean certified,
        int version) {}
