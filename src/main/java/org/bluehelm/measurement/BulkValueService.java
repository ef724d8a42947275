package org.bluehelm.measurement;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.Aggregation;
import org.bluehelm.indicator.CategoryView;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.indicator.SmallCells;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.Databases;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Data values in bulk, for imports, exports and approvals. An import opens a {@link Session}: it
 * checks each value with the same rules as {@link MeasurementService} (indicator, unit, period,
 * option, value type and range, the unit lying in the indicator's place, the user's scope, locks)
 * while caching what it looks up, stages the checked rows, tells which are already stored, and
 * writes them set-based inside the caller's transaction, publishing {@link DataValuesImported} (or,
 * for deletions, {@link DataValuesChanged} a chunk at a time). Exports stream the values in scope
 * row by row, so memory does not grow with them.
 */
@Service
@Transactional(readOnly = true)
public class BulkValueService implements DisposableBean {

    /** How many rows a caller should hand to {@link Session#stage} at once, and deletions take at a time. */
    public static final int CHUNK = 5000;

    private static final int IN_LIST = 1000;

    /**
     * Up to how many staged rows an import keeps the key and cell hashes of (8 bytes each: 96 MB at
     * most for the keys, as much for the cells); a larger file leaves those questions to the database.
     */
    private static final int KEYS_IN_MEMORY = 12_000_000;

    private static final Logger log = LoggerFactory.getLogger(BulkValueService.class);

