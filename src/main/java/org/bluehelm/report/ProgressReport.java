package org.bluehelm.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The content of a progress report, ready to render: numbers are already formatted for the
 * report's language. Every figure carries a reference ({@code F1}, {@code F2}, ...) that the annex
 * repeats with where it comes from.
 *
 * <p>A mission or country report covers every programme of its subject that the requester may
 * see: {@code progress} lists their figures programme by programme, and {@code pillars} and {@code
 * dimensions} group the same figures by the programme's pillar and by the indicator's dimension.
 *
 * <p>{@code extensions} is where sections of other modules (risks, lessons) are added: a list of
 * titled tables, empty until a module contributes one through {@link ReportSection}.
 */
public record ProgressReport(
        ReportSubject subject,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        String language,
        String generatedBy,
        OffsetDateTime generatedAt,
        Map<String, Integer> statusCounts,
        List<Group> pillars,
        List<Group> dimensions,
        List<Figure> progress,
        List<Figure> index,
        List<Figure> capacity,
        List<Figure> accountability,
        List<AlertLine> alerts,
        List<ReportSection.Table> extensions) {

    public ProgressReport {
        statusCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(statusCounts));
        pillars = List.copyOf(pillars);
        dimensions = List.copyOf(dimensions);
        progress = List.copyOf(progress);
        index = List.copyOf(index);
        capacity = List.copyOf(capacity);
        accountability = List.copyOf(accountability);
        alerts = List.copyOf(alerts);
        extensions = List.copyOf(extensions);
    }

    /** The subject's code, as on the cover and in titles. */
    public String subjectCode() {
        return subject.code();
    }

    /**
     * Progress figures grouped by a pillar or an indicator dimension ({@code key}): how many are in
     * each status, the figures, and the mean percentage achieved over those that have one (with its
     * bar length, 0 to 100).
     */
    public record Group(
            String key,
            Map<String, Integer> statusCounts,
            List<Figure> figures,
            @Nullable String meanPercent,
            int meanBar) {
        public Group {
            statusCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(statusCounts));
            figures = List.copyOf(figures);
        }
    }

    /** Every figure of the report, in the order they appear: what the annex traces. */
    public List<Figure> figures() {
        return java.util.stream.Stream.of(progress, index, capacity, accountability)
                .flatMap(List::stream)
                .toList();
    }

    /**
     * One figure: the indicator (or, for the SSR index, the dimension) it measures, at which unit
     * and in which period, its value (null when there is none or it is a small cell {@code
     * suppressed} for the reader), its baseline, target, percentage achieved and status when they
     * apply, the approval state of the programme's data for that unit and period ({@code APPROVED},
     * {@code SUBMITTED} or {@code NOT_SUBMITTED}) and, for the SSR index, the indicators behind it.
     * {@code bar} is the length of its bar in the chart, 0 to 100.
     */
    public record Figure(
            String ref,
            String indicatorCode,
            String indicatorName,
            long orgUnitId,
            String orgUnitCode,
            String orgUnitName,
            String period,
            @Nullable String value,
            boolean suppressed,
            @Nullable String baseline,
            @Nullable String target,
            @Nullable String percent,
            @Nullable String status,
            int bar,
            String approval,
            String sources) {}

    /** An open alert in the subject's country (and mission). */
    public record AlertLine(
            String kind,
            String indicatorCode,
            String indicatorName,
            String orgUnitName,
            String period,
            @Nullable String value,
            String raisedOn) {}
}
