package org.bluehelm.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bluehelm.indicator.Aggregation;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.indicator.SmallCells;
import org.bluehelm.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Suppresses small cells of the indicators that ask for it ({@code suppress_below}, e.g. the
 * accountability counts of complaints and cases) for users who must not see them
 * ({@link SmallCells}): such a cell keeps its place in the result, without a value and marked
 * {@code suppressed}, so that pivots, dashboards, downloads, the progress and index screens and the
 * API all show it as suppressed. Applied once, to every result of {@link AnalyticsService#aggregate}.
 *
 * <p>A cell is suppressed when a count it rests on is under the threshold: for a SUM (or AVERAGE,
 * LAST_VALUE) indicator its own value; for a RATIO its numerator and its denominator, where they ask
 * for suppression themselves (the numerator otherwise); for a formula, those of every indicator it
 * refers to. A count the cell rests on that has no value (no case) counts as under the threshold.
 * Only primary suppression is done: no other cell is hidden to stop a suppressed one being worked
 * out from a total.
 */
@Component
class SmallCellSuppression {

    private final IndicatorService indicators;

    SmallCellSuppression(IndicatorService indicators) {
        this.indicators = indicators;
    }

    /**
     * The result as the current user may see it; {@code unsuppressed} aggregates the counts a cell
     * rests on when the result does not hold them.
     */
    AnalyticsResult apply(
            AnalyticsQuery query, AnalyticsResult result, Function<AnalyticsQuery, AnalyticsResult> unsuppressed) {
        if (result.rows().isEmpty()) {
            return result;
        }
        Map<Long, Integer> thresholds = indicators.smallCellThresholdsForCurrentUser();
        if (thresholds.isEmpty()) {
            return result;
        }
        // the counts (indicator -> threshold) each indicator and formula of the result rests on
        Map<Long, Map<Long, Integer>> byIndicator = new HashMap<>();
        for (AnalyticsResult.IndicatorItem item : result.indicators()) {
            Map<Long, Integer> counts = counts(item.id(), thresholds);
            if (!counts.isEmpty()) {
                byIndicator.put(item.id(), counts);
            }
        }
        Map<Integer, Map<Long, Integer>> byFormula = new HashMap<>();
        for (AnalyticsResult.FormulaItem item : result.formulas()) {
            Map<Long, Integer> counts = new LinkedHashMap<>();
            for (String code : item.indicatorCodes()) {
                indicators.findByCodeIgnoringScope(code).ifPresent(i -> counts.putAll(counts(i.id(), thresholds)));
            }
            if (!counts.isEmpty()) {
                byFormula.put(item.index(), counts);
            }
        }
        if (byIndicator.isEmpty() && byFormula.isEmpty()) {
            return result;
        }
        Set<Long> needed = new HashSet<>();
        byIndicator.values().forEach(c -> needed.addAll(c.keySet()));
        byFormula.values().forEach(c -> needed.addAll(c.keySet()));
        Map<String, BigDecimal> counts = new HashMap<>();
        Set<Long> missing = new HashSet<>(needed);
        for (AnalyticsResult.Row row : result.rows()) {
            if (row.indicator() != null && needed.contains(row.indicator()) && row.value() != null) {
                counts.put(key(row.indicator(), row), row.value());
            }
        }
        result.indicators().forEach(i -> missing.remove(i.id()));
        boolean unknown = false;
        if (!missing.isEmpty()) {
            try {
                AnalyticsResult extra = unsuppressed.apply(new AnalyticsQuery(
                        List.copyOf(missing),
                        List.of(),
                        query.orgUnits(),
                        query.orgUnitLevel(),
                        query.children(),
                        query.periodType(),
                        query.from(),
                        query.to(),
                        query.byOption()));
                for (AnalyticsResult.Row row : extra.rows()) {
                    if (row.indicator() != null && row.value() != null) {
                        counts.put(key(row.indicator(), row), row.value());
                    }
                }
            } catch (NotFoundException e) {
                unknown = true; // a count the user may not read: suppress every cell resting on it
            }
        }
        List<AnalyticsResult.Row> rows = new ArrayList<>(result.rows().size());
        for (AnalyticsResult.Row row : result.rows()) {
            Map<Long, Integer> restsOn = row.indicator() != null
                    ? byIndicator.get(row.indicator())
                    : byFormula.get(Objects.requireNonNull(row.formula()));
            rows.add(restsOn != null && (unknown || small(restsOn, row, counts)) ? row.suppress() : row);
        }
        return new AnalyticsResult(
                rows, result.indicators(), result.formulas(), result.orgUnits(), result.periods(), result.options());
    }

    /** The counts an indicator rests on, with their thresholds; empty when it is never suppressed. */
    private Map<Long, Integer> counts(long indicatorId, Map<Long, Integer> thresholds) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        Optional<IndicatorView> found = indicators.findIgnoringScope(indicatorId);
        if (found.isEmpty()) {
            return counts;
        }
        IndicatorView indicator = found.get();
        Integer own = thresholds.get(indicatorId);
        if (indicator.aggregation() == Aggregation.RATIO) {
            Long numerator = Objects.requireNonNull(indicator.numeratorId());
            Long denominator = Objects.requireNonNull(indicator.denominatorId());
            if (thresholds.containsKey(numerator)) {
                counts.put(numerator, thresholds.get(numerator));
            }
            if (thresholds.containsKey(denominator)) {
                counts.put(denominator, thresholds.get(denominator));
            }
            if (counts.isEmpty() && own != null) {
                counts.put(numerator, own);
            }
        } else if (own != null) {
            counts.put(indicatorId, own);
        }
        return counts;
    }

    private static boolean small(Map<Long, Integer> restsOn, AnalyticsResult.Row row, Map<String, BigDecimal> counts) {
        for (Map.Entry<Long, Integer> count : restsOn.entrySet()) {
            @Nullable BigDecimal value = counts.get(key(count.getKey(), row));
            if (value == null || value.compareTo(BigDecimal.valueOf(count.getValue())) < 0) {
                return true;
            }
        }
        return false;
    }

    private static String key(long indicator, AnalyticsResult.Row row) {
        return indicator + "|" + row.orgUnit() + "|" + row.period() + "|" + row.option();
    }
}
