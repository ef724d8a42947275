package org.bluehelm.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which entries to read: every given criterion must match; dates are inclusive, in UTC. {@code
 * search} looks, case-insensitively, in the actor, action, record type, record id and summary.
 */
public record AuditFilter(
        @Nullable String search,
        @Nullable String recordType,
        @Nullable String recordId,
        @Nullable String actor,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public AuditFilter {
        search = blankToNull(search);
        recordType = blankToNull(recordType);
        recordId = blankToNull(recordId);
        actor = blankToNull(actor);
    }

    /** The criteria without a text search. */
    public AuditFilter(
            @Nullable String recordType,
            @Nullable String recordId,
            @Nullable String actor,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {
        this(null, recordType, recordId, actor, from, to);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
