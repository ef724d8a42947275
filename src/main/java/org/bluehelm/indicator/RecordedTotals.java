package org.bluehelm.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The totals recorded for an indicator (values not broken down by a disaggregation option), as the
 * indicator's page charts them. The module that stores data values implements it: it depends on
 * this module, so this module asks through this interface instead of calling it (no cycle).
 */
public interface RecordedTotals {

    /**
     * The totals of the indicator in the current user's scope for the given organisation units,
     * oldest period first.
     */
    List<Total> totals(long indicatorId, Collection<Long> orgUnitIds);

    /** The organisation units with at least one total of the indicator in the user's scope (a bounded number). */
    List<Long> orgUnitsWithTotals(long indicatorId);

    /** One recorded total: the unit, the DHIS2 period with its dates, and the number. */
    record Total(long orgUnitId, String period, LocalDate startDate, LocalDate endDate, BigDecimal value) {}
}
