package org.bluehelm.portal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.bluehelm.approval.ApprovedData;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.Aggregation;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.indicator.SmallCells;
import org.bluehelm.indicator.ValueType;
import org.bluehelm.shared.Period;
import org.bluehelm.ssrindex.IndexValues;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The values the public SSR index is computed on: only indicators released for the public (and
 * chosen by {@code includes}), only approved values, aggregated over the unit's subtree and the
 * period by the indicator's aggregation as analytics does (SUM, AVERAGE, RATIO of the summed
 * numerator and denominator, LAST_VALUE of each unit added up). A RATIO's component values count
 * when the ratio indicator itself is approved for their unit and period. An aggregate under its
 * indicator's public small-cell threshold (or a ratio whose numerator is under its threshold) is
 * left out, as if there were no value, so that the index cannot give it away; the thresholds are
 * those the values pages use ({@code IndicatorService.publicSmallCellThresholds}).
 *
 * <p>Each unit and period contributes its total, as analytics adds the options up when they are
 * not asked for apart (ADR 0004, "totals over the options"): the value recorded without option if
 * there is one, else the values of its breakdown, each counting as a value (added up for SUM, for
 * a RATIO's components and for a LAST_VALUE unit's latest period; for AVERAGE each option's value
 * is one of the values averaged, as analytics divides the options' sum by their count). A unit and
 * period hold one or the other; where an old one holds both (recorded before writes refused it),
 * the total is read and its breakdown left aside rather than counted twice (analytics adds both;
 * it also takes a LAST_VALUE unit's latest value per option, where the index takes the unit's latest
 * period whole: the two differ only for a unit whose options changed within the year). The small-cell
 * threshold applies to the aggregate, as on the values pages (which publish a SUM indicator's
 * breakdown added up, never its cells): a breakdown cell under the threshold is not published and
 * so not hidden on its own.
 */
final class ApprovedIndexValues implements IndexValues {

    private static final MathContext MATH = MathContext.DECIMAL64;

    private final JdbcClient jdbc;
    private final ApprovedData.Checker approved;
    private final Set<Long> released;
    private final Predicate<IndicatorView> chosen;
    private final Map<Long, Integer> thresholds;

    ApprovedIndexValues(
            JdbcClient jdbc,
            ApprovedData.Checker approved,
            Set<Long> released,
            Predicate<IndicatorView> chosen,
            Map<Long, Integer> thresholds) {
        this.jdbc = jdbc;
        this.approved = approved;
        this.released = released;
        this.chosen = chosen;
        this.thresholds = thresholds;
    }

    @Override
    public boolean includes(IndicatorView indicator) {
        return released.contains(indicator.id()) && chosen.test(indicator);
    }

    private record Row(
            long indicatorId,
            long orgUnitId,
            String period,
            LocalDate start,
            LocalDate end,
            long optionKey,
            BigDecimal value) {}

    /**
     * What a unit recorded for an indicator in a period: its total, or its breakdown added up
     * ({@code count} values).
     */
    private record UnitValue(
            long indicatorId,
            long orgUnitId,
            String period,
            LocalDate start,
            LocalDate end,
            BigDecimal value,
            int count) {}

    private record UnitKey(long indicatorId, long orgUnitId, String period) {}

    @Override
    public Map<Long, Map<String, BigDecimal>> values(
            List<IndicatorView> indicators, OrgUnitView unit, List<Period> periods) {
        Map<Long, Map<String, BigDecimal>> result = new HashMap<>();
        if (indicators.isEmpty() || periods.isEmpty()) {
            return result;
        }
        Set<Long> ids = new HashSet<>();
        for (IndicatorView i : indicators) {
            if (i.aggregation() == Aggregation.RATIO) {
                ids.add(java.util.Objects.requireNonNull(i.numeratorId()));
                ids.add(java.util.Objects.requireNonNull(i.denominatorId()));
            } else {
                ids.add(i.id());
            }
        }
        List<Row> rows = jdbc.sql("""
                        select v.indicator_id, v.org_unit_id, v.period_id, v.start_date, v.end_date,
                               v.option_key, v.value
                          from data_value v
                          join org_unit o on o.id = v.org_unit_id
                         where v.indicator_id in (:ids) and o.path like :subtree
                           and v.start_date >= :from and v.end_date <= :to
                         order by v.start_date, v.end_date""")
                .param("ids", List.copyOf(ids))
                .param("subtree", unit.path() + "%")
                .param("from", periods.get(0).startDate())
                .param("to", periods.get(periods.size() - 1).endDate())
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class),
                        rs.getLong(6),
                        rs.getBigDecimal(7)))
                .list();
        List<UnitValue> recorded = unitValues(rows);
        for (IndicatorView indicator : indicators) {
            Map<String, BigDecimal> byPeriod = new HashMap<>();
            for (Period period : periods) {
                BigDecimal value = aggregate(indicator, recorded, period);
                if (value != null) {
                    byPeriod.put(period.id(), value);
                }
            }
            result.put(indicator.id(), byPeriod);
        }
        return result;
    }

    /**
     * Each unit's total per indicator and period, in the rows' order (by period): the value recorded
     * without option if there is one, else its options' values added up.
     */
    private static List<UnitValue> unitValues(List<Row> rows) {
        Map<UnitKey, List<Row>> byUnit = new LinkedHashMap<>();
        for (Row r : rows) {
            byUnit.computeIfAbsent(new UnitKey(r.indicatorId(), r.orgUnitId(), r.period()), k -> new ArrayList<>())
                    .add(r);
        }
        List<UnitValue> values = new ArrayList<>();
        for (List<Row> recorded : byUnit.values()) {
            List<Row> total = recorded.stream().filter(r -> r.optionKey() == 0).toList();
            List<Row> counted = total.isEmpty() ? recorded : total;
            Row first = counted.get(0);
            values.add(new UnitValue(
                    first.indicatorId(),
                    first.orgUnitId(),
                    first.period(),
                    first.start(),
                    first.end(),
                    counted.stream().map(Row::value).reduce(BigDecimal.ZERO, BigDecimal::add),
                    counted.size()));
        }
        return values;
    }

    /** The approved values of a component indicator in the period, for the indicator whose approval counts. */
    private List<UnitValue> approvedValues(
            List<UnitValue> values, long componentId, long approvalIndicatorId, Period period) {
        List<UnitValue> in = new ArrayList<>();
        for (UnitValue v : values) {
            if (v.indicatorId() == componentId
                    && !v.start().isBefore(period.startDate())
                    && !v.end().isAfter(period.endDate())
                    && approved.approved(approvalIndicatorId, v.orgUnitId(), Period.parse(v.period()))) {
                in.add(v);
            }
        }
        return in;
    }

    private @org.jspecify.annotations.Nullable BigDecimal aggregate(
            IndicatorView indicator, List<UnitValue> values, Period period) {
        if (indicator.aggregation() == Aggregation.RATIO) {
            long numeratorId = java.util.Objects.requireNonNull(indicator.numeratorId());
            List<UnitValue> numerator = approvedValues(values, numeratorId, indicator.id(), period);
            List<UnitValue> denominator = approvedValues(
                    values, java.util.Objects.requireNonNull(indicator.denominatorId()), indicator.id(), period);
            if (numerator.isEmpty() || denominator.isEmpty()) {
                return null;
            }
            BigDecimal top = sum(numerator);
            BigDecimal bottom = sum(denominator);
            if (bottom.signum() == 0 || small(numeratorId, top)) {
                return null;
            }
            BigDecimal ratio = top.divide(bottom, MATH);
            return indicator.valueType() == ValueType.PERCENTAGE ? ratio.multiply(BigDecimal.valueOf(100)) : ratio;
        }
        List<UnitValue> in = approvedValues(values, indicator.id(), indicator.id(), period);
        if (in.isEmpty()) {
            return null;
        }
        BigDecimal value = switch (indicator.aggregation()) {
            case SUM -> sum(in);
            case AVERAGE ->
                sum(in).divide(
                                BigDecimal.valueOf(
                                        in.stream().mapToInt(UnitValue::count).sum()),
                                MATH);
            case LAST_VALUE -> {
                // values are ordered by period: the last one seen for each unit is its latest
                Map<Long, BigDecimal> latest = new HashMap<>();
                in.forEach(v -> latest.put(v.orgUnitId(), v.value()));
                yield latest.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            }
            case RATIO -> throw new IllegalStateException("handled above");
        };
        return small(indicator.id(), value) ? null : value;
    }

    private boolean small(long indicatorId, BigDecimal value) {
        return SmallCells.hides(thresholds.get(indicatorId), value);
    }

    private static BigDecimal sum(List<UnitValue> values) {
        return values.stream().map(UnitValue::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
