package org.bluehelm.complaint;

import org.jspecify.annotations.Nullable;

/**
 * Public accountability statistics of a country for one year and one institution complained about
 * ({@code institution} null: all cases of the year; "—" where none was named is a row of its own
 * with {@code unnamed} true). Nothing identifies a case or a person: only counts and figures derived
 * from them, each count under 5 suppressed and every figure resting on a suppressed count too.
 *
 * <p>Received: cases received in the year. Closed: closed in the year, with the median of their days
 * from received to closed; substantiated: closed in the year as substantiated, and their share of the
 * cases closed as substantiated or unsubstantiated (percent). Overdue: cases received in the year
 * that are still open and past the deadline of their current stage today, and their share of the
 * cases received.
 */
public record AccountabilityStatistic(
        String year,
        @Nullable Long institutionId,
        @Nullable String institution,
        boolean unnamed,
        CasePerformance.Cell received,
        CasePerformance.Cell closed,
        CasePerformance.Cell substantiated,
        CasePerformance.Cell substantiatedShare,
        CasePerformance.Cell medianDaysToClose,
        CasePerformance.Cell overdue,
        CasePerformance.Cell overdueShare) {}
