package org.bluehelm.report;

import org.jspecify.annotations.Nullable;

/**
 * A subject's report schedule (one per programme, mission or country): a report for each {@code
 * frequency} period once it is over, in {@code language}, keeping the subject's last {@code
 * keepLast} reports; {@code lastPeriod} is the latest period generated. {@code programmeId} is set
 * for a programme's schedule.
 */
public record ReportSchedule(
        long id,
        ReportSubject.Kind subjectKind,
        String subjectId,
        @Nullable Long programmeId,
        Frequency frequency,
        String language,
        int keepLast,
        @Nullable String lastPeriod,
        int version) {

    public enum Frequency {
        MONTHLY,
        QUARTERLY
    }
}
