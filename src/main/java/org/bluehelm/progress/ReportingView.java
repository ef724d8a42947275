package org.bluehelm.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/**
 * Reporting completeness and timeliness of a programme per organisation unit and period. A unit is
 * expected to report every indicator of the results chain for every period: its locations that have
 * no other location of the programme below them (values of the unit or any unit below it count), or
 * the top units of its country when it lists none ({@code countryRoot}). A report is in when at
 * least one value of the indicator (any option; for a ratio, of both its numerator and denominator)
 * was stored for a period within the period, and timely when the first of them was stored by the
 * period's due date ({@code dueDays} after it ends). Each unit row holds one {@link Counts} per
 * period, in the order of {@code periods}, and its total; {@code periodTotals} add up each column.
 */
public record ReportingView(
        long programmeId,
        String programmeCode,
        String programmeName,
        PeriodType periodType,
        int dueDays,
        int indicatorCount,
        boolean countryRoot,
        List<PeriodItem> periods,
        List<UnitRow> units,
        List<Counts> periodTotals,
        Counts total) {

    public ReportingView {
        periods = List.copyOf(periods);
        units = List.copyOf(units);
        periodTotals = List.copyOf(periodTotals);
    }

    /** A reporting period and the last day a report for it is timely. */
    public record PeriodItem(String id, LocalDate startDate, LocalDate endDate, LocalDate dueDate) {}

    /** A unit expected to report, its counts by period and in all. */
    public record UnitRow(long orgUnitId, String code, String name, List<Counts> cells, Counts total) {

        public UnitRow {
            cells = List.copyOf(cells);
        }
    }

    /**
     * Reports expected, in and timely, with completeness ({@code reported / expected}) and
     * timeliness ({@code timely / expected}, DHIS2's "reporting rate on time") as percentages with
     * one decimal, null when nothing is expected. {@code period} is null for a total over periods.
     */
    public record Counts(
            @Nullable String period,
            int expected,
            int reported,
            int timely,
            @Nullable BigDecimal completeness,
            @Nullable BigDecimal timeliness) {

        static Counts of(@Nullable String period, int expected, int reported, int timely) {
            return new Counts(period, expected, reported, timely, share(reported, expected), share(timely, expected));
        }

        Counts plus(Counts other) {
            return of(period, expected + other.expected, reported + other.reported, timely + other.timely);
        }

        private static @Nullable BigDecimal share(int part, int whole) {
            if (whole == 0) {
                return null;
            }
            return ProgressJudge.plain(
                    BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP));
        }
    }
}
