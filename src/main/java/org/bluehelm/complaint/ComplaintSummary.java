package org.bluehelm.complaint;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A complaint in a list: never the reporter's identity. */
public record ComplaintSummary(
        long id,
        ComplaintCategory category,
        ComplaintState state,
        @Nullable LocalDate occurredOn,
        @Nullable String countryCode,
        @Nullable String orgUnitName,
        @Nullable String institution,
        boolean anonymous,
        OffsetDateTime receivedAt) {}
