package org.bluehelm.audit;

import java.time.OffsetDateTime;

/** One audit entry as stored; {@code summary} is JSON of the changed fields and their new values. */
public record AuditEntryView(
        long seq, OffsetDateTime at, String actor, String action, String recordType, String recordId, String summary) {}
