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
 * <p>{@code extensions} is where sections of other modules (risks, lessons) are added: a list of
 * titled tables, empty until a module contributes one through {@link ReportSection}.
 */
public record ProgressReport(
        long programmeId,
        String programmeCode,
        String programmeName,
        String pillar,
        String countryCode,
        @Nullable Long missionId,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        String language,
        String generatedBy,
        OffsetDateTime generatedAt,
        Map<String, Integer> statusCounts,
        List<Figure> progress,
        List<Figure> index,
        List<Figure> capacity,
        List<Figure> accountability,
        List<AlertLine> alerts,
        List<ReportSection.Table> extensions) {

    public ProgressReport {
        statusCounts = Map.copyOf(statusCounts);
        progress = List.copyOf(progress);
        index = List.copyOf(index);
        capacity = List.copyOf(capacity);
        accountability = List.copyOf(accountability);
        alerts = List.copyOf(alerts);
        extensions = List.copyOf(extensions);
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

    /** An open alert on one of the programme's units. */
    public record AlertLine(
            String kind,
            String indicatorCode,
            String indicatorName,
            String orgUnitName,
            String period,
            @Nullable String value,
            String raisedOn) {}
}
