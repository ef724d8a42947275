package org.bluehelm.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitFilter;
import org.bluehelm.geography.OrgUnitMoved;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.Aggregation;
import org.bluehelm.indicator.CategoryView;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.indicator.ValueType;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Aggregates of indicator values over the organisation unit hierarchy and periods, restricted to
 * what the current user may see. Reads the rollups that {@link RollupMaintainer} keeps up to date
 * in every transaction that writes data values (see docs/adr/0004-analytics-rollups.md).
 *
 * <ul>
 *   <li>SUM: the sum of the values in the unit's subtree and the period (finer periods included).
 *   <li>AVERAGE: that sum divided by the number of values.
 *   <li>RATIO: the sum of the numerator indicator's values over the sum of the denominator's, in
 *       the same cell (not the average of ratios), times 100 when the indicator is a PERCENTAGE.
 *   <li>LAST_VALUE: for every unit with values in the subtree, its value of the latest period
 *       inside the requested one, added up over those units (read from the data values).
 * </ul>
 *
 * Formulas ({@link IndicatorFormula}) are evaluated cell by cell over the referenced indicators'
 * aggregated values; a cell where one of them has no value, or where the formula divides by zero,
 * has no value.
 */
@Service
@Transactional(readOnly = true)
public class AnalyticsService {

    /** Most indicators and formulas in one query. */
    public static final int MAX_ITEMS = 50;
    /** Most periods in one query. */
    public static final int MAX_PERIODS = 1000;
    /** Most cells (items x units x periods) in one query. */
    public static final int MAX_CELLS = 500_000;

    private static final MathContext MATH = MathContext.DECIMAL64;
    private static final int SCALE = 6;

    /** How long a loaded indicator definition or list of units is reused. */
    static final java.time.Duration DEFINITIONS_TTL = java.time.Duration.ofSeconds(30);

    private final RollupStore store;
    private final CellCache cellCache;
    private final ResultCache results;
    private final RollupMaintainer maintainer;
    private final IndicatorService indicators;
    private final GeographyService geography;
    private final ShortLivedCache<Long, Optional<IndicatorView>> indicatorCache =
            new ShortLivedCache<>(DEFINITIONS_TTL);
    private final ShortLivedCache<String, List<OrgUnitView>> unitCache = new ShortLivedCache<>(DEFINITIONS_TTL);

    private final SmallCellSuppression suppression;

    AnalyticsService(
            RollupStore store,
            CellCache cellCache,
            ResultCache results,
            RollupMaintainer maintainer,
            IndicatorService indicators,
            GeographyService geography,
            SmallCellSuppression suppression) {
        this.suppression = suppression;
        this.store = store;
        this.cellCache = cellCache;
        this.results = results;
        this.maintainer = maintainer;
        this.indicators = indicators;
        this.geography = geography;
    }

