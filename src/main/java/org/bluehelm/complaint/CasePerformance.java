package org.bluehelm.complaint;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/**
 * How oversight bodies handle cases, per body and/or institution and period: caseload, time to
 * close, share substantiated, referrals and their results. {@code suppressed} says that small cells
 * were suppressed for the user (see {@link org.bluehelm.indicator.SmallCells}).
 */
public record CasePerformance(
        PeriodType periodType,
        String from,
        String to,
        CasePerformanceService.Grouping by,
        boolean smallCellsSuppressed,
        List<Row> rows) {

    /**
     * One body and/or institution in one period (a null id: no body assigned, no institution set).
     * Cases received in the period; open at its end; closed in it with the median of their days from
     * received to closed, how many were substantiated and unsubstantiated and the share substantiated
     * (percent of those two); referrals made in the period by kind, and by their result so far.
     */
    public record Row(
            String period,
            @Nullable Long oversightBodyId,
            @Nullable String oversightBody,
            @Nullable Long institutionId,
            @Nullable String institution,
            Cell received,
            Cell openAtEnd,
            Cell closed,
            Cell medianDaysToClose,
            Cell substantiated,
            Cell unsubstantiated,
            Cell substantiatedShare,
            Cell referredDiscipline,
            Cell referredProsecution,
            Map<String, Cell> referralResults) {}

    /** A figure, or no value and {@code suppressed} when it rests on fewer cases than the threshold. */
    public record Cell(@Nullable BigDecimal value, boolean suppressed) {

        static Cell of(long count) {
            return new Cell(BigDecimal.valueOf(count), false);
        }

        static final Cell SUPPRESSED = new Cell(null, true);

        static final Cell NONE = new Cell(null, false);
    }
}
