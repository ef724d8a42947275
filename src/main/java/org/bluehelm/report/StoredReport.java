package org.bluehelm.report;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A generated report as listed: its subject (kind and id; {@code programmeId} for a programme
 * report), mission and country, what period and language, who made it and when, and its sizes in
 * bytes.
 */
public record StoredReport(
        long id,
        ReportSubject.Kind subjectKind,
        String subjectId,
        @Nullable Long programmeId,
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
