package org.bluehelm.measurement;

import java.time.LocalDate;

/**
 * The period of an indicator's latest value in a unit or below it: the value whose period starts
 * last (by the day asked for), the first stored of those when several start that day.
 */
public record LatestPeriod(long indicatorId, long orgUnitId, String period, LocalDate startDate) {}
