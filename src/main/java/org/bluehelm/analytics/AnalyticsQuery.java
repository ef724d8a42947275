package org.bluehelm.analytics;

import java.util.List;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/**
 * What to aggregate: indicators (by id) and formulas over indicators, for organisation units and a
 * range of periods. The units are the given ones themselves, their children ({@code children}), or
 * every unit at {@code orgUnitLevel} within them. The periods are those of {@code periodType}
 * (default: the type of {@code from}) from the one containing {@code from} to the one containing
 * {@code to} (default: {@code from}); values of finer periods are rolled up into them. With
 * {@code byOption}, values are kept apart by disaggregation option.
 *
 * <p>Field names are those of the API's query parameters, so that errors name them.
 */
public record AnalyticsQuery(
        List<Long> indicators,
        List<String> formulas,
        List<Long> orgUnits,
        @Nullable Integer orgUnitLevel,
        boolean children,
        @Nullable PeriodType periodType,
        @Nullable String from,
        @Nullable String to,
        boolean byOption) {

    public AnalyticsQuery {
        indicators = List.copyOf(indicators);
        formulas = List.copyOf(formulas);
        orgUnits = List.copyOf(orgUnits);
    }

    /** The indicators for the given units themselves over one period range, totals only. */
    public static AnalyticsQuery of(List<Long> indicators, List<Long> orgUnits, String from, String to) {
        return new AnalyticsQuery(indicators, List.of(), orgUnits, null, false, null, from, to, false);
    }

    public AnalyticsQuery atLevel(int level) {
        return new AnalyticsQuery(indicators, formulas, orgUnits, level, false, periodType, from, to, byOption);
    }

    public AnalyticsQuery childrenOnly() {
        return new AnalyticsQuery(indicators, formulas, orgUnits, null, true, periodType, from, to, byOption);
    }

    public AnalyticsQuery by(PeriodType type) {
        return new AnalyticsQuery(indicators, formulas, orgUnits, orgUnitLevel, children, type, from, to, byOption);
    }

    public AnalyticsQuery withFormulas(List<String> formulas) {
        return new AnalyticsQuery(
                indicators, formulas, orgUnits, orgUnitLevel, children, periodType, from, to, byOption);
    }

    public AnalyticsQuery splitByOption() {
        return new AnalyticsQuery(indicators, formulas, orgUnits, orgUnitLevel, children, periodType, from, to, true);
    }
}
