package org.bluehelm.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bluehelm.indicator.Aggregation;
import org.bluehelm.shared.PeriodType;
import org.jspecify.annotations.Nullable;

/**
 * Aggregated values: one row per indicator (or formula), organisation unit, period and, when
 * asked, option, for the cells that have a value; with the names of everything the rows refer to.
 * {@code orgUnits} and {@code periods} list every unit and period asked for, with or without
 * values, in display order (the axes of a pivot table).
 */
public record AnalyticsResult(
        List<Row> rows,
        List<IndicatorItem> indicators,
        List<FormulaItem> formulas,
        List<OrgUnitItem> orgUnits,
        List<PeriodItem> periods,
        List<OptionItem> options) {

    /**
     * A value. Exactly one of {@code indicator} (an indicator id) and {@code formula} (the index of
     * the formula in the query) is set; {@code option} is set only when values are split by option,
     * and is then null for values recorded without one. A small cell suppressed for the user
     * ({@link SmallCellSuppression}) has no value and {@code suppressed} true.
     */
    public record Row(
            @Nullable Long indicator,
            @Nullable Integer formula,
            long orgUnit,
            String period,
            @Nullable Long option,
            @Nullable BigDecimal value,
            boolean suppressed) {

        public Row(
                @Nullable Long indicator,
                @Nullable Integer formula,
                long orgUnit,
                String period,
                @Nullable Long option,
                BigDecimal value) {
            this(indicator, formula, orgUnit, period, option, value, false);
        }

        /** The same cell without its value, marked suppressed. */
        public Row suppress() {
            return new Row(indicator, formula, orgUnit, period, option, null, true);
        }
    }

    public record IndicatorItem(long id, String code, String name, String unit, Aggregation aggregation) {}

    public record FormulaItem(int index, String formula, List<String> indicatorCodes) {}

    public record OrgUnitItem(
            long id,
            String code,
            String name,
            int level,
            @Nullable Long parentId) {}

    public record PeriodItem(String id, PeriodType type, LocalDate startDate, LocalDate endDate) {}

    public record OptionItem(long id, String categoryCode, String code, String name) {}
}
