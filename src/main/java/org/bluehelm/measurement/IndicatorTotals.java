package org.bluehelm.measurement;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.RecordedTotals;
import org.bluehelm.shared.AccessScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The totals of an indicator for its page's chart and table, in the current user's scope. */
@Component
@Transactional(readOnly = true)
class IndicatorTotals implements RecordedTotals {

    /**
     * The units offered for the chart (the page lets the user pick up to five of them). A hierarchy
     * with more units reporting on one indicator needs the analytics screens, which aggregate.
     */
    private static final int MAX_UNITS = 50;

    private final JdbcClient jdbc;
    private final IndicatorService indicators;

    IndicatorTotals(JdbcClient jdbc, IndicatorService indicators) {
        this.jdbc = jdbc;
        this.indicators = indicators;
    }

    @Override
    public List<Total> totals(long indicatorId, Collection<Long> orgUnitIds) {
        if (orgUnitIds.isEmpty()) {
            return List.of();
        }
        AccessScope.Filter scope = AccessScope.current().filter("d.mission_id", "d.country_code");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("indicator", indicatorId);
        params.put("units", orgUnitIds);
        // a count under its indicator's small-cell threshold is left out (a gap) for those who may not see it
        Integer threshold = indicators.smallCellThresholdsForCurrentUser().get(indicatorId);
        if (threshold != null) {
            params.put("threshold", threshold);
        }
        return jdbc.sql("""
                        select d.org_unit_id, d.period_id, d.start_date, d.end_date, d.value
                          from data_value d
                         where d.indicator_id = :indicator and d.option_key = 0 and d.org_unit_id in (:units)
                           and %s%s
                         order by d.start_date, d.end_date, d.org_unit_id""".formatted(scope.sql(), threshold == null ? "" : " and d.value >= :threshold"))
                .params(params)
                .query((rs, n) -> new Total(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class),
                        rs.getObject(4, java.time.LocalDate.class),
                        rs.getBigDecimal(5)))
                .list();
    }

    @Override
    public List<Long> orgUnitsWithTotals(long indicatorId) {
        AccessScope.Filter scope = AccessScope.current().filter("d.mission_id", "d.country_code");
        return jdbc.sql("""
                        select distinct d.org_unit_id
                          from data_value d
                         where d.indicator_id = :indicator and d.option_key = 0 and %s
                         order by d.org_unit_id limit :limit""".formatted(scope.sql()))
                .params(scope.params())
                .param("indicator", indicatorId)
                .param("limit", MAX_UNITS)
                .query(Long.class)
                .list();
    }
}