    /** The threads that stage imports' rows ({@link Stager}), one per running import. */
    private final ExecutorService staging = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bluehelm-staging");
        thread.setDaemon(true);
        return thread;
    });

    private final MeasurementService measurements;
    private final IndicatorService indicators;
    private final GeographyService geography;
    private final DataLocks locks;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final NamedParameterJdbcTemplate streaming;
    private final JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DataSource dataSource;
    private final DataValueRepository blocks;
    private final boolean postgres;

    BulkValueService(
            MeasurementService measurements,
            IndicatorService indicators,
            GeographyService geography,
            DataLocks locks,
            JdbcClient jdbc,
            DataSource dataSource,
            ApplicationEventPublisher events,
            Clock clock,
            DataValueRepository blocks) {
        this.measurements = measurements;
        this.blocks = blocks;
        this.indicators = indicators;
        this.geography = geography;
        this.locks = locks;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.jdbcTemplate = new JdbcTemplate(dataSource);
        this.events = events;
        this.clock = clock;
        this.dataSource = dataSource;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** The key of a stored value: indicator, unit, period and option ({@code 0} for the total). */
    public record ValueKey(long indicatorId, long orgUnitId, String periodId, long optionKey) {
        /**
         * Spreads keys well: the record's own hash (31 * h + ...) gives equal values to many keys
         * of consecutive ids and periods, and the sets of an import chunk degrade into trees.
         */
        @Override
        public int hashCode() {
            long h = KeyHashes.of(indicatorId, orgUnitId, periodId, optionKey);
            return (int) (h ^ (h >>> 32));
        }
    }

    /** A value to check, as a file names it once its indicator and unit are known by id. */
    public record BulkValue(
            long indicatorId,
            long orgUnitId,
            @Nullable String period,
            @Nullable String optionCode,
            @Nullable BigDecimal value,
            @Nullable String comment) {}

    /**
     * The outcome of a check: the value's key when it may be written, or its problems by field
     * ({@code indicator}, {@code orgUnit}, {@code period}, {@code option}, {@code value}, {@code comment}).
     */
    public record Checked(@Nullable ValueKey key, List<FieldProblem> problems) {
        public boolean ok() {
            return key != null && problems.isEmpty();
        }
    }

    /** A checked row of a file to stage for a set-based write: its line, its key, its value and comment. */
    public record StagedRow(
            long line,
            ValueKey key,
            BigDecimal value,
            @Nullable String comment) {}

    /**
     * Among the staged rows (duplicates set aside): how many have a stored value that they change,
     * how many are new, and how many repeat their stored value and comment (set aside: nothing to write).
     */
    public record StagedCounts(long stored, long fresh, long unchanged) {}

    /** Hears each staged row that repeats the key of an earlier row: its line and the earlier line. */
    @FunctionalInterface
    public interface DuplicateSink {
        void repeated(long line, long firstLine);
    }

    /**
     * Told of each staged row set aside because its unit and period would mix a total and a
     * breakdown: its staging line (as {@link #stage} was given it) and the problem.
     */
    @FunctionalInterface
    public interface MixedSink {
        void mixed(long line, String problem);
    }

    /** What a write did: values created, replaced, left alone by the mode, and deleted. */
    public record WriteResult(long created, long updated, long ignored, long deleted) {}

    /**
     * Which values a write touches: new and stored ones (the default), only new ones, only stored
     * ones, or deletes the stored ones.
     */
    public enum WriteMode {
        CREATE_AND_UPDATE,
        CREATE,
        UPDATE,
        DELETE
    }

    /** Which values to export; all filters are optional and combine. */
    public record ExportFilter(
            List<Long> indicatorIds,
            @Nullable Long orgUnitId,
            @Nullable Long within,
            @Nullable String period,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {

        public ExportFilter {
            indicatorIds = List.copyOf(indicatorIds);
        }
    }

    /** A stored value with the codes a file names it by. */
    public record ExportedValue(
            long indicatorId,
            String indicatorCode,
            long orgUnitId,
            String orgUnitCode,
            String period,
            @Nullable Long optionId,
            @Nullable String optionCode,
            BigDecimal value,
            @Nullable String comment,
            String storedBy,
            OffsetDateTime storedAt) {}

    @Override
    public void destroy() {
        staging.shutdownNow();
    }

    /**
     * Starts checking and writing values as the current user; use it on one thread for one
     * import, and close it once the import's transaction has ended.
     */
    public Session open() {
        return new Session(AccessScope.current(), locks.forMany());
    }

    /**
     * Streams the values in the current user's scope that match the filter, ordered by indicator,
     * unit, period and option, to {@code sink}; returns how many there were. Counts under their
     * indicator's small-cell threshold are left out for readers who may not see them ({@code
     * SmallCells}): an export carries values, so it has no place for "&lt;5".
     */
    public long export(ExportFilter filter, Consumer<ExportedValue> sink) {
        new Validation().datesInOrder("from", filter.from(), "to", filter.to()).throwIfInvalid();
        AccessScope.Filter scope = AccessScope.current().filter("d.mission_id", "d.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        MapSqlParameterSource params = new MapSqlParameterSource(scope.params());
        if (!filter.indicatorIds().isEmpty()) {
            where.append(" and d.indicator_id in (:indicators)");
            params.addValue("indicators", filter.indicatorIds());
        }
        if (filter.orgUnitId() != null) {
            where.append(" and d.org_unit_id = :orgUnit");
            params.addValue("orgUnit", filter.orgUnitId());
        }
        if (filter.within() != null) {
            where.append(" and d.org_unit_id in (:within)");
            params.addValue("within", measurements.subtree(filter.within()));
        }
        if (filter.period() != null && !filter.period().isBlank()) {
            where.append(" and d.period_id = :period");
            params.addValue("period", Period.parse("period", filter.period()).id());
        }
        if (filter.from() != null) {
            where.append(" and d.start_date >= :from");
            params.addValue("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and d.end_date <= :to");
            params.addValue("to", filter.to());
        }
        Map<Long, Optional<IndicatorView>> indicatorCache = new HashMap<>();
        Map<Long, String> unitCodes = new HashMap<>();
        // counts under their indicator's small-cell threshold are left out for those who may not see them
        Map<Long, Integer> thresholds = indicators.smallCellThresholdsForCurrentUser();
        long[] count = {0};
        streaming.query(
                """
                select d.indicator_id, d.org_unit_id, d.period_id, d.option_id, d.value, d.comment,
                       d.stored_by, d.stored_at
                  from data_value d""" + where + " order by d.indicator_id, d.org_unit_id, d.start_date, d.period_id," + " d.option_key",
                params,
                (ResultSet rs) -> {
                    long indicatorId = rs.getLong("indicator_id");
                    BigDecimal value = rs.getBigDecimal("value");
                    if (SmallCells.hides(thresholds.get(indicatorId), value)) {
                        return;
                    }
                    long unitId = rs.getLong("org_unit_id");
                    Long optionId = rs.getObject("option_id", Long.class);
                    IndicatorView indicator = indicatorCache
                            .computeIfAbsent(indicatorId, indicators::findIgnoringScope)
                            .orElse(null);
                    String unitCode = cached(
                            unitCodes, unitId, () -> geography.orgUnit(unitId).code());
                    sink.accept(new ExportedValue(
                            indicatorId,
                            indicator == null ? "" : indicator.code(),
                            unitId,
                            unitCode,
                            rs.getString("period_id"),
                            optionId,
                            optionId == null || indicator == null ? null : optionCode(indicator, optionId),
                            plain(value),
                            rs.getString("comment"),
                            rs.getString("stored_by"),
                            rs.getObject("stored_at", OffsetDateTime.class)));
                    count[0]++;
                });
        return count[0];
    }

    /**
     * The units among {@code orgUnitIds} holding a value of one of the indicators for a period
     * within {@code from} to {@code to}, whatever the current user's scope (for workflow rules such
     * as approving a parent only after its children).
     */
    public Set<Long> unitsWithValues(
            Collection<Long> indicatorIds, Collection<Long> orgUnitIds, LocalDate from, LocalDate to) {
        Set<Long> found = new HashSet<>();
        if (indicatorIds.isEmpty() || orgUnitIds.isEmpty()) {
            return found;
        }
        List<Long> units = List.copyOf(new LinkedHashSet<>(orgUnitIds));
        for (int i = 0; i < units.size(); i += IN_LIST) {
            found.addAll(jdbc.sql("""
                            select distinct org_unit_id from data_value
                             where indicator_id in (:indicators) and org_unit_id in (:units)
                               and start_date >= :from and end_date <= :to""")
                    .param("indicators", List.copyOf(indicatorIds))
                    .param("units", units.subList(i, Math.min(units.size(), i + IN_LIST)))
                    .param("from", from)
                    .param("to", to)
                    .query(Long.class)
                    .list());
        }
        return found;
    }

    /**
     * Checks and writes values for one import, as the user who opened it. It caches the
     * indicators and units it looks up (so its memory grows with the distinct indicators and units,
     * never with the number of values) and the locks in force when it was opened.
     */
    public final class Session implements AutoCloseable {

        private final AccessScope scope;
        private final DataLock lock;
        private final Map<Long, Optional<IndicatorView>> indicatorCache = new HashMap<>();
        private final Map<Long, Optional<OrgUnitView>> unitCache = new HashMap<>();
        private final Map<Placement, Boolean> placements = new HashMap<>();
        private final Map<OptionOf, Long> optionKeys = new HashMap<>();
        private final Map<String, Period> periods = new HashMap<>();
        /** Writes the rows handed to {@link #stage} until the first statement that reads them. */
        private @Nullable Stager stager;
        /** The batch this session stages; its rows may be in value_staging once the staging committed. */
        private long stagedBatch;

        private boolean stagedCommitted;
        /** The staged keys' hashes, to skip looking for repeated rows when there can be none. */
        private final KeyHashes stagedKeys = new KeyHashes(KEYS_IN_MEMORY);
        /**
         * The cells (indicator, unit, period) of the staged rows of disaggregated indicators, each
         * with its group (0 for a total, else its option's category), to skip looking for totals
         * beside breakdowns when the file cannot hold any.
         */
        private final KeyHashes stagedCells = KeyHashes.withValues(KEYS_IN_MEMORY);
        /** The disaggregated indicators of the staged rows. */
        private final Set<Long> disaggregatedStaged = new TreeSet<>();
        /**
         * The indicators, units and periods of the staged rows, and how many rows there are, as
         * long as none was set aside since (then the batch's rows are asked instead).
         */
        private final Set<Long> stagedIndicators = new TreeSet<>();

        private final Set<Long> stagedUnits = new HashSet<>();
        private final Set<String> stagedPeriods = new TreeSet<>();
        private long stagedRows;
        private boolean noneSetAside = true;
        /** How many staged rows have a block stored already, as {@link #markStored} found them (-1: not yet). */
        private long inStoredBlocks = -1;
        /** How many staged rows replace or delete a stored value, as {@link #markStored} found them. */
        private long storedCount;
        /** How many staged rows are new values, as {@link #markStored} found them. */
        private long freshCount;

        /** The indicators whose small counts the user may not see, so may not write (as in the data entry grid). */
        private final Map<Long, Integer> hiddenCounts;

        private Session(AccessScope scope, DataLock lock) {
            this.scope = scope;
            this.lock = lock;
            this.hiddenCounts = indicators.smallCellThresholdsForCurrentUser();
        }

        /** The indicator if it exists and the user's scope covers it. */
        public Optional<IndicatorView> indicator(long id) {
            return indicatorCache.computeIfAbsent(
                    id,
                    key -> indicators
                            .findIgnoringScope(key)
                            .filter(i -> scope.canRead(i.missionId(), i.countryCode())));
        }

        /** The organisation unit if it exists (units are readable by everyone). */
        public Optional<OrgUnitView> orgUnit(long id) {
            return unitCache.computeIfAbsent(id, geography::findOrgUnit);
        }

        /**
         * Remembers units the caller looked up in bulk (an import resolves each chunk's new unit
         * codes with one query), so that checking their rows does not look them up one by one.
         */
        public void knowUnits(Collection<OrgUnitView> units) {
            for (OrgUnitView unit : units) {
                unitCache.putIfAbsent(unit.id(), Optional.of(unit));
            }
        }

        /**
         * Checks one value with every rule that a single recorded value must pass; a null value is
         * not checked (a deletion: its key is what matters).
         */
        public Checked check(BulkValue v) {
            List<FieldProblem> problems = new ArrayList<>();
            IndicatorView indicator = indicator(v.indicatorId()).orElse(null);
            if (indicator == null) {
                problems.add(new FieldProblem(
                        "indicator", "indicator " + v.indicatorId() + " does not exist or is outside your scope"));
            } else if (hiddenCounts.containsKey(indicator.id())) {
                problems.add(new FieldProblem(
                        "indicator",
                        MeasurementService.hiddenCountsProblem(indicator, hiddenCounts.get(indicator.id()))));
                indicator = null;
            } else if (indicator.aggregation() == Aggregation.RATIO && v.value() != null) {
                // a deletion of a ratio's value stays possible: values stored before this check
                problems.add(new FieldProblem("indicator", measurements.ratioProblem(indicator)));
                indicator = null;
            }
            OrgUnitView unit = orgUnit(v.orgUnitId()).orElse(null);
            if (unit == null) {
                problems.add(new FieldProblem("orgUnit", "organisation unit " + v.orgUnitId() + " does not exist"));
            }
            Period period = null;
            if (v.period() == null || v.period().isBlank()) {
                problems.add(new FieldProblem("period", "is required"));
            } else {
                try {
                    // a file names few periods, each on many rows: parsed once (a refused one is not kept)
                    period = periods.computeIfAbsent(v.period(), text -> Period.parse("period", text));
                } catch (InvalidInputException e) {
                    problems.addAll(e.problems());
                }
            }
            if (v.comment() != null && v.comment().length() > 1000) {
                problems.add(new FieldProblem("comment", "must be at most 1000 characters"));
            }
            long optionKey = -1;
            if (indicator != null) {
                optionKey = optionKey(indicator, v.optionCode(), problems);
                if (v.value() != null) {
                    String problem = IndicatorService.checkValue(indicator, v.value());
                    if (problem != null) {
                        problems.add(new FieldProblem("value", problem));
                    }
                }
            }
            if (indicator != null && unit != null) {
                String problem = placement(indicator, unit);
                if (problem != null) {
                    problems.add(new FieldProblem("orgUnit", problem));
                }
            }
            if (!problems.isEmpty() || indicator == null || unit == null || period == null || optionKey < 0) {
                return new Checked(null, problems);
            }
            Optional<String> locked = lock.lockReason(indicator.id(), unit.id(), period);
            if (locked.isPresent()) {
                return new Checked(
                        null, List.of(new FieldProblem("period", "is locked: " + locked.get(), "locked", List.of())));
            }
            return new Checked(new ValueKey(indicator.id(), unit.id(), period.id(), optionKey), List.of());
        }

        /**
         * Stages checked rows of an import under {@code batch} (the job's id), with the period's
         * type, block year and slot and the scope columns: they are handed to the session's
         * {@link Stager}, which writes them on a connection of its own while the caller checks the
         * next rows, and commits them before the first statement that reads them. Rows come from
         * {@link #check}, so their indicator and unit are cached and in scope.
         */
        public void stage(long batch, List<StagedRow> rows) {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException("staging must run inside the caller's transaction");
            }
            if (rows.isEmpty()) {
                return;
            }
            stagedRows += rows.size();
            List<Object[]> staged = new ArrayList<>(rows.size());
            for (StagedRow r : rows) {
                ValueKey k = r.key();
                IndicatorView indicator = indicator(k.indicatorId())
                        .orElseThrow(() ->
                                new ForbiddenException("indicator " + k.indicatorId() + " is outside your scope"));
                OrgUnitView unit = orgUnit(k.orgUnitId())
                        .orElseThrow(() -> new NotFoundException("Organisation unit", k.orgUnitId()));
                Period period = periods.computeIfAbsent(k.periodId(), Period::parse);
                stagedKeys.add(KeyHashes.of(k));
                stagedIndicators.add(indicator.id());
                stagedUnits.add(unit.id());
                stagedPeriods.add(period.id());
                if (!indicator.categories().isEmpty()) {
                    disaggregatedStaged.add(indicator.id());
                    stagedCells.add(
                            KeyHashes.of(k.indicatorId(), k.orgUnitId(), k.periodId(), 0),
                            group(indicator, k.optionKey()));
                }
                staged.add(new Object[] {
                    batch,
                    r.line(),
                    k.indicatorId(),
                    k.orgUnitId(),
                    period.id(),
                    period.type().name(),
                    k.optionKey(),
                    r.value(),
                    r.comment(),
                    indicator.missionId(),
                    unit.countryCode(),
                    period.blockYear(),
                    period.blockSlot()
                });
            }
            if (stager == null) {
                stager = new Stager();
                stagedBatch = batch;
            } else if (stagedBatch != batch) {
                throw new IllegalStateException("one session stages one batch");
            }
            stager.add(staged);
        }

        /**
         * Waits until every row handed to {@link #stage} is committed in value_staging, where the
         * caller's transaction reads them from here on; does nothing when that is done already.
         */
        private void stagingDone() {
            if (stager != null) {
                Stager done = stager;
                stager = null;
                stagedCommitted = true;
                done.finish();
            }
        }

        /**
         * Ends the session after the caller's transaction has ended (committed or rolled back):
         * stops the staging if it still runs and has the batch's staged rows, which the staging
         * committed on a connection of its own, removed on a staging thread (deleting a million
         * rows took H2 a sixth of an import, docs/benchmarks.md run 18; the import's outcome does
         * not wait for it). Never throws: a failure is logged, and rows left over are removed when
         * the import is found abandoned or at the next start.
         */
        @Override
        public void close() {
            try {
                if (stager != null) {
                    Stager running = stager;
                    stager = null;
                    stagedCommitted |= running.cancel();
                }
                if (stagedCommitted) {
                    long batch = stagedBatch;
                    staging.execute(() -> {
                        try {
                            discardStaged(List.of(batch));
                        } catch (RuntimeException e) {
                            log.warn("Cannot remove the staged rows of import {}: {}", batch, e.toString());
                        }
                    });
                }
            } catch (RuntimeException e) {
                log.warn("Cannot remove the staged rows of import {}: {}", stagedBatch, e.toString());
            }
        }

        /**
         * Finds the staged rows repeating the key of an earlier row of the batch (one pass, a window
         * over the batch), tells each to {@code sink} in line order, and removes them from the
         * batch; returns how many there were. The pass is skipped when the hashes of the staged
         * keys ({@link KeyHashes}) show that no key repeats.
         */
        public long setAsideDuplicates(long batch, DuplicateSink sink) {
            stagingDone();
            if (postgres) {
                // For the rest of the import's transaction: sort and group the staged rows in memory
                // (4 MB by default), with statistics that count them (the planner would otherwise
                // take the staging table for as empty as when it last looked), and without
                // compiling each statement (JIT took a quarter of a second for the write of the
                // value blocks alone at a million rows, and saved less: docs/benchmarks.md run 19).
                jdbc.sql("set local work_mem = '256MB'").update();
                jdbc.sql("set local jit = off").update();
                jdbc.sql("analyze value_staging").update();
            }
            if (stagedKeys.allDistinct()) {
                return 0; // no two staged keys have the same hash, so none repeats
            }
            List<Long> lines = new ArrayList<>();
            streaming.query("""
                    select line, first_line from (
                        select line,
                               row_number() over (partition by indicator_id, org_unit_id, period_id, option_key
                                                  order by line) as n,
                               min(line) over (partition by indicator_id, org_unit_id, period_id, option_key)
                                   as first_line
                          from value_staging where batch_id = :batch) r
                     where n > 1 order by line""", new MapSqlParameterSource("batch", batch), (ResultSet rs) -> {
                long line = rs.getLong(1);
                lines.add(line);
                sink.repeated(line, rs.getLong(2));
            });
            List<Object[]> keys = new ArrayList<>(lines.size());
            lines.forEach(line -> keys.add(new Object[] {batch, line}));
            for (int i = 0; i < keys.size(); i += CHUNK) {
                jdbcTemplate.batchUpdate(
                        "delete from value_staging where batch_id = ? and line = ?",
                        keys.subList(i, Math.min(keys.size(), i + CHUNK)));
            }
            noneSetAside &= lines.isEmpty();
            return lines.size();
        }

        /**
         * Finds the staged rows of disaggregated indicators whose unit and period would hold both a
         * total and a breakdown, or breakdowns by two categories, counting the values already stored
         * and the other rows of the batch (aggregates add them all up: the same people would count
         * twice); tells each to {@code sink} in line order with its indicator, unit and period, and
         * removes them from the batch; returns how many there were. Run after
         * {@link #setAsideDuplicates}; not for deletions.
         */
        public long setAsideTotalsBesideBreakdowns(long batch, MixedSink sink) {
            stagingDone();
            if (disaggregatedStaged.isEmpty()) {
                return 0;
            }
            MapSqlParameterSource params = new MapSqlParameterSource("batch", batch);
            params.addValue("indicators", List.copyOf(disaggregatedStaged));
            boolean stored = !named.queryForList(
                            "select 1 from data_value where indicator_id in (:indicators) fetch first 1 rows only",
                            params,
                            Integer.class)
                    .isEmpty();
            if (!stored && stagedCells.allDistinct()) {
                return 0; // no stored value to mix with, and each cell of the file has one group only
            }
            // each value's group: 0 for a total, else its option's category; a unit and period
            // (staged, or staged and stored) with two groups are mixed. Derived tables, not common
            // table expressions: H2 would run a CTE again for every row joined to it.
            String staged = """
                    select s.indicator_id, s.org_unit_id, s.period_id, coalesce(o.category_id, 0) as grp
                      from value_staging s
                      left join disaggregation_option o on o.id = s.option_key
                     where s.batch_id = :batch and s.indicator_id in (:indicators)""";
            String storedGroups = """

                    union all
                    select s.indicator_id, s.org_unit_id, s.period_id, coalesce(o.category_id, 0)
                      from value_staging s
                      join data_value d on d.indicator_id = s.indicator_id and d.org_unit_id = s.org_unit_id
                           and d.period_id = s.period_id
                      left join disaggregation_option o on o.id = d.option_id
                     where s.batch_id = :batch and s.indicator_id in (:indicators)""";
            Set<String> mixedKeys = new HashSet<>();
            Set<Long> mixedIndicators = new TreeSet<>();
            streaming.query(
                    "select indicator_id, org_unit_id, period_id from (" + staged + (stored ? storedGroups : "")
                            + "\n) g group by indicator_id, org_unit_id, period_id having count(distinct grp) > 1",
                    params,
                    (ResultSet rs) -> {
                        mixedKeys.add(rs.getLong(1) + "|" + rs.getLong(2) + "|" + rs.getString(3));
                        mixedIndicators.add(rs.getLong(1));
                    });
            if (mixedKeys.isEmpty()) {
                return 0;
            }
            params.addValue("mixed", new ArrayList<>(mixedIndicators));
            List<Object[]> mixed = new ArrayList<>();
            streaming.query("""
                    select line, indicator_id, org_unit_id, period_id from value_staging
                     where batch_id = :batch and indicator_id in (:mixed)
                     order by line""", params, (ResultSet rs) -> {
                if (!mixedKeys.contains(rs.getLong(2) + "|" + rs.getLong(3) + "|" + rs.getString(4))) {
                    return;
                }
                long line = rs.getLong(1);
                mixed.add(new Object[] {batch, line});
                IndicatorView indicator = indicator(rs.getLong(2)).orElseThrow();
                OrgUnitView unit = orgUnit(rs.getLong(3)).orElseThrow();
                sink.mixed(
                        line, MeasurementService.totalBesideBreakdownProblem(indicator, unit.code(), rs.getString(4)));
            });
            for (int i = 0; i < mixed.size(); i += CHUNK) {
                jdbcTemplate.batchUpdate(
                        "delete from value_staging where batch_id = ? and line = ?",
                        mixed.subList(i, Math.min(mixed.size(), i + CHUNK)));
            }
            noneSetAside &= mixed.isEmpty();
            return mixed.size();
        }

        /**
         * Notes, on each staged row of the batch, the id, value and version of the value already
         * stored for its key, sets aside (in the same statement) the rows repeating their stored
         * value and comment unless the mode deletes, and counts stored, new and unchanged rows.
         */
        public StagedCounts markStored(long batch, WriteMode mode) {
            stagingDone();
            // a value and comment equal to the stored ones change nothing: no write, version, audit
            // entry or rollup delta (a deletion deletes them all the same). Indicators whose small
            // counts the user may not see never reach here (refused by check), so being told
            // "ignored" reveals no hidden value. Each staged row notes its block (when stored) and
            // the element of its slot (its value's id, value and version, when one is stored).
            boolean setAside = mode != WriteMode.DELETE;
            String sameValue =
                    "b.vals[%1$s.slot] = %1$s.value and b.comments[%1$s.slot] is not distinct from %1$s.comment";
            String stored = "case when b.vals[%1$s.slot] is null then null else b.id * " + DataValueRepository.SLOTS
                    + " + %1$s.slot end";
            long matched = jdbc.sql(
                            postgres
                                    ? """
                            merge into value_staging s
                            using data_block b
                               on s.batch_id = :batch and b.indicator_id = s.indicator_id
                              and b.org_unit_id = s.org_unit_id and b.option_key = s.option_key
                              and b.period_type = s.period_type and b.block_year = s.block_year""" + (setAside ? """

                             when matched and %s then delete""".formatted(sameValue.formatted("s")) : "")
                                            + """

                             when matched then update set block_id = b.id, existing_id = %s,
                                  old_value = b.vals[s.slot], old_version = b.versions[s.slot]""".formatted(stored.formatted("s"))
                                    : """
                            merge into value_staging s
                            using (select t.line, b.id as block_id, %s as existing_id, b.vals[t.slot] as value,
                                          b.versions[t.slot] as version, coalesce(%s, false) as same
                                     from value_staging t
                                     join data_block b on b.indicator_id = t.indicator_id
                                      and b.org_unit_id = t.org_unit_id and b.option_key = t.option_key
                                      and b.period_type = t.period_type and b.block_year = t.block_year
                                    where t.batch_id = :batch) x
                               on s.batch_id = :batch and s.line = x.line""".formatted(stored.formatted("t"), sameValue.formatted("t"))
                                            + (setAside ? """

                             when matched and x.same then delete""" : "") + """

                             when matched then update set block_id = x.block_id, existing_id = x.existing_id,
                                  old_value = x.value, old_version = x.version""")
                    .param("batch", batch)
                    .update();
            if (matched == 0 && noneSetAside) {
                // no staged row's block is stored: every row is a new value
                storedCount = 0;
                freshCount = stagedRows;
                inStoredBlocks = 0;
                return new StagedCounts(0, stagedRows, 0);
            }
            Map<String, Object> counts =
                    jdbc.sql("""
                            select count(existing_id) as stored, count(block_id) as blocks, count(*) as total
                              from value_staging where batch_id = :batch""").param("batch", batch).query().singleRow();
            long storedValues = ((Number) counts.get("stored")).longValue();
            long fresh = ((Number) counts.get("total")).longValue() - storedValues;
            storedCount = storedValues;
            freshCount = fresh;
            inStoredBlocks = ((Number) counts.get("blocks")).longValue();
            noneSetAside &= matched == inStoredBlocks;
            return new StagedCounts(storedValues, fresh, matched - inStoredBlocks);
        }

        /**
         * Writes the staged rows of the batch (after {@link #setAsideDuplicates} and
         * {@link #markStored}) into data_value in the caller's transaction, as the mode allows: one
         * {@code INSERT ... SELECT} for the new values and one {@code UPDATE ... FROM} (PostgreSQL)
         * or {@code MERGE} (H2) for the stored ones; then publishes one {@link DataValuesImported}
         * (analytics adds the staged rows to its rollups from the same table). The rows the mode
         * leaves alone are removed from the batch first, so that every row left was written.
         */
        public WriteResult writeStaged(long batch, WriteMode mode) {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                throw new IllegalStateException("bulk writes must run inside the caller's transaction");
            }
            stagingDone();
            int ignored = 0;
            if (mode != WriteMode.CREATE_AND_UPDATE) {
                ignored = jdbc.sql("delete from value_staging where batch_id = :batch and existing_id is "
                                + (mode == WriteMode.CREATE ? "not null" : "null"))
                        .param("batch", batch)
                        .update();
                noneSetAside &= ignored == 0;
            }
            if (mode == WriteMode.DELETE) {
                return new WriteResult(0, 0, ignored, deleteStaged(batch));
            }
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            List<String> periodIds = noneSetAside
                    ? List.copyOf(stagedPeriods)
                    : jdbc.sql("select distinct period_id from value_staging where batch_id = :batch order by 1")
                            .param("batch", batch)
                            .query(String.class)
                            .list();
            blocks.ensurePeriods(periodIds.stream().map(Period::parse).toList());
            // Values of blocks not stored yet: one new block per key, built from its staged rows.
            // Blocks stored already: the staged elements put into them, each block only if every
            // element it is given is still at the version the import read (else someone changed it
            // meanwhile, and the counts below do not add up).
            // The arrays of one group are aggregated in the same pass, so their elements are in the
            // same order, that of the sorted rows (PostgreSQL and H2 aggregate a sorted subquery's
            // rows in its order; were they not, block_put would still place each element by its
            // slot). A block given all of its slots in order (a whole year, as files usually hold)
            // takes the arrays as they are; any other is laid out by slot.
            String grouped = """
                    select %s indicator_id, org_unit_id, option_key, period_type, block_year,
                           min(mission_id) as mission_id, min(country_code) as country_code,
                           count(*) as filled, sum(case when existing_id is null then 1 else 0 end) as added,
                           %s as len,
                           array_agg(slot) as slots,
                           array_agg(value) as vals,
                           array_agg(coalesce(old_version, 0) + 1) as versions,
                           array_agg(old_version) as expected,
                           array_agg(cast(:who as varchar(64))) as stored_by,
                           array_agg(cast(:now as timestamp with time zone)) as stored_at,
                           array_agg(comment) as comments
                      from (select block_id, indicator_id, org_unit_id, option_key, period_type, block_year, slot,
                                   mission_id, country_code, existing_id, value, old_version, comment
                              from value_staging
                             where batch_id = :batch and block_id is %s
                             order by indicator_id, org_unit_id, option_key, period_type, block_year, slot) s
                     group by %s indicator_id, org_unit_id, option_key, period_type, block_year""";
            String laidOut = "case when slots = %s then %s else block_put_%s(null, len, slots, %s) end";
            String allSlots = DataValueRepository.allSlots("period_type");
            try {
                jdbc.sql("""
                                insert into data_block (indicator_id, org_unit_id, option_id, option_key, period_type,
                                                        block_year, mission_id, country_code, filled, vals, versions,
                                                        stored_by, stored_at, comments)
                                select indicator_id, org_unit_id, nullif(option_key, 0), option_key, period_type,
                                       block_year, mission_id, country_code, filled, %s, %s, %s, %s, %s
                                  from (%s) g""".formatted(
                                laidOut.formatted(allSlots, "vals", "numeric", "vals"),
                                laidOut.formatted(allSlots, "versions", "integer", "versions"),
                                laidOut.formatted(allSlots, "stored_by", "text", "stored_by"),
                                laidOut.formatted(allSlots, "stored_at", "time", "stored_at"),
                                laidOut.formatted(allSlots, "comments", "text", "comments"),
                                grouped.formatted("", DataValueRepository.blockLength("period_type"), "null", "")))
                        .param("batch", batch)
                        .param("who", scope.username())
                        .param("now", now)
                        .update();
            } catch (DuplicateKeyException e) {
                throw changedMeanwhile(1); // someone else stored a value of one of the new blocks meanwhile
            }
            String put = """
                    vals = block_put_numeric(b.vals, 0, g.slots, g.vals),
                    versions = block_put_integer(b.versions, 0, g.slots, g.versions),
                    stored_by = block_put_text(b.stored_by, 0, g.slots, g.stored_by),
                    stored_at = block_put_time(b.stored_at, 0, g.slots, g.stored_at),
                    comments = block_put_text(b.comments, 0, g.slots, g.comments),
                    filled = b.filled + g.added""";
            String existing = grouped.formatted("block_id,", "0", "not null", "block_id,");
            long expectedBlocks = inStoredBlocks == 0
                    ? 0
                    : jdbc.sql("select count(distinct block_id) from value_staging where batch_id = :batch")
                            .param("batch", batch)
                            .query(Long.class)
                            .single();
            long changedBlocks = expectedBlocks == 0
                    ? 0
                    : jdbc.sql(postgres ? """
                            update data_block b set %s
                              from (%s) g
                             where b.id = g.block_id and block_versions_match(b.versions, g.slots, g.expected)""".formatted(put, existing) : """
                            merge into data_block b
                            using (%s) g
                               on b.id = g.block_id
                             when matched and block_versions_match(b.versions, g.slots, g.expected)
                                  then update set %s""".formatted(existing, put))
                            .param("batch", batch)
                            .param("who", scope.username())
                            .param("now", now)
                            .update();
            if (changedBlocks != expectedBlocks) {
                throw changedMeanwhile(Math.max(
                        1, jdbc.sql("""
                                select count(*) from value_staging s
                                  join data_block b on b.id = s.block_id
                                 where s.batch_id = :batch
                                   and b.versions[s.slot] is distinct from coalesce(s.old_version, 0) + 1""").param("batch", batch).query(Long.class).single()));
            }
            // the rows the mode leaves alone are gone from the batch: what is left was written
            int created = mode == WriteMode.UPDATE ? 0 : (int) freshCount;
            int updated = mode == WriteMode.CREATE ? 0 : (int) storedCount;
            if (created + updated > 0) {
                List<Long> indicatorIds = noneSetAside
                        ? List.copyOf(stagedIndicators)
                        : jdbc.sql("select distinct indicator_id from value_staging where batch_id = :batch order by 1")
                                .param("batch", batch)
                                .query(Long.class)
                                .list();
                List<Long> unitIds = noneSetAside
                        ? List.copyOf(stagedUnits)
                        : jdbc.sql("select distinct org_unit_id from value_staging where batch_id = :batch")
                                .param("batch", batch)
                                .query(Long.class)
                                .list();
                events.publishEvent(new DataValuesImported(
                        batch, created, updated, indicatorIds, unitIds, periodIds, ids -> stagedChanges(batch, ids)));
            }
            return new WriteResult(created, updated, ignored, 0);
        }

        /**
         * Deletes the stored values of the batch's staged rows (each has {@code existing_id}), a
         * chunk at a time in line order, publishing {@link DataValuesChanged} for each chunk (so
         * analytics, alerts and the audit log follow as for deletions one by one); returns how many
         * values were deleted.
         */
        private long deleteStaged(long batch) {
            long deleted = 0;
            long after = 0;
            while (true) {
                List<Object[]> stored = new ArrayList<>(CHUNK);
                long[] last = {after};
                List<DataValuesChanged.Change> changes = jdbc.sql("""
                                select line, existing_id, old_version, indicator_id, org_unit_id, period_id, option_key,
                                       mission_id, country_code, old_value
                                  from value_staging
                                 where batch_id = :batch and line > :after
                                 order by line
                                 fetch first %d rows only""".formatted(CHUNK))
                        .param("batch", batch)
                        .param("after", after)
                        .query((rs, n) -> {
                            last[0] = rs.getLong("line");
                            stored.add(new Object[] {rs.getLong("existing_id"), rs.getInt("old_version")});
                            return stagedChange(rs, true);
                        })
                        .list();
                if (changes.isEmpty()) {
                    return deleted;
                }
                long gone = 0;
                List<Object[]> elements = new ArrayList<>(stored.size());
                Set<Long> emptied = new TreeSet<>();
                for (Object[] value : stored) {
                    long id = (Long) value[0];
                    long block = Math.floorDiv(id, DataValueRepository.SLOTS);
                    int slot = (int) Math.floorMod(id, DataValueRepository.SLOTS);
                    elements.add(new Object[] {slot, slot, slot, slot, slot, block, slot, value[1]});
                    emptied.add(block);
                }
                for (int count : jdbcTemplate.batchUpdate("""
                        update data_block
                           set vals[?] = null, comments[?] = null, stored_by[?] = null, stored_at[?] = null,
                               versions[?] = null, filled = filled - 1
                         where id = ? and versions[?] = ?""", elements)) {
                    gone += count;
                }
                if (gone != stored.size()) {
                    throw changedMeanwhile(stored.size() - gone);
                }
                named.update(
                        "delete from data_block where id in (:blocks) and filled = 0",
                        new MapSqlParameterSource("blocks", List.copyOf(emptied)));
                events.publishEvent(new DataValuesChanged(changes));
                deleted += gone;
                after = last[0];
            }
        }

        /**
         * The key of the indicator's option with this code ({@code 0} for the total), or -1 with
         * the problems added; an option found is remembered (a file names few options, on many rows).
         */
        private long optionKey(IndicatorView indicator, @Nullable String optionCode, List<FieldProblem> problems) {
            OptionOf option = new OptionOf(indicator.id(), optionCode);
            Long known = optionKeys.get(option);
            if (known != null) {
                return known;
            }
            Validation options = new Validation();
            long key = MeasurementService.optionKey(
                    indicator, new DataValueCommand(null, null, null, null, optionCode, null, null, null), "", options);
            try {
                options.throwIfInvalid();
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.add(new FieldProblem("option", p.message())));
                return -1;
            }
            if (key >= 0) {
                optionKeys.put(option, key);
            }
            return key;
        }

        /** A disaggregated value's group: 0 for its total, else the category of its option. */
        private static long group(IndicatorView indicator, long optionKey) {
            if (optionKey == 0) {
                return 0;
            }
            for (CategoryView category : indicator.categories()) {
                for (CategoryView.OptionView option : category.options()) {
                    if (option.id() == optionKey) {
                        return category.id();
                    }
                }
            }
            throw new IllegalStateException(
                    "option " + optionKey + " is not one of indicator " + indicator.code() + "'s");
        }

        /**
         * Why the unit cannot hold the indicator's values, or null: asked once per indicator and
         * country (the answer is the same for every unit of a country), the reason worded for
         * the unit only when there is one.
         */
        private @Nullable String placement(IndicatorView indicator, OrgUnitView unit) {
            boolean recordable = placements.computeIfAbsent(
                    new Placement(indicator.id(), unit.countryCode()),
                    k -> indicators.recordableIn(indicator, unit.countryCode()));
            return recordable ? null : indicators.checkOrgUnit(indicator, unit);
        }
    }

    /** An indicator and the code of one of its options as a file writes it (null for the total). */
    private record OptionOf(long indicatorId, @Nullable String optionCode) {}

    /** An indicator and a country whose units may or may not hold its values. */
    private record Placement(long indicatorId, String countryCode) {}

    private static final String STAGED = """
            batch_id, line, indicator_id, org_unit_id, period_id, period_type, option_key, value, comment, mission_id,
            country_code, block_year, slot""";

    private static final int[] STAGED_TYPES = {
        Types.BIGINT,
        Types.BIGINT,
        Types.BIGINT,
        Types.BIGINT,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.BIGINT,
        Types.NUMERIC,
        Types.VARCHAR,
        Types.BIGINT,
        Types.CHAR,
        Types.INTEGER,
        Types.INTEGER
    };

    /**
     * Removes the staged rows of these batches, in a transaction of its own (or the caller's):
     * the staging of an import commits its rows, so they outlive the import's transaction until
     * its session closes, or, when the process running it stopped, until the import is found
     * abandoned.
     */
    @Transactional
    public void discardStaged(Collection<Long> batches) {
        for (Long batch : batches) {
            jdbc.sql("delete from value_staging where batch_id = :batch")
                    .param("batch", batch)
                    .update();
        }
    }

    /** The batches that have staged rows (normally none but those of running imports). */
    public List<Long> stagedBatches() {
        return jdbc.sql("select distinct batch_id from value_staging")
                .query(Long.class)
                .list();
    }

    /** The end of the chunks handed to a {@link Stager} (compared by identity). */
    private static final List<Object[]> END_OF_ROWS = new ArrayList<>(0);

    /**
     * Writes an import's checked rows into value_staging on a thread and connection of its own,
     * a chunk at a time, while the importing thread reads and checks the next chunk: the
     * database's work of storing a chunk took as long as checking it, and the two waited for each
     * other (docs/benchmarks.md, run 18). It commits once, after the last chunk ({@link #finish});
     * the import's transaction reads the rows from then on, and its session removes them when it
     * closes. At most two chunks wait to be written, so memory stays bounded whatever the file.
     */
    private final class Stager {
        private final BlockingQueue<List<Object[]>> chunks = new ArrayBlockingQueue<>(2);
        private final CompletableFuture<Boolean> done = new CompletableFuture<>();
        private volatile boolean cancelled;

        Stager() {
            staging.execute(this::run);
        }

        /** Hands a chunk over, waiting while two wait already; throws what stopped the staging. */
        void add(List<Object[]> rows) {
            try {
                while (!chunks.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                    if (done.isDone()) {
                        outcome();
                        throw new IllegalStateException("the staging of the import's rows ended early");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while staging the import's rows", e);
            }
        }

        /** Hands over the end of the rows and waits until they are committed; throws what went wrong. */
        void finish() {
            add(END_OF_ROWS);
            outcome();
        }

        /**
         * Stops the staging, rolling back what it wrote unless it had committed already; returns
         * whether it had (so rows may be in the table).
         */
        boolean cancel() {
            cancelled = true;
            chunks.clear();
            chunks.offer(END_OF_ROWS);
            try {
                return done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            } catch (ExecutionException e) {
                return false;
            }
        }

        private void outcome() {
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while staging the import's rows", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Cannot stage the import's rows", e.getCause());
            }
        }

        /** Writes chunks until the end of the rows, then commits (true), or rolls back when cancelled (false). */
        private void run() {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    List<Object[]> rows;
                    while ((rows = chunks.take()) != END_OF_ROWS) {
                        if (!cancelled) {
                            write(connection, rows);
                        }
                    }
                    if (cancelled) {
                        connection.rollback();
                        done.complete(false);
                    } else {
                        connection.commit();
                        done.complete(true);
                    }
                } catch (Throwable e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }

        /** COPY (CSV) on PostgreSQL; one JDBC batch elsewhere. */
        private void write(Connection connection, List<Object[]> rows) throws SQLException, IOException {
            if (!postgres) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into value_staging (" + STAGED + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Object[] row : rows) {
                        for (int i = 0; i < row.length; i++) {
                            insert.setObject(i + 1, row[i], STAGED_TYPES[i]);
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return;
            }
            StringBuilder csv = new StringBuilder(rows.size() * 96);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        csv.append(',');
                    }
                    Object v = row[i];
                    if (v == null) {
                        continue;
                    }
                    if (v instanceof String text) {
                        csv.append('"').append(text.replace("\"", "\"\"")).append('"');
                    } else if (v instanceof BigDecimal number) {
                        csv.append(number.toPlainString());
                    } else {
                        csv.append(v);
                    }
                }
                csv.append('\n');
            }
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy value_staging (" + STAGED + ") from stdin with (format csv)",
                            new StringReader(csv.toString()));
        }
    }

    /** The staged (and written) values of a batch for some indicators, as changes. */
    private List<DataValuesChanged.Change> stagedChanges(long batch, Collection<Long> indicatorIds) {
        return jdbc.sql("""
                        select indicator_id, org_unit_id, period_id, option_key, mission_id, country_code,
                               existing_id, old_value, value
                          from value_staging where batch_id = :batch and indicator_id in (:indicators)
                         order by line""")
                .param("batch", batch)
                .param("indicators", List.copyOf(indicatorIds))
                .query((rs, n) -> stagedChange(rs, false))
                .list();
    }

    /** A staged row as a change: the stored value it replaces (if any) by its own, or deletes. */
    private static DataValuesChanged.Change stagedChange(ResultSet rs, boolean deletion) throws SQLException {
        return new DataValuesChanged.Change(
                rs.getLong("indicator_id"),
                rs.getLong("org_unit_id"),
                rs.getString("period_id"),
                rs.getLong("option_key"),
                rs.getObject("mission_id", Long.class),
                rs.getString("country_code"),
                rs.getObject("existing_id") == null ? null : rs.getBigDecimal("old_value"),
                deletion ? null : rs.getBigDecimal("value"));
    }

    /**
     * Refuses an import whose stored values were changed or deleted by someone else after the
     * import read them: writing them would overwrite that change unseen (and the aggregates would
     * count the value the import read).
     */
    private static ConflictException changedMeanwhile(long values) {
        return new ConflictException(
                "stale-version",
                values + (values == 1 ? " value" : " values")
                        + " of this import changed while it ran (someone else saved or deleted them); nothing was"
                        + " written: import the file again");
    }

    private static <K, V> V cached(Map<K, V> cache, K key, java.util.function.Supplier<V> load) {
        V value = cache.get(key);
        if (value == null) {
            value = load.get();
            cache.put(key, value);
        }
        return value;
    }

    private static @Nullable String optionCode(IndicatorView indicator, long optionId) {
        for (CategoryView category : indicator.categories()) {
            for (CategoryView.OptionView option : category.options()) {
                if (option.id() == optionId) {
                    return option.code();
                }
            }
        }
        return null;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
