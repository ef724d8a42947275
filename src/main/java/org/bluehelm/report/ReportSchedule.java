package org.bluehelm.report;

import org.jspecify.annotations.Nullable;

/**
 * A programme's report schedule: a report for each {@code frequency} period once it is over, in
 * {@code language}, keeping the last {@code keepLast} reports; {@code lastPeriod} is the latest
 * period generated.
 */
public record ReportSchedule(
        long id,
        long programmeId,
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
