package org.bluehelm.measurement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitFilter;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.Aggregation;
import org.bluehelm.indicator.CategoryView;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.Chunks;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data values. A value is checked against its indicator (value type, range, disaggregation
 * options, the unit lying in the indicator's country or mission) before anything is written; a
 * batch is written only when every one of its values passes. A value carries the indicator's
 * mission and the unit's country, which decide who sees and changes it ({@link AccessScope}).
 * Recording a value that already exists replaces it only when the client sends the version it read.
 */
@Service
@Transactional(readOnly = true)
public class MeasurementService {

    static final Map<String, String> SORTS = Map.of(
            "period", "d.start_date",
            "storedAt", "d.stored_at",
            "value", "d.value",
            "indicator", "d.indicator_id",
            "orgUnit", "d.org_unit_id",
            "id", "d.id");
    static final int MAX_BATCH = 5000;
    /** Most ids in one SQL in-list. */
    private static final int IN_LIST = 1000;

    /** Newest entries first; among values saved together, the most recent periods first. */
    private static final String LATEST_FIRST = "d.stored_at desc, d.start_date desc, d.id desc";

    private static final String COLUMNS = """
            select d.id, d.indicator_id, d.org_unit_id, d.period_id, d.period_type, d.start_date, d.end_date,
                   d.option_id, d.value, d.comment, d.mission_id, d.country_code, d.stored_by, d.stored_at, d.version
              from data_value d""";

    private final DataValueRepository values;
    private final IndicatorService indicators;
    private final GeographyService geography;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MeasurementService(
            DataValueRepository values,
            IndicatorService indicators,
            GeographyService geography,
            JdbcClient jdbc,
            Clock clock,
            ApplicationEventPublisher events) {
        this.values = values;
        this.indicators = indicators;
        this.geography = geography;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** The data values in the current user's scope that match the filter. */
    public PageResponse<DataValueView> list(DataValueFilter filter, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("d.mission_id", "d.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        new Validation().datesInOrder("from", filter.from(), "to", filter.to()).throwIfInvalid();
        if (filter.indicatorId() != null) {
            where.append(" and d.indicator_id = :indicator");
            params.put("indicator", filter.indicatorId());
        }
        if (filter.orgUnitId() != null) {
            where.append(" and d.org_unit_id = :orgUnit");
            params.put("orgUnit", filter.orgUnitId());
        }
        if (filter.within() != null) {
            where.append(" and d.org_unit_id in (:within)");
            params.put("within", subtree(filter.within()));
        }
        if (filter.period() != null && !filter.period().isBlank()) {
            where.append(" and d.period_id = :period");
            params.put("period", Period.parse("period", filter.period()).id());
        }
        if (filter.periodType() != null) {
            where.append(" and d.period_type = :periodType");
            params.put("periodType", filter.periodType().name());
        }
        if (filter.from() != null) {
            where.append(" and d.start_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and d.end_date <= :to");
            params.put("to", filter.to());
        }
        long total = jdbc.sql("select count(*) from data_value d" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<DataValue> rows = jdbc.sql(
                        COLUMNS + where + " order by " + page.orderBy() + ", d.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(DataValueRepository::row)
                .list();
        Map<Long, Optional<IndicatorView>> indicatorsById = new HashMap<>();
        Map<Long, Integer> thresholds = indicators.smallCellThresholdsForCurrentUser();
        List<DataValueView> items = rows.stream()
                .map(d -> view(
                                d,
                                indicatorsById
                                        .computeIfAbsent(d.indicatorId, indicators::findIgnoringScope)
                                        .orElse(null))
                        .hidingCountsUnder(thresholds.get(d.indicatorId)))
                .toList();
        return PageResponse.of(items, page, total);
    }

    /** Sort keys of {@link #doubleCounted}. */
    static final Map<String, String> DOUBLE_COUNTED_SORTS =
            Map.of("period", "min(d.start_date)", "indicator", "d.indicator_id", "orgUnit", "d.org_unit_id");

    /**
     * The units and periods in the user's scope whose values count twice: a disaggregated indicator's
     * total beside its breakdown, or breakdowns by two of its categories (see {@link
     * DoubleCountedCell}). Reads every value in scope: a check run on demand, not on every page.
     */
    public PageResponse<DoubleCountedCell> doubleCounted(PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("d.mission_id", "d.country_code");
        String groups = """
                select d.indicator_id, d.org_unit_id, d.period_id,
                       min(d.mission_id) as mission_id, min(d.country_code) as country_code, count(*) as n
                  from data_value d
                  left join disaggregation_option o on o.id = d.option_id
                """ + " where " + scope.sql() + """

                 group by d.indicator_id, d.org_unit_id, d.period_id
                having count(distinct coalesce(o.category_id, 0)) > 1""";
        long total = jdbc.sql("select count(*) from (" + groups + ") g")
                .params(scope.params())
                .query(Long.class)
                .single();
        Map<Long, Optional<IndicatorView>> indicatorsById = new HashMap<>();
        Map<Long, Optional<OrgUnitView>> unitsById = new HashMap<>();
        List<DoubleCountedCell> items = jdbc.sql(groups + " order by " + page.orderBy()
                        + ", d.indicator_id, d.org_unit_id, d.period_id limit :limit offset :offset")
                .params(scope.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> {
                    long indicatorId = rs.getLong("indicator_id");
                    long unitId = rs.getLong("org_unit_id");
                    long mission = rs.getLong("mission_id");
                    Long missionId = rs.wasNull() ? null : mission;
                    IndicatorView indicator = indicatorsById
                            .computeIfAbsent(indicatorId, indicators::findIgnoringScope)
                            .orElse(null);
                    OrgUnitView unit =
                            unitsById.computeIfAbsent(unitId, this::findOrgUnit).orElse(null);
                    return new DoubleCountedCell(
                            indicatorId,
                            indicator == null ? String.valueOf(indicatorId) : indicator.code(),
                            indicator == null ? String.valueOf(indicatorId) : indicator.name(),
                            unitId,
                            unit == null ? String.valueOf(unitId) : unit.code(),
                            unit == null ? String.valueOf(unitId) : unit.name(),
                            rs.getString("period_id"),
                            missionId,
                            rs.getString("country_code"),
                            rs.getInt("n"));
                })
                .list();
        return PageResponse.of(items, page, total);
    }

    /** The values stored most recently in the user's scope, newest first (for the home page). */
    public List<DataValueView> latest(int limit) {
        return list(
                        new DataValueFilter(null, null, null, null, null, null, null),
                        new PageQuery(0, Math.max(1, Math.min(limit, 50)), LATEST_FIRST))
                .items();
    }

    /**
     * For each indicator and period with at least one value (any option) in the unit or below it,
     * in the current user's scope and within {@code from} to {@code to}: when the first of those
     * values was stored. A value's stored time is that of its last change, so a value corrected
     * later counts from the correction. For reporting completeness and timeliness.
     */
    public List<ReportedPeriod> reportedPeriods(
            Collection<Long> indicatorIds, long within, LocalDate from, LocalDate to) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        AccessScope.Filter scope = AccessScope.current().filter("d.mission_id", "d.country_code");
        List<Long> units = subtree(within);
        String sql = """
                select d.indicator_id, d.period_id, d.period_type, min(d.start_date) as start_date,
                       min(d.end_date) as end_date, min(d.stored_at) as first_stored_at
                  from data_value d
                 where d.indicator_id in (:indicators) and d.org_unit_id in (:units)
                   and d.start_date >= :from and d.end_date <= :to
                   and %s
                 group by d.indicator_id, d.period_id, d.period_type""".formatted(scope.sql());
        List<ReportedPeriod> found = new ArrayList<>();
        for (int i = 0; i < units.size(); i += IN_LIST) {
            found.addAll(jdbc.sql(sql)
                    .params(scope.params())
                    .param("indicators", List.copyOf(indicatorIds))
                    .param("units", units.subList(i, Math.min(units.size(), i + IN_LIST)))
                    .param("from", from)
                    .param("to", to)
                    .query((rs, n) -> new ReportedPeriod(
                            rs.getLong("indicator_id"),
                            rs.getString("period_id"),
                            PeriodType.valueOf(rs.getString("period_type")),
                            rs.getObject("start_date", LocalDate.class),
                            rs.getObject("end_date", LocalDate.class),
                            rs.getObject("first_stored_at", OffsetDateTime.class)))
                    .list());
        }
        if (units.size() <= IN_LIST) {
            return found;
        }
        // a large subtree was read in slices: keep the earliest time of each indicator and period
        Map<String, ReportedPeriod> earliest = new java.util.LinkedHashMap<>();
        for (ReportedPeriod r : found) {
            earliest.merge(
                    r.indicatorId() + "|" + r.period(),
                    r,
                    (a, b) -> a.firstStoredAt().isAfter(b.firstStoredAt()) ? b : a);
        }
        return List.copyOf(earliest.values());
    }

    /**
     * For each of the indicators and each of the units: the period of the latest value (any
     * option) in the unit or below it, in the current user's scope, whose period starts by {@code
     * startingBy}; among values whose periods start on that day, the one stored first (lowest id).
     * Pairs with no such value are left out. One query whatever the number of pairs (for progress
     * tables and reports).
     *
     * <p>Up to {@value #IN_LIST} units in the subtrees, the query names them. Beyond that it reads
     * the latest value of each of the indicators at every unit that has one and keeps those in the
     * subtrees: each slice of units would scan every value of the indicators again (the key index
     * starts with the indicator), and H2 checks a long list of parameters item by item for each row.
     */
    public List<LatestPeriod> latestPeriods(
            Collection<Long> indicatorIds, Collection<Long> withinUnits, LocalDate startingBy) {
        if (indicatorIds.isEmpty() || withinUnits.isEmpty()) {
            return List.of();
        }
        // the units asked for above each unit of their subtrees
        Map<Long, List<Long>> above = new java.util.LinkedHashMap<>();
        for (long within : new java.util.LinkedHashSet<>(withinUnits)) {
            for (long unit : subtree(within)) {
                above.computeIfAbsent(unit, u -> new ArrayList<>()).add(within);
            }
        }
        List<Long> units = List.copyOf(above.keySet());
        AccessScope.Filter scope = AccessScope.current().filter("d.mission_id", "d.country_code");
        boolean named = units.size() <= IN_LIST;
        String sql = """
                select t.indicator_id, t.org_unit_id, t.period_id, t.start_date, t.id
                  from (select d.indicator_id, d.org_unit_id, d.period_id, d.start_date, d.id,
                               rank() over (partition by d.indicator_id, d.org_unit_id
                                            order by d.start_date desc) as r
                          from data_value d
                         where d.indicator_id in (:indicators) %s
                           and d.start_date <= :startingBy
                           and %s) t
                 where t.r = 1""".formatted(named ? "and d.org_unit_id in (:units)" : "", scope.sql());
        record Latest(long indicatorId, long orgUnitId, String period, LocalDate startDate, long id) {}
        Map<String, Latest> best = new java.util.LinkedHashMap<>();
        var query = jdbc.sql(sql)
                .params(scope.params())
                .param("indicators", List.copyOf(indicatorIds))
                .param("startingBy", startingBy);
        if (named) {
            query = query.param("units", units);
        }
        List<Latest> found = query.query((rs, n) -> new Latest(
                        rs.getLong("indicator_id"),
                        rs.getLong("org_unit_id"),
                        rs.getString("period_id"),
                        rs.getObject("start_date", LocalDate.class),
                        rs.getLong("id")))
                .list();
        for (Latest l : found) {
            List<Long> asked = above.get(l.orgUnitId());
            if (asked == null) {
                continue; // outside the subtrees asked for
            }
            for (long within : asked) {
                best.merge(
                        l.indicatorId() + "|" + within,
                        new Latest(l.indicatorId(), within, l.period(), l.startDate(), l.id()),
                        (a, b) -> a.startDate().isAfter(b.startDate())
                                        || (a.startDate().equals(b.startDate()) && a.id() < b.id())
                                ? a
                                : b);
            }
        }
        return best.values().stream()
                .map(l -> new LatestPeriod(l.indicatorId(), l.orgUnitId(), l.period(), l.startDate()))
                .toList();
    }

    /** The data value, if the current user may see it (otherwise not found). */
    public DataValueView get(long id) {
        DataValue value = readable(id);
        return view(value, indicators.findIgnoringScope(value.indicatorId).orElse(null))
                .hidingCountsUnder(
                        indicators.smallCellThresholdsForCurrentUser().get(value.indicatorId));
    }

    /**
     * Records one value: creates it when none is stored for its indicator, unit, period and option
     * (the command then carries no version), or replaces the stored one when the command carries its
     * current version. A missing or stale version is a conflict.
     */
    @Transactional
    public RecordedValue recordValue(DataValueCommand command) {
        Planned planned = plan(List.of(command), false).get(0);
        List<DataValuesChanged.Change> changes = new ArrayList<>();
        RecordedValue recorded = write(planned, AccessScope.current().username(), now(), changes);
        refuseTotalBesideBreakdown(List.of(planned));
        publishChanges(changes);
        return recorded;
    }

    /**
     * Records many values at once, all or nothing: every value is checked first and the problems of
     * all of them are reported together (as {@code values[3].period}); a conflict on any value
     * writes none of them.
     */
    @Transactional
    public BatchResult recordBatch(List<DataValueCommand> commands) {
        List<Planned> planned = new ArrayList<>();
        BatchResult result = writeBatch(commands, planned);
        refuseTotalBesideBreakdown(planned);
        return result;
    }

    /** Checks and writes a batch without publishing its changes' effect on totals: see {@link #recordBatch}. */
    private BatchResult writeBatch(List<DataValueCommand> commands, List<Planned> planned) {
        if (commands.isEmpty()) {
            throw InvalidInputException.of("values", "at least one value is required");
        }
        if (commands.size() > MAX_BATCH) {
            throw InvalidInputException.of("values", "at most " + MAX_BATCH + " values per batch");
        }
        planned.addAll(plan(commands, true));
        String who = AccessScope.current().username();
        OffsetDateTime now = now();
        int created = 0;
        List<DataValueView> written = new ArrayList<>();
        List<DataValuesChanged.Change> changes = new ArrayList<>();
        for (Planned p : planned) {
            RecordedValue recorded = write(p, who, now, changes);
            created += recorded.created() ? 1 : 0;
            written.add(recorded.value());
        }
        publishChanges(changes);
        return new BatchResult(created, written.size() - created, written);
    }

    /**
     * Checks values exactly as {@link #recordBatch} does (problems named {@code values[3].value}),
     * without writing anything; does nothing when every value passes. Lets a form report its own
     * problems (such as a number it could not read) together with these.
     */
    public void checkBatch(List<DataValueCommand> commands) {
        if (!commands.isEmpty()) {
            plan(commands, true);
        }
    }

    /**
     * Saves a data entry grid in one transaction, all or nothing: records the new and changed values
     * as {@link #recordBatch} does, then removes the values the user cleared, each only at the
     * version the user read. A problem with any value, or a conflict on any value (changed or
     * removed by someone else meanwhile), writes nothing.
     */
    @Transactional
    public EntryResult recordEntries(List<DataValueCommand> commands, List<ClearedValue> cleared) {
        List<Planned> planned = new ArrayList<>();
        BatchResult batch = commands.isEmpty() ? new BatchResult(0, 0, List.of()) : writeBatch(commands, planned);
        List<DataValuesChanged.Change> removed = new ArrayList<>();
        for (ClearedValue c : cleared) {
            DataValue stored = values.findById(c.id())
                    .filter(d -> AccessScope.current().canRead(d.missionId, d.countryCode))
                    .orElseThrow(() -> new ConflictException(
                            "stale-version", "data value " + c.id() + " was removed by someone else meanwhile"));
            refuseHiddenCounts(stored);
            refuseLocked(stored);
            if (stored.version != c.version()) {
                throw ConflictException.staleVersion("Data value", c.id());
            }
            values.delete(stored);
            removed.add(change(stored, stored.value, null));
        }
        // checked once the cleared values are gone: a grid may replace a total by its breakdown
        refuseTotalBesideBreakdown(planned);
        if (!removed.isEmpty()) {
            // aggregates and alerts follow a cleared cell as they follow any other deletion
            publishChanges(removed);
        }
        return new EntryResult(batch.created(), batch.updated(), cleared.size());
    }

    /** Changes the number (and comment) of a stored value; the key (indicator, unit, period, option) stays. */
    @Transactional
    public DataValueView update(long id, int expectedVersion, @Nullable BigDecimal value, @Nullable String comment) {
        DataValue stored = writable(id);
        refuseLocked(stored);
        IndicatorView indicator = indicators
                .findIgnoringScope(stored.indicatorId)
                .orElseThrow(() -> new NotFoundException("Data value", id));
        Validation v = new Validation().required("value", value).maxLength("comment", comment, 1000);
        if (value != null) {
            add(v, IndicatorService.checkValue("value", indicator, value));
        }
        v.throwIfInvalid();
        if (stored.version != expectedVersion) {
            throw ConflictException.staleVersion("Data value", id);
        }
        BigDecimal before = stored.value;
        stored.value = value;
        stored.comment = blankToNull(comment);
        stored.storedBy = AccessScope.current().username();
        stored.storedAt = now();
        DataValueView saved = view(values.save(stored), indicator);
        publishChanges(List.of(change(stored, before, value)));
        return saved;
    }

    /**
     * Deletes every value of an indicator (used when a dataset is removed as a whole); the indicator
     * must be in the user's scope.
     *
     * @return how many values were deleted
     */
    @Transactional
    public int deleteAllOf(long indicatorId) {
        indicators.get(indicatorId);
        int deleted = jdbc.sql("select coalesce(sum(filled), 0) from data_block where indicator_id = :id")
                .param("id", indicatorId)
                .query(Integer.class)
                .single();
        jdbc.sql("delete from data_block where indicator_id = :id")
                .param("id", indicatorId)
                .update();
        events.publishEvent(new IndicatorValuesDeleted(indicatorId));
        return deleted;
    }

    @Transactional
    public void delete(long id, int expectedVersion) {
        DataValue stored = writable(id);
        refuseLocked(stored);
        if (stored.version != expectedVersion) {
            throw ConflictException.staleVersion("Data value", id);
        }
        values.delete(stored);
        publishChanges(List.of(change(stored, stored.value, null)));
    }

    /** A command that passed every check, with what it refers to. */
    private record Planned(
            String where,
            String prefix,
            IndicatorView indicator,
            OrgUnitView orgUnit,
            Period period,
            @Nullable Long optionId,
            BigDecimal value,
            @Nullable String comment,
            @Nullable Integer version) {}

    private List<Planned> plan(List<DataValueCommand> commands, boolean batch) {
        AccessScope scope = AccessScope.current();
        Validation v = new Validation();
        Map<Long, Optional<IndicatorView>> indicatorsById = new HashMap<>();
        Map<Long, Optional<OrgUnitView>> unitsById = new HashMap<>();
        Map<String, Integer> keys = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        Map<Long, Integer> hiddenCounts = indicators.smallCellThresholdsForCurrentUser();
        String forbidden = null;
        for (int i = 0; i < commands.size(); i++) {
            DataValueCommand c = commands.get(i);
            String item = batch ? "values[" + i + "]" : "";
            String prefix = batch ? item + "." : "";
            if (c == null) {
                v.add(batch ? item : "body", "is empty");
                continue;
            }
            v.required(prefix + "indicatorId", c.indicatorId())
                    .required(prefix + "orgUnitId", c.orgUnitId())
                    .required(prefix + "period", c.period())
                    .required(prefix + "value", c.value())
                    .maxLength(prefix + "comment", c.comment(), 1000);

            IndicatorView indicator = null;
            if (c.indicatorId() != null) {
                Optional<IndicatorView> found =
                        indicatorsById.computeIfAbsent(c.indicatorId(), indicators::findIgnoringScope);
                if (found.isEmpty()) {
                    v.add(prefix + "indicatorId", "indicator " + c.indicatorId() + " does not exist");
                } else if (!scope.canRead(found.get().missionId(), found.get().countryCode())) {
                    forbidden = forbidden != null
                            ? forbidden
                            : (batch ? item + ": " : "") + "indicator " + c.indicatorId() + " is outside your scope";
                } else if (hiddenCounts.containsKey(found.get().id())) {
                    forbidden = forbidden != null
                            ? forbidden
                            : (batch ? item + ": " : "")
                                    + hiddenCountsProblem(
                                            found.get(),
                                            hiddenCounts.get(found.get().id()));
                } else if (found.get().aggregation() == Aggregation.RATIO) {
                    v.add(prefix + "indicatorId", ratioProblem(found.get()));
                } else {
                    indicator = found.get();
                }
            }

            OrgUnitView unit = null;
            if (c.orgUnitId() != null) {
                unit = unitsById
                        .computeIfAbsent(c.orgUnitId(), this::findOrgUnit)
                        .orElse(null);
                if (unit == null) {
                    v.add(prefix + "orgUnitId", "organisation unit " + c.orgUnitId() + " does not exist");
                }
            }
            if (indicator != null && unit != null) {
                if (!scope.canRead(indicator.missionId(), unit.countryCode())) {
                    forbidden = forbidden != null
                            ? forbidden
                            : (batch ? item + ": " : "") + "organisation unit " + unit.code() + " ("
                                    + unit.countryCode() + ") is outside your scope";
                } else {
                    add(v, indicators.checkOrgUnit(prefix + "orgUnitId", indicator, unit));
                }
            }

            Period period = null;
            if (c.period() != null && !c.period().isBlank()) {
                try {
                    period = Period.parse(prefix + "period", c.period());
                } catch (InvalidInputException e) {
                    e.problems().forEach(p -> add(v, p));
                }
            }

            long optionKey = -1;
            if (indicator != null) {
                optionKey = optionKey(indicator, c, prefix, v);
                if (c.value() != null) {
                    add(v, IndicatorService.checkValue(prefix + "value", indicator, c.value()));
                }
            }

            if (indicator != null && unit != null && period != null && optionKey >= 0 && c.value() != null) {
                String key = indicator.id() + "|" + unit.id() + "|" + period.id() + "|" + optionKey;
                Integer earlier = keys.putIfAbsent(key, i);
                if (earlier != null) {
                    v.add(
                            prefix + "period",
                            "repeats values[" + earlier + "]: the same indicator, organisation unit, period and"
                                    + " option can have only one value");
                }
                planned.add(new Planned(
                        batch ? item + ": " : "",
                        prefix,
                        indicator,
                        unit,
                        period,
                        optionKey == DataValue.TOTAL ? null : optionKey,
                        c.value(),
                        blankToNull(c.comment()),
                        c.version()));
            }
        }
        if (forbidden != null) {
            throw new ForbiddenException(forbidden);
        }
        v.throwIfInvalid();
        refuseLocked(planned);
        return planned;
    }

    /**
     * The option key of the command's disaggregation ({@link DataValue#TOTAL} for none), or -1 after
     * adding a problem when it names no option of the indicator's categories.
     */
    static long optionKey(IndicatorView indicator, DataValueCommand c, String prefix, Validation v) {
        String categoryCode = code(c.categoryCode());
        String optionCode = code(c.optionCode());
        if (categoryCode == null && optionCode == null) {
            return DataValue.TOTAL;
        }
        if (optionCode == null) {
            v.add(prefix + "optionCode", "is required when categoryCode is given");
            return -1;
        }
        List<CategoryView> categories = indicator.categories();
        if (categories.isEmpty()) {
            v.add(
                    prefix + "optionCode",
                    "indicator " + indicator.code() + " is not disaggregated; leave the option out to record its"
                            + " total");
            return -1;
        }
        if (categoryCode != null) {
            Optional<CategoryView> category = categories.stream()
                    .filter(cat -> cat.code().equals(categoryCode))
                    .findFirst();
            if (category.isEmpty()) {
                v.add(
                        prefix + "categoryCode",
                        "'" + categoryCode + "' is not a disaggregation of indicator " + indicator.code() + " (it uses "
                                + categories.stream().map(CategoryView::code).collect(Collectors.joining(", "))
                                + ")");
                return -1;
            }
            return category.get().options().stream()
                    .filter(o -> o.code().equals(optionCode))
                    .findFirst()
                    .map(CategoryView.OptionView::id)
                    .orElseGet(() -> {
                        v.add(
                                prefix + "optionCode",
                                "'" + optionCode + "' is not an option of " + categoryCode + " ("
                                        + optionCodes(category.get()) + ")");
                        return -1L;
                    });
        }
        List<CategoryView.OptionView> matches = categories.stream()
                .flatMap(cat -> cat.options().stream())
                .filter(o -> o.code().equals(optionCode))
                .toList();
        if (matches.isEmpty()) {
            v.add(
                    prefix + "optionCode",
                    "'" + optionCode + "' is not an option of the indicator's categories ("
                            + categories.stream()
                                    .map(cat -> cat.code() + ": " + optionCodes(cat))
                                    .collect(Collectors.joining("; "))
                            + ")");
            return -1;
        }
        if (matches.size() > 1) {
            v.add(
                    prefix + "optionCode",
                    "'" + optionCode + "' is an option of more than one of the indicator's categories; give the"
                            + " categoryCode too");
            return -1;
        }
        return matches.get(0).id();
    }

    private RecordedValue write(Planned p, String who, OffsetDateTime now, List<DataValuesChanged.Change> changes) {
        long optionKey = p.optionId() == null ? DataValue.TOTAL : p.optionId();
        Optional<DataValue> existing = values.findByIndicatorIdAndOrgUnitIdAndPeriodIdAndOptionKey(
                p.indicator().id(), p.orgUnit().id(), p.period().id(), optionKey);
        if (existing.isPresent()) {
            DataValue stored = existing.get();
            if (p.version() == null) {
                throw new ConflictException(
                        "stale-version",
                        p.where() + "a value is already stored for indicator "
                                + p.indicator().code()
                                + ", organisation unit " + p.orgUnit().code() + " and period "
                                + p.period().id()
                                + " (data value " + stored.id + ", version " + stored.version
                                + "); send its version to replace it");
            }
            if (p.version() != stored.version) {
                throw new ConflictException(
                        "stale-version",
                        p.where() + "data value " + stored.id + " was changed by someone else (it is now at version "
                                + stored.version + "); reload it and apply your change again");
            }
            changes.add(change(stored, stored.value, p.value()));
            stored.value = p.value();
            stored.comment = p.comment();
            stored.storedBy = who;
            stored.storedAt = now;
            return new RecordedValue(view(values.save(stored), p.indicator()), false);
        }
        if (p.version() != null) {
            throw new ConflictException(
                    "stale-version",
                    p.where() + "no value is stored for indicator "
                            + p.indicator().code() + ", organisation unit "
                            + p.orgUnit().code() + " and period " + p.period().id()
                            + " any more; send it without a version to record it again");
        }
        DataValue created = new DataValue(
                p.indicator().id(),
                p.orgUnit().id(),
                p.period().id(),
                p.period().type(),
                p.period().startDate(),
                p.period().endDate(),
                p.optionId(),
                p.value(),
                p.indicator().missionId(),
                p.orgUnit().countryCode(),
                who,
                now);
        created.comment = p.comment();
        changes.add(change(created, null, p.value()));
        return new RecordedValue(view(values.save(created), p.indicator()), true);
    }

    /** Tells listeners (analytics) what a write changed, inside the writing transaction. */
    private void publishChanges(List<DataValuesChanged.Change> changes) {
        if (!changes.isEmpty()) {
            events.publishEvent(new DataValuesChanged(changes));
        }
    }

    private static DataValuesChanged.Change change(
            DataValue d, @Nullable BigDecimal oldValue, @Nullable BigDecimal newValue) {
        return new DataValuesChanged.Change(
                d.indicatorId, d.orgUnitId, d.periodId, d.optionKey, d.missionId, d.countryCode, oldValue, newValue);
    }

    private DataValue readable(long id) {
        return values.findById(id)
                .filter(d -> AccessScope.current().canRead(d.missionId, d.countryCode))
                .orElseThrow(() -> new NotFoundException("Data value", id));
    }

    /** The data value, if the current user may see and change it. */
    private DataValue writable(long id) {
        DataValue stored = readable(id);
        refuseHiddenCounts(stored);
        return stored;
    }

    /**
     * Refuses a change to a value of an indicator whose small counts the user may not see (a partner,
     * a data steward): such indicators are published from the records (cases, trainings) and the
     * data entry grid leaves them out for these users; writing them blind would overwrite a count
     * the user cannot read.
     */
    private void refuseHiddenCounts(DataValue stored) {
        Integer threshold = indicators.smallCellThresholdsForCurrentUser().get(stored.indicatorId);
        if (threshold != null) {
            throw new ForbiddenException(hiddenCountsProblem(
                    indicators.findIgnoringScope(stored.indicatorId).orElseThrow(), threshold));
        }
    }

    /** Why a user who may not see an indicator's small counts may not write its values (imports say it too). */
    static String hiddenCountsProblem(IndicatorView indicator, int threshold) {
        return "values of indicator " + indicator.code() + " are written only by users who see its counts under "
                + threshold + " (its small counts are hidden from you)";
    }

    /** Why a RATIO indicator takes no values of its own (imports say it too). */
    String ratioProblem(IndicatorView ratio) {
        return "indicator " + ratio.code() + " is a ratio computed from " + componentCode(ratio.numeratorId()) + " / "
                + componentCode(ratio.denominatorId()) + "; record the values of those two instead";
    }

    private String componentCode(@Nullable Long id) {
        return id == null
                ? "its numerator"
                : indicators.findIgnoringScope(id).map(IndicatorView::code).orElse(String.valueOf(id));
    }

    /**
     * Refuses, after the writes of a request (so that values cleared in the same request are gone), a
     * unit and period of a disaggregated indicator holding both a total (a value without option) and
     * a breakdown, or the breakdowns of two of its categories: aggregates add every value of the unit
     * and period together, so either would count the same people twice. The transaction rolls back.
     */
    private void refuseTotalBesideBreakdown(List<Planned> planned) {
        Map<String, Planned> disaggregated = new LinkedHashMap<>();
        for (Planned p : planned) {
            if (!p.indicator().categories().isEmpty()) {
                disaggregated.putIfAbsent(
                        p.indicator().id() + "|" + p.orgUnit().id() + "|"
                                + p.period().id(),
                        p);
            }
        }
        if (disaggregated.isEmpty()) {
            return;
        }
        Validation v = new Validation();
        for (List<Planned> chunk : Chunks.of(new ArrayList<>(disaggregated.values()), IN_LIST / 4)) {
            List<Long> indicatorIds =
                    chunk.stream().map(p -> p.indicator().id()).distinct().toList();
            List<Long> unitIds =
                    chunk.stream().map(p -> p.orgUnit().id()).distinct().toList();
            List<String> periodIds =
                    chunk.stream().map(p -> p.period().id()).distinct().toList();
            Map<String, Integer> groups = new HashMap<>();
            jdbc.sql("""
                            select d.indicator_id, d.org_unit_id, d.period_id,
                                   count(distinct coalesce(o.category_id, 0)) as groups
                              from data_value d
                              left join disaggregation_option o on o.id = d.option_id
                             where d.indicator_id in (:indicators) and d.org_unit_id in (:units)
                               and d.period_id in (:periods)
                             group by d.indicator_id, d.org_unit_id, d.period_id
                            having count(distinct coalesce(o.category_id, 0)) > 1""")
                    .param("indicators", indicatorIds)
                    .param("units", unitIds)
                    .param("periods", periodIds)
                    .query(rs -> {
                        groups.put(rs.getLong(1) + "|" + rs.getLong(2) + "|" + rs.getString(3), rs.getInt(4));
                    });
            for (Planned p : chunk) {
                if (groups.containsKey(p.indicator().id() + "|" + p.orgUnit().id() + "|"
                        + p.period().id())) {
                    v.coded(
                            p.prefix() + "optionCode",
                            totalBesideBreakdownProblem(
                                    p.indicator(),
                                    p.orgUnit().code(),
                                    p.period().id()),
                            "measurement.totalBesideBreakdown",
                            p.indicator().code(),
                            p.orgUnit().code(),
                            p.period().id());
                }
            }
        }
        v.throwIfInvalid();
    }

    /** Why a value may not stand beside another kind of value of its unit and period (imports say it too). */
    static String totalBesideBreakdownProblem(IndicatorView indicator, String unitCode, String periodId) {
        return "indicator " + indicator.code() + " would have both a total and a breakdown (or breakdowns by two"
                + " categories) for " + unitCode + " in " + periodId
                + "; aggregates add them all up, so record either the total or one breakdown (remove the other"
                + " values first)";
    }

    /** The unit, or empty when it does not exist (the caller then rejects the request, so nothing is written). */
    private Optional<OrgUnitView> findOrgUnit(long id) {
        try {
            return Optional.of(geography.orgUnit(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The ids of the unit and every unit below it. */
    List<Long> subtree(long within) {
        List<Long> ids = new ArrayList<>();
        OrgUnitFilter filter = new OrgUnitFilter(null, null, within, null, null, null);
        for (int page = 0; ; page++) {
            PageResponse<OrgUnitView> units = geography.orgUnits(
                    filter, PageQuery.of(page, PageQuery.MAX_SIZE, null, Map.of("path", "path"), "path"));
            units.items().forEach(u -> ids.add(u.id()));
            if (units.items().isEmpty() || ids.size() >= units.total()) {
                return ids;
            }
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static DataValueView view(DataValue d, @Nullable IndicatorView indicator) {
        String categoryCode = null;
        String optionCode = null;
        if (d.optionId != null && indicator != null) {
            for (CategoryView category : indicator.categories()) {
                for (CategoryView.OptionView option : category.options()) {
                    if (option.id() == d.optionId) {
                        categoryCode = category.code();
                        optionCode = option.code();
                    }
                }
            }
        }
        BigDecimal plain = d.value.stripTrailingZeros();
        return new DataValueView(
                d.id == null ? 0 : d.id,
                d.indicatorId,
                indicator == null ? "" : indicator.code(),
                d.orgUnitId,
                d.periodId,
                d.periodType,
                d.startDate,
                d.endDate,
                d.optionId,
                categoryCode,
                optionCode,
                plain.scale() < 0 ? plain.setScale(0) : plain,
                false,
                d.comment,
                d.missionId,
                d.countryCode,
                d.storedBy,
                d.storedAt,
                d.version);
    }

    private static void add(Validation v, @Nullable FieldProblem problem) {
        if (problem != null) {
            v.coded(
                    problem.field(),
                    problem.message(),
                    problem.code(),
                    problem.args().toArray());
        }
    }

    private static @Nullable String code(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase(Locale.ROOT);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String optionCodes(CategoryView category) {
        return category.options().stream().map(CategoryView.OptionView::code).collect(Collectors.joining(", "));
    }

    // Locks (approval, issue #4), kept apart from the write paths above: every write asks the
    // DataLock implementations first and is refused with the conflict code "locked".

    private @Nullable DataLocks locks;

    /** Set by Spring after construction, so that the constructor stays as it is. */
    @org.springframework.beans.factory.annotation.Autowired
    void useLocks(DataLocks locks) {
        this.locks = locks;
    }

    private void refuseLocked(List<Planned> planned) {
        if (locks == null) {
            return;
        }
        DataLock lock = planned.size() == 1 ? locks.forOne() : locks.forMany();
        for (Planned p : planned) {
            lock.lockReason(p.indicator().id(), p.orgUnit().id(), p.period()).ifPresent(reason -> {
                throw DataLocks.locked(p.where() + reason);
            });
        }
    }

    private void refuseLocked(DataValue stored) {
        if (locks == null) {
            return;
        }
        locks.forOne()
                .lockReason(stored.indicatorId, stored.orgUnitId, Period.parse(stored.periodId))
                .ifPresent(reason -> {
                    throw DataLocks.locked(reason);
                });
    }
}
