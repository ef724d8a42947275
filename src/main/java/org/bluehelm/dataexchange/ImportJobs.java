package org.bluehelm.dataexchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bluehelm.measurement.BulkValueService;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import_job records. Each change commits on its own (a transaction of its own, apart from the
 * import's), so that progress is visible to the page that polls it while the import's transaction
 * is still open, and a failed import still leaves its record.
 */
@Component
class ImportJobs implements DisposableBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportJobs.class);

    /** How long the record of a finished import is kept. */
    static final Duration KEPT = Duration.ofDays(90);

    /** How often a process records that its running imports are alive. */
    static final Duration BEAT = Duration.ofSeconds(15);

    /** How long without a heartbeat before a running import is taken for cut off. */
    static final Duration STALE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate own;
    private final Clock clock;
    private final BulkValueService bulk;

    /** The imports this process is running, whose heartbeat it keeps. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "import-heartbeat");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate named,
            PlatformTransactionManager transactions,
            Clock clock,
            BulkValueService bulk) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.named = named;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        heart.scheduleWithFixedDelay(this::beat, BEAT.toSeconds(), BEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * At start-up: an import still RUNNING whose process stopped beating was cut off; its
     * transaction never committed, so nothing of it was written. Say so, and forget finished
     * imports older than {@link #KEPT}, and the staged rows of imports no longer running (an
     * import's session removes its own when it ends; a process stopped in between leaves them).
     * Imports that other servers are running keep beating and are left alone.
     */
    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        sweep();
        jdbc.sql("delete from import_job where state <> 'RUNNING' and started_at < :before")
                .param("before", now().minus(KEPT))
                .update();
        // batches read before the running imports: an import starting in between is not among them
        Set<Long> leftOver = new java.util.TreeSet<>(bulk.stagedBatches());
        if (!leftOver.isEmpty()) {
            leftOver.removeAll(named.queryForList(
                    "select id from import_job where state = 'RUNNING' and id in (:ids)",
                    new MapSqlParameterSource("ids", List.copyOf(leftOver)),
                    Long.class));
            bulk.discardStaged(leftOver);
        }
    }

    /** Every minute: marks the imports whose process stopped beating as failed. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void sweep() {
        int interrupted = failAbandoned(clock.instant().minus(STALE));
        if (interrupted > 0) {
            log.info(
                    "{} import(s) were cut off by the stop of the process running them and are marked failed",
                    interrupted);
        }
    }

    /**
     * Marks every running import whose last heartbeat is older than {@code staleBefore} as failed;
     * returns how many.
     */
    int failAbandoned(Instant staleBefore) {
        List<Long> abandoned = jdbc.sql("""
                        select id from import_job
                         where state = 'RUNNING' and coalesce(heartbeat_at, started_at) < :before""")
                .param("before", staleBefore.atOffset(java.time.ZoneOffset.UTC))
                .query(Long.class)
                .list();
        if (abandoned.isEmpty()) {
            return 0;
        }
        int failed = jdbc.sql("""
                        update import_job set state = 'FAILED', finished_at = :now,
                               message = 'Bluehelm stopped before this import ended; nothing of it was written'
                         where state = 'RUNNING' and id in (:ids)""").param("now", now()).param("ids", abandoned).update();
        // the rows such an import had staged were committed by its staging, not written
        bulk.discardStaged(abandoned);
        return failed;
    }

    /** Refreshes the heartbeat of the imports this process is running. */
    void beat() {
        List<Long> mine = List.copyOf(running);
        if (mine.isEmpty()) {
            return;
        }
        try {
            jdbc.sql("update import_job set heartbeat_at = :now where state = 'RUNNING' and id in (:ids)")
                    .param("now", now())
                    .param("ids", mine)
                    .update();
        } catch (RuntimeException e) {
            // a database that cannot be reached now may be reachable at the next beat
            log.warn("Cannot record the heartbeat of running imports {}: {}", mine, e.toString());
        }
    }

    @Override
    public void destroy() {
        heart.shutdownNow();
    }

    long start(ImportOptions options, String username) {
        return Objects.requireNonNull(own.execute(status -> {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into import_job (username, file_name, format, dry_run, strategy, atomic_mode, id_scheme,
                                                    state, started_at, heartbeat_at)
                            values (:username, :fileName, :format, :dryRun, :strategy, :atomicMode, :idScheme, 'RUNNING',
                                    :now, :now)""")
                    .param("username", username)
                    .param("fileName", truncate(options.fileName(), 255))
                    .param("format", options.format().name())
                    .param("dryRun", options.dryRun())
                    .param("strategy", options.strategy().name())
                    .param("atomicMode", options.atomicMode().name())
                    .param("idScheme", options.dataElementIdScheme().name())
                    .param("now", now())
                    .update(key, "id");
            long id = Objects.requireNonNull(key.getKey()).longValue();
            running.add(id);
            return id;
        }));
    }

    void progress(long job, long rowsRead, long rowsWritten) {
        own.executeWithoutResult(
                status -> jdbc.sql("update import_job set rows_read = :read, rows_written = :written where id = :id")
                        .param("read", rowsRead)
                        .param("written", rowsWritten)
                        .param("id", job)
                        .update());
    }

    void finish(long job, ImportSummary summary) {
        running.remove(job);
        own.executeWithoutResult(status -> {
            jdbc.sql("""
                            update import_job
                               set state = 'DONE', outcome = :outcome, rows_read = :read, imported = :imported,
                                   updated = :updated, ignored = :ignored, deleted = :deleted,
                                   conflict_count = :conflicts,
                                   finished_at = :now
                             where id = :id""")
                    .param("outcome", summary.status().name())
                    .param("read", summary.rowsRead())
                    .param("imported", summary.importCount().imported())
                    .param("updated", summary.importCount().updated())
                    .param("ignored", summary.importCount().ignored())
                    .param("deleted", summary.importCount().deleted())
                    .param("conflicts", summary.conflictCount())
                    .param("now", now())
                    .param("id", job)
                    .update();
            List<MapSqlParameterSource> rows = new ArrayList<>();
            int seq = 0;
            for (ImportConflict c : summary.conflicts()) {
                rows.add(new MapSqlParameterSource()
                        .addValue("job", job)
                        .addValue("seq", seq++)
                        .addValue("line", c.line())
                        .addValue("field", truncate(c.field(), 40))
                        .addValue("value", truncate(c.value(), 200))
                        .addValue("message", truncate(c.message(), 1000)));
            }
            if (!rows.isEmpty()) {
                named.batchUpdate(
                        "insert into import_conflict (job_id, seq, line, field, value, message)"
                                + " values (:job, :seq, :line, :field, :value, :message)",
                        rows.toArray(MapSqlParameterSource[]::new));
            }
        });
    }

    void fail(long job, String message) {
        running.remove(job);
        own.executeWithoutResult(status -> jdbc.sql(
                        "update import_job set state = 'FAILED', message = :message, finished_at = :now where id = :id")
                .param("message", truncate(message, 1000))
                .param("now", now())
                .param("id", job)
                .update());
    }

    Optional<ImportJobView> find(long id) {
        return jdbc.sql("select * from import_job where id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    List<ImportJobView> recent(String username, int limit) {
        return jdbc.sql("select * from import_job where username = :username order by started_at desc, id desc"
                        + " limit :limit")
                .param("username", username)
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    private ImportJobView row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        ImportJobView.State state = ImportJobView.State.valueOf(rs.getString("state"));
        ImportStrategy strategy = ImportStrategy.valueOf(rs.getString("strategy"));
        AtomicMode atomicMode = AtomicMode.valueOf(rs.getString("atomic_mode"));
        boolean dryRun = rs.getBoolean("dry_run");
        String outcome = rs.getString("outcome");
        ImportSummary summary = null;
        if (state == ImportJobView.State.DONE && outcome != null) {
            summary = new ImportSummary(
                    id,
                    ImportSummary.Status.valueOf(outcome),
                    dryRun,
                    strategy,
                    atomicMode,
                    rs.getLong("rows_read"),
                    new ImportSummary.ImportCount(
                            rs.getLong("imported"),
                            rs.getLong("updated"),
                            rs.getLong("ignored"),
                            rs.getLong("deleted")),
                    rs.getLong("conflict_count"),
                    conflicts(id));
        }
        return new ImportJobView(
                id,
                rs.getString("username"),
                rs.getString("file_name"),
                ImportFormat.valueOf(rs.getString("format")),
                dryRun,
                strategy,
                atomicMode,
                IdScheme.valueOf(rs.getString("id_scheme")),
                state,
                rs.getLong("rows_read"),
                rs.getLong("rows_written"),
                rs.getString("message"),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class),
                summary);
    }

    private List<ImportConflict> conflicts(long job) {
        return jdbc.sql("select line, field, value, message from import_conflict where job_id = :job order by seq")
                .param("job", job)
                .query((rs, n) -> new ImportConflict(
                        rs.getLong("line"), rs.getString("field"), rs.getString("value"), rs.getString("message")))
                .list();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static @Nullable String truncate(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