    /**
     * A moved unit changes the unit lists of its old and new ancestors: they are read again at once,
     * and once more when the move commits (a read in between may have cached the lists as they were).
     */
    @EventListener
    void on(OrgUnitMoved event) {
        unitCache.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    unitCache.clear();
                }
            });
        }
    }

    /**
     * Aggregates indicators and formulas by organisation unit and period (and option).
     *
     * @throws InvalidInputException naming the query parameter at fault
     * @throws NotFoundException when an indicator does not exist or is outside the user's scope
     */
    public AnalyticsResult aggregate(AnalyticsQuery query) {
        // the one place where small cells are suppressed for public and partner users
        return suppression.apply(query, aggregateAll(query), this::aggregateAll);
    }

    /** {@link #aggregate} without small-cell suppression. */
    private AnalyticsResult aggregateAll(AnalyticsQuery query) {
        AccessScope scope = AccessScope.current();
        return results.result(query, scope, q -> compute(q, scope));
    }

    /** The result, the indicators it rests on, and whether it may be kept in memory. */
    private ResultCache.Computed compute(AnalyticsQuery query, AccessScope scope) {
        Validation v = new Validation();
        if (query.indicators().isEmpty() && query.formulas().isEmpty()) {
            v.coded("indicator", "give at least one indicator (or a formula)", "analytics.validation.noIndicator");
        }
        if (query.indicators().size() + query.formulas().size() > MAX_ITEMS) {
            v.coded(
                    "indicator",
                    "at most " + MAX_ITEMS + " indicators and formulas at once",
                    "analytics.validation.tooManyItems",
                    MAX_ITEMS);
        }
        if (query.orgUnits().isEmpty()) {
            v.coded("orgUnit", "give at least one organisation unit", "analytics.validation.noOrgUnit");
        }
        if (query.children() && query.orgUnitLevel() != null) {
            v.coded(
                    "children",
                    "choose either children or orgUnitLevel, not both",
                    "analytics.validation.childrenOrLevel");
        }
        v.between("orgUnitLevel", query.orgUnitLevel(), 1, 10);
        List<OrgUnitView> given = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(query.orgUnits())) {
            try {
                OrgUnitView unit = geography.orgUnit(id);
                given.add(unit);
                if (query.orgUnitLevel() != null && query.orgUnitLevel() < unit.level()) {
                    v.coded(
                            "orgUnitLevel",
                            "must not be above the level of organisation unit " + unit.code() + " (" + unit.level()
                                    + ")",
                            "analytics.validation.levelAbove",
                            unit.code(),
                            unit.level());
                }
            } catch (NotFoundException e) {
                v.coded(
                        "orgUnit",
                        "organisation unit " + id + " does not exist",
                        "alert.validation.orgUnit",
                        String.valueOf(id));
            }
        }
        List<Period> periods = periods(query, v);
        List<IndicatorFormula> formulas = new ArrayList<>();
        for (String text : query.formulas()) {
            try {
                formulas.add(IndicatorFormula.parse("formula", text));
            } catch (InvalidInputException e) {
                e.problems().forEach(v::add);
            }
        }
        Map<String, IndicatorView> byCode = new LinkedHashMap<>();
        for (String code : IndicatorFormula.allReferences(formulas)) {
            try {
                byCode.put(code, indicators.getByCode(code));
            } catch (NotFoundException e) {
                v.add(unknownCode(code));
            }
        }
        v.throwIfInvalid();
        List<IndicatorView> requested = new LinkedHashSet<>(query.indicators())
                .stream().map(id -> readable(id, scope)).toList();

        List<OrgUnitView> units = units(given, query);
        long cellCount = (long) units.size() * periods.size() * (requested.size() + formulas.size());
        if (cellCount > MAX_CELLS) {
            throw InvalidInputException.coded(
                    "orgUnit",
                    "the query asks for " + cellCount + " cells (items x units x periods), more than " + MAX_CELLS
                            + ": choose fewer units, periods or indicators",
                    "analytics.validation.tooManyCells",
                    cellCount,
                    MAX_CELLS);
        }
        PeriodType type = periods.get(0).type();
        Set<IndicatorView> needed = new LinkedHashSet<>(requested);
        needed.addAll(byCode.values());
        Cells cells = new Cells(query.byOption(), readIds(needed), units, periods);
        load(needed, units, type, periods, query.byOption(), scope, cells);

        List<AnalyticsResult.Row> rows = new ArrayList<>();
        for (IndicatorView indicator : requested) {
            for (OrgUnitView unit : units) {
                for (Period period : periods) {
                    for (long option : cells.options(indicator, unit.id(), period.id())) {
                        BigDecimal value = cells.value(indicator, unit.id(), period.id(), option);
                        if (value != null) {
                            rows.add(new AnalyticsResult.Row(
                                    indicator.id(),
                                    null,
                                    unit.id(),
                                    period.id(),
                                    optionOf(query, option),
                                    plain(value)));
                        }
                    }
                }
            }
        }
        for (int f = 0; f < formulas.size(); f++) {
            IndicatorFormula formula = formulas.get(f);
            List<IndicatorView> refs =
                    formula.references().stream().map(byCode::get).toList();
            for (OrgUnitView unit : units) {
                for (Period period : periods) {
                    Set<Long> options = new TreeSet<>();
                    refs.forEach(r -> {
                        for (long option : cells.options(r, unit.id(), period.id())) {
                            options.add(option);
                        }
                    });
                    for (long option : options) {
                        BigDecimal value =
                                formula.evaluate(code -> cells.value(byCode.get(code), unit.id(), period.id(), option));
                        if (value != null) {
                            rows.add(new AnalyticsResult.Row(
                                    null, f, unit.id(), period.id(), optionOf(query, option), plain(value)));
                        }
                    }
                }
            }
        }
        Set<Long> restsOn = new HashSet<>();
        boolean lastValue = false;
        for (IndicatorView indicator : needed) {
            restsOn.add(indicator.id());
            if (indicator.aggregation() == Aggregation.RATIO) {
                restsOn.add(java.util.Objects.requireNonNull(indicator.numeratorId()));
                restsOn.add(java.util.Objects.requireNonNull(indicator.denominatorId()));
            }
            lastValue |= indicator.aggregation() == Aggregation.LAST_VALUE;
        }
        // like the cell cache: the upper levels only, and not LAST_VALUE (read from the data values)
        boolean cacheable = !lastValue && units.stream().allMatch(u -> u.level() <= CellCache.DEEPEST_LEVEL);
        AnalyticsResult result = new AnalyticsResult(
                List.copyOf(rows),
                requested.stream()
                        .map(i -> new AnalyticsResult.IndicatorItem(
                                i.id(), i.code(), i.name(), i.unit(), i.aggregation()))
                        .toList(),
                formulas.stream()
                        .map(f -> new AnalyticsResult.FormulaItem(
                                formulas.indexOf(f), f.text(), List.copyOf(f.references())))
                        .toList(),
                units.stream()
                        .map(u -> new AnalyticsResult.OrgUnitItem(u.id(), u.code(), u.name(), u.level(), u.parentId()))
                        .toList(),
                periods.stream()
                        .map(p -> new AnalyticsResult.PeriodItem(p.id(), p.type(), p.startDate(), p.endDate()))
                        .toList(),
                options(needed, rows));
        return new ResultCache.Computed(result, restsOn, cacheable);
    }

    /** The value of one indicator for one unit (its whole subtree) and one period, if it has one. */
    public Optional<BigDecimal> value(long indicatorId, long orgUnitId, Period period) {
        AnalyticsResult result = aggregate(new AnalyticsQuery(
                List.of(indicatorId),
                List.of(),
                List.of(orgUnitId),
                null,
                false,
                period.type(),
                period.id(),
                period.id(),
                false));
        return result.rows().stream().findFirst().map(AnalyticsResult.Row::value);
    }

    /**
     * Parses a formula and checks that every indicator it refers to exists and is readable.
     *
     * @throws InvalidInputException naming {@code formula}, with the position or the unknown code
     */
    public IndicatorFormula formula(String text) {
        IndicatorFormula formula = IndicatorFormula.parse("formula", text);
        for (String code : formula.references()) {
            try {
                indicators.getByCode(code);
            } catch (NotFoundException e) {
                throw new InvalidInputException(List.of(unknownCode(code)));
            }
        }
        return formula;
    }

    /**
     * Recomputes every rollup from the data values and the current hierarchy, with set-based SQL,
     * in one transaction. On PostgreSQL the rollup table is locked meanwhile: aggregate reads and
     * data value writes wait until the rebuild commits. On H2 readers see the old rollups until then.
     */
    @Transactional
    public RebuildResult rebuild() {
        return maintainer.rebuild();
    }

    /**
     * Switches the in-memory caches of upper-level cells and results on (the default) or off, so that a
     * benchmark can measure reads that go to the rollups every time. Results are the same either way.
     */
    public void cacheUpperLevels(boolean on) {
        cellCache.enabled(on);
    }

    // ---- resolving the query ---------------------------------------------------------------------

    private List<Period> periods(AnalyticsQuery query, Validation v) {
        Period from = null;
        Period to = null;
        if (query.from() == null || query.from().isBlank()) {
            v.coded("from", "is required: the first period, e.g. 2024Q1", "analytics.validation.fromRequired");
        } else {
            from = parse("from", query.from(), v);
        }
        if (query.to() != null && !query.to().isBlank()) {
            to = parse("to", query.to(), v);
        }
        if (from == null) {
            return List.of();
        }
        PeriodType type = query.periodType() != null ? query.periodType() : from.type();
        Period first = containing(from.startDate(), type);
        Period last = containing((to == null ? from : to).endDate(), type);
        if (to != null && last.startDate().isBefore(first.startDate())) {
            v.coded("to", "must not be before from", "analytics.validation.toBeforeFrom");
            return List.of();
        }
        List<Period> periods = new ArrayList<>();
        for (Period p = first;
                !p.startDate().isAfter(last.startDate());
                p = containing(p.endDate().plusDays(1), type)) {
            if (periods.size() == MAX_PERIODS) {
                v.coded(
                        "to",
                        "at most " + MAX_PERIODS + " periods at once",
                        "analytics.validation.tooManyPeriods",
                        MAX_PERIODS);
                return List.of();
            }
            periods.add(p);
        }
        return periods;
    }

    private static @Nullable Period parse(String field, String text, Validation v) {
        try {
            return Period.parse(field, text);
        } catch (InvalidInputException e) {
            e.problems().forEach(v::add);
            return null;
        }
    }

    private static FieldProblem unknownCode(String code) {
        return new FieldProblem(
                "formula",
                "no indicator has the code '" + code + "'",
                "analytics.validation.unknownCode",
                List.of(code));
    }

    /** The period of a type that contains a day. */
    static Period containing(java.time.LocalDate day, PeriodType type) {
        return Period.day(day).rollUpTo(type);
    }

    /** The indicator, if the user may read it; one outside the scope is not found, as if it did not exist. */
    private IndicatorView readable(long id, AccessScope scope) {
        return indicatorCache
                .get(id, indicators::findIgnoringScope)
                .filter(i -> scope.canRead(i.missionId(), i.countryCode()))
                .orElseThrow(() -> new NotFoundException("Indicator", id));
    }

    /** The units of the result: the given ones, their children, or those at a level within them. */
    private List<OrgUnitView> units(List<OrgUnitView> given, AnalyticsQuery query) {
        if (!query.children() && query.orgUnitLevel() == null) {
            return given;
        }
        String key = given.stream().map(u -> String.valueOf(u.id())).collect(java.util.stream.Collectors.joining(","))
                + (query.children() ? "/children" : "/level" + query.orgUnitLevel());
        return unitCache.get(key, k -> selectUnits(given, query));
    }

    private List<OrgUnitView> selectUnits(List<OrgUnitView> given, AnalyticsQuery query) {
        Map<Long, OrgUnitView> units = new LinkedHashMap<>();
        for (OrgUnitView unit : given) {
            OrgUnitFilter filter = query.children()
                    ? new OrgUnitFilter(null, unit.id(), null, null, null, null)
                    : new OrgUnitFilter(null, null, unit.id(), query.orgUnitLevel(), null, null);
            for (int page = 0; ; page++) {
                PageResponse<OrgUnitView> found = geography.orgUnits(
                        filter, PageQuery.of(page, PageQuery.MAX_SIZE, "name", Map.of("name", "name, id"), "name"));
                found.items().forEach(u -> units.putIfAbsent(u.id(), u));
                if (found.items().size() < PageQuery.MAX_SIZE) {
                    break;
                }
                if (units.size() > MAX_CELLS) {
                    throw InvalidInputException.coded(
                            "orgUnitLevel", "selects too many organisation units", "analytics.validation.tooManyUnits");
                }
            }
        }
        return List.copyOf(units.values());
    }

    /** The ids of the indicators whose cells are read for these: each one, and a ratio's components. */
    private static Set<Long> readIds(Set<IndicatorView> needed) {
        Set<Long> ids = new LinkedHashSet<>();
        for (IndicatorView indicator : needed) {
            ids.add(indicator.id());
            if (indicator.aggregation() == Aggregation.RATIO) {
                ids.add(java.util.Objects.requireNonNull(indicator.numeratorId()));
                ids.add(java.util.Objects.requireNonNull(indicator.denominatorId()));
            }
        }
        return ids;
    }

    /** Reads the cells of every indicator needed (ratio components included) into {@code cells}. */
    private void load(
            Set<IndicatorView> needed,
            List<OrgUnitView> units,
            PeriodType type,
            List<Period> periods,
            boolean byOption,
            AccessScope scope,
            Cells cells) {
        Set<Long> summed = new LinkedHashSet<>();
        for (IndicatorView indicator : needed) {
            switch (indicator.aggregation()) {
                case SUM, AVERAGE -> summed.add(indicator.id());
                case RATIO -> {
                    summed.add(java.util.Objects.requireNonNull(indicator.numeratorId()));
                    summed.add(java.util.Objects.requireNonNull(indicator.denominatorId()));
                }
                case LAST_VALUE -> {}
            }
        }
        String from = periods.get(0).id();
        String to = periods.get(periods.size() - 1).id();
        Map<Integer, List<Long>> unitsByLevel = new HashMap<>();
        units.forEach(u ->
                unitsByLevel.computeIfAbsent(u.level(), l -> new ArrayList<>()).add(u.id()));
        if (!summed.isEmpty()) {
            unitsByLevel.forEach((level, ids) -> cellCache
                    .cells(store, summed, level, ids, type, from, to, byOption, scope)
                    .forEach(cells::put));
        }
        List<Long> unitIds = units.stream().map(OrgUnitView::id).toList();
        for (IndicatorView indicator : needed) {
            if (indicator.aggregation() == Aggregation.LAST_VALUE) {
                store.lastValueCells(indicator.id(), unitIds, type, from, to, byOption, scope)
                        .forEach(cells::putLast);
            }
        }
    }

    private static @Nullable Long optionOf(AnalyticsQuery query, long option) {
        return !query.byOption() || option == 0 ? null : option;
    }

    private static List<AnalyticsResult.OptionItem> options(
            Set<IndicatorView> indicators, List<AnalyticsResult.Row> rows) {
        Set<Long> used = new TreeSet<>();
        rows.forEach(r -> {
            if (r.option() != null) {
                used.add(r.option());
            }
        });
        Map<Long, AnalyticsResult.OptionItem> items = new LinkedHashMap<>();
        for (IndicatorView indicator : indicators) {
            for (CategoryView category : indicator.categories()) {
                for (CategoryView.OptionView option : category.options()) {
                    if (used.contains(option.id())) {
                        items.putIfAbsent(
                                option.id(),
                                new AnalyticsResult.OptionItem(
                                        option.id(), category.code(), option.code(), option.name()));
                    }
                }
            }
        }
        return List.copyOf(items.values());
    }

    /** A number as the API shows it: at most 6 decimals, no trailing zeros. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal v =
                (value.scale() > SCALE ? value.setScale(SCALE, RoundingMode.HALF_UP) : value).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /**
     * The cells read from the store, and the value of an indicator in a cell by its aggregation.
     * The cells sit in arrays indexed by indicator, unit and period (all known before reading), so
     * a query of thousands of cells allocates no key per cell to put or find one; with options
     * kept apart a slot holds the cells of each option.
     */
    private static final class Cells {
        private static final long[] TOTAL_ONLY = {0L};
        private static final RollupStore.Cell[] NONE = {};

        private final boolean byOption;
        private final long[] indicators;
        private final long[] units;
        private final Map<String, Integer> periods = new HashMap<>();
        private final @Nullable Object[] summed;
        private final @Nullable Object[] last;

        Cells(boolean byOption, Set<Long> indicatorIds, List<OrgUnitView> units, List<Period> periods) {
            this.byOption = byOption;
            this.indicators =
                    indicatorIds.stream().mapToLong(Long::longValue).sorted().toArray();
            this.units = units.stream()
                    .mapToLong(OrgUnitView::id)
                    .sorted()
                    .distinct()
                    .toArray();
            for (Period period : periods) {
                this.periods.put(period.id(), this.periods.size());
            }
            int size = indicators.length * this.units.length * periods.size();
            this.summed = new Object[size];
            this.last = new Object[size];
        }

        void put(RollupStore.Cell cell) {
            put(summed, cell);
        }

        void putLast(RollupStore.Cell cell) {
            put(last, cell);
        }

        private void put(@Nullable Object[] slots, RollupStore.Cell cell) {
            int at = slot(cell.indicatorId(), cell.orgUnitId(), cell.periodId());
            if (at < 0) {
                return; // not asked for
            }
            if (!byOption) {
                slots[at] = cell;
                return;
            }
            RollupStore.Cell[] kept = slots[at] == null ? NONE : (RollupStore.Cell[]) slots[at];
            RollupStore.Cell[] grown = java.util.Arrays.copyOf(kept, kept.length + 1);
            grown[kept.length] = cell;
            slots[at] = grown;
        }

        private int slot(long indicator, long unit, String period) {
            int i = java.util.Arrays.binarySearch(indicators, indicator);
            int u = java.util.Arrays.binarySearch(units, unit);
            Integer p = periods.get(period);
            if (i < 0 || u < 0 || p == null) {
                return -1;
            }
            return (i * units.length + u) * periods.size() + p;
        }

        private RollupStore.@Nullable Cell cell(
                @Nullable Object[] slots, long indicator, long unit, String period, long option) {
            int at = slot(indicator, unit, period);
            if (at < 0 || slots[at] == null) {
                return null;
            }
            if (!byOption) {
                return (RollupStore.Cell) slots[at];
            }
            for (RollupStore.Cell cell : (RollupStore.Cell[]) slots[at]) {
                if (cell.optionKey() == option) {
                    return cell;
                }
            }
            return null;
        }

        /** The option keys that have values for the indicator in the cell, in order (0 alone when options are added up). */
        long[] options(IndicatorView indicator, long unit, String period) {
            if (!byOption) {
                return TOTAL_ONLY;
            }
            long source = indicator.aggregation() == Aggregation.RATIO
                    ? java.util.Objects.requireNonNull(indicator.numeratorId())
                    : indicator.id();
            int at = slot(source, unit, period);
            if (at < 0) {
                return new long[0];
            }
            Set<Long> keys = new TreeSet<>();
            for (@Nullable Object[] slots : List.of(summed, last)) {
                if (slots[at] != null) {
                    for (RollupStore.Cell cell : (RollupStore.Cell[]) slots[at]) {
                        keys.add(cell.optionKey());
                    }
                }
            }
            return keys.stream().mapToLong(Long::longValue).toArray();
        }

        @Nullable
        BigDecimal value(IndicatorView indicator, long unit, String period, long option) {
            return switch (indicator.aggregation()) {
                case SUM -> sum(indicator.id(), unit, period, option);
                case AVERAGE -> {
                    RollupStore.Cell cell = cell(summed, indicator.id(), unit, period, option);
                    yield cell == null || cell.count() == 0
                            ? null
                            : cell.sum().divide(BigDecimal.valueOf(cell.count()), MATH);
                }
                case LAST_VALUE -> {
                    RollupStore.Cell cell = cell(last, indicator.id(), unit, period, option);
                    yield cell == null ? null : cell.sum();
                }
                case RATIO -> {
                    BigDecimal numerator =
                            sum(java.util.Objects.requireNonNull(indicator.numeratorId()), unit, period, option);
                    BigDecimal denominator =
                            sum(java.util.Objects.requireNonNull(indicator.denominatorId()), unit, period, option);
                    if (numerator == null || denominator == null || denominator.signum() == 0) {
                        yield null;
                    }
                    BigDecimal ratio = numerator.divide(denominator, MATH);
                    yield indicator.valueType() == ValueType.PERCENTAGE
                            ? ratio.multiply(BigDecimal.valueOf(100))
                            : ratio;
                }
            };
        }

        private @Nullable BigDecimal sum(long indicator, long unit, String period, long option) {
            RollupStore.Cell cell = cell(summed, indicator, unit, period, option);
            return cell == null || cell.count() == 0 ? null : cell.sum();
        }
    }
}
