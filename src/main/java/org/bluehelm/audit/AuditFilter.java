package org.bluehelm.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Which entries to read: every given criterion must match; dates are inclusive, in UTC. */
public record AuditFilter(
        @Nullable String recordType,
        @Nullable String recordId,
        @Nullable String actor,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public AuditFilter {
        recordType = blankToNull(recordType);
        recordId = blankToNull(recordId);
        actor = blankToNull(actor);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
