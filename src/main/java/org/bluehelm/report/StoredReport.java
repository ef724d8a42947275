package org.bluehelm.report;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A generated report as listed: what it covers, who made it and when, and its sizes in bytes. */
public record StoredReport(
        long id,
        long programmeId,
        @Nullable Long missionId,
        String countryCode,
        String period,
        String language,
        String title,
        boolean scheduled,
        String createdBy,
        OffsetDateTime createdAt,
        int htmlBytes,
        int pdfBytes) {}
