package org.bluehelm.dataexchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.measurement.BulkValueService;
import org.bluehelm.measurement.BulkValueService.BulkValue;
import org.bluehelm.measurement.BulkValueService.Checked;
import org.bluehelm.measurement.BulkValueService.KeyedValue;
import org.bluehelm.measurement.BulkValueService.Session;
import org.bluehelm.measurement.BulkValueService.ValueKey;
import org.bluehelm.measurement.BulkValueService.WriteResult;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.Period;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of data values from files.
 *
 * <p>How an import runs, in one transaction: the file is read row by row; every
 * {@link BulkValueService#CHUNK} rows, each row's indicator and unit are looked up by code or id
 * and the row is checked with measurement's rules (period, option, value type and range, place,
 * scope, lock); the rows that pass are kept in the import_row table with whether a value is already
 * stored for their key, and each problem is kept as a conflict with its line and field. Then one
 * query finds rows repeating an earlier row's key. Unless it is a dry run, or a problem was found
 * and the import is all-or-nothing, the kept rows are written chunk by chunk through measurement,
 * and the transaction commits; otherwise it rolls back, so nothing is written. Memory holds one
 * chunk, the first {@link ImportSummary#MAX_CONFLICTS} conflicts and the lookups of distinct
 * indicators and units, whatever the size of the file. The job record (progress, summary) is
 * written in transactions of its own.
 */
@Service
public class ImportService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    /** DHIS2's name of the default category option combo, and other ways files say "the total". */
    private static final Set<String> TOTAL = Set.of("", "DEFAULT", "TOTAL", "HLLVX50CXC0");

    private static final int MAX_CACHE = 50_000;

    private final BulkValueService bulk;
    private final IndicatorService indicators;
    private final GeographyService geography;
    private final ImportJobs jobs;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final PlatformTransactionManager transactions;
    private final ExecutorService background = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "bluehelm-import");
        thread.setDaemon(true);
        return thread;
    });

    ImportService(
            BulkValueService bulk,
            IndicatorService indicators,
            GeographyService geography,
            ImportJobs jobs,
            JdbcClient jdbc,
            NamedParameterJdbcTemplate named,
            PlatformTransactionManager transactions) {
        this.bulk = bulk;
        this.indicators = indicators;
        this.geography = geography;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.named = named;
        this.transactions = transactions;
    }

    /**
     * Imports a CSV or JSON stream now, on this thread, as the current user; {@code progress} hears
     * the number of rows read after each chunk.
     *
     * @throws InvalidInputException naming the field {@code file} when the file cannot be read as its format
     */
    public ImportSummary importStream(InputStream in, ImportOptions options, LongConsumer progress) {
        return run(
                jobs.start(options, AccessScope.current().username()),
                RowSource.of(options.format(), in),
                options,
                progress);
    }

    /** Imports a file of any format now, on this thread, as the current user. */
    public ImportSummary importFile(Path file, ImportOptions options, LongConsumer progress) {
        return run(
                jobs.start(options, AccessScope.current().username()),
                RowSource.of(options.format(), file),
                options,
                progress);
    }

    /**
     * Starts importing a file on a background thread as the current user and returns the job's id
     * at once; the file is deleted when the import ends. Poll {@link #job} for progress.
     */
    public long start(Path file, ImportOptions options) {
        long job = jobs.start(options, AccessScope.current().username());
        SecurityContext context = SecurityContextHolder.getContext();
        background.execute(() -> {
            SecurityContextHolder.setContext(context);
            try {
                run(job, RowSource.of(options.format(), file), options, rows -> {});
            } catch (RuntimeException e) {
                // run() has recorded the failure in the job
                log.debug("Import {} ended with {}", job, e.toString());
            } catch (Throwable e) {
                log.error("Import {} failed", job, e);
                jobs.fail(job, "the import failed on our side and wrote nothing; the error has been logged");
            } finally {
                SecurityContextHolder.clearContext();
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Cannot delete the uploaded file {}", file);
                }
            }
        });
        return job;
    }

    /** The import, if the current user started it or sees everything (otherwise not found). */
    public ImportJobView job(long id) {
        AccessScope scope = AccessScope.current();
        return jobs.find(id)
                .filter(j -> scope.global() || j.username().equals(scope.username()))
                .orElseThrow(() -> new NotFoundException("Import", id));
    }

    /** The current user's latest imports, newest first. */
    public List<ImportJobView> recentJobs(int limit) {
        return jobs.recent(AccessScope.current().username(), limit);
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }

    private ImportSummary run(long job, RowSource source, ImportOptions options, LongConsumer progress) {
        try {
            TransactionTemplate transaction = new TransactionTemplate(transactions);
            ImportSummary summary = transaction.execute(status -> {
                Run run = new Run(job, options, bulk.open(), progress);
                try {
                    source.read(run::accept);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return run.finish(status);
            });
            if (summary == null) {
                throw new IllegalStateException("the import returned no summary");
            }
            jobs.finish(job, summary);
            return summary;
        } catch (ImportFileException e) {
            jobs.fail(job, e.getMessage());
            throw InvalidInputException.of("file", e.getMessage());
        } catch (InvalidInputException e) {
            jobs.fail(job, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            log.warn("Import {} failed", job, e);
            jobs.fail(job, e instanceof UncheckedIOException ? "the file could not be read" : failure(e));
            throw e;
        }
    }

    private static String failure(RuntimeException e) {
        if (e instanceof org.bluehelm.shared.ConflictException || e instanceof org.bluehelm.shared.ForbiddenException) {
            return e.getMessage();
        }
        return "the import failed on our side and wrote nothing; the error has been logged";
    }

    /** One import's state while it reads, checks and writes. */
    private final class Run {

        private final long job;
        private final ImportOptions options;
        private final Session session;
        private final LongConsumer progress;
        private final List<RawRow> chunk = new ArrayList<>(BulkValueService.CHUNK);
        private final List<ImportConflict> conflicts = new ArrayList<>();
        private final Map<String, Optional<Long>> indicatorIds = new HashMap<>();
        private final Map<String, Optional<Long>> unitIds = new HashMap<>();
        private long conflictCount;
        private long rowsRead;
        private long rowsRefused;
        private long progressReportedAt = System.nanoTime() - 1_000_000_000L;

        Run(long job, ImportOptions options, Session session, LongConsumer progress) {
            this.job = job;
            this.options = options;
            this.session = session;
            this.progress = progress;
        }

        void accept(RawRow row) {
            chunk.add(row);
            if (chunk.size() >= BulkValueService.CHUNK) {
                flush();
            }
        }

        private void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            List<Object[]> passed = new ArrayList<>();
            for (RawRow row : chunk) {
                Object[] staged = check(row);
                if (staged != null) {
                    passed.add(staged);
                }
            }
            Set<ValueKey> existing =
                    session.existing(passed.stream().map(p -> (ValueKey) p[1]).toList());
            List<MapSqlParameterSource> rows = new ArrayList<>(passed.size());
            for (Object[] p : passed) {
                ValueKey key = (ValueKey) p[1];
                rows.add(new MapSqlParameterSource()
                        .addValue("job", job)
                        .addValue("line", p[0])
                        .addValue("indicator", key.indicatorId())
                        .addValue("unit", key.orgUnitId())
                        .addValue("period", key.periodId())
                        .addValue("optionKey", key.optionKey())
                        .addValue("value", p[2])
                        .addValue("comment", p[3])
                        .addValue("existing", existing.contains(key)));
            }
            if (!rows.isEmpty()) {
                named.batchUpdate("""
                        insert into import_row (job_id, line, indicator_id, org_unit_id, period_id, option_key, value,
                                                comment, existing)
                        values (:job, :line, :indicator, :unit, :period, :optionKey, :value, :comment, :existing)""", rows.toArray(MapSqlParameterSource[]::new));
            }
            rowsRead += chunk.size();
            chunk.clear();
            reportProgress(0);
            progress.accept(rowsRead);
        }

        /**
         * Records the progress in the job (a transaction of its own) at most twice a second: the
         * job page polls it, and a commit per chunk would cost a large import more than its rows.
         */
        private void reportProgress(long written) {
            long now = System.nanoTime();
            if (now - progressReportedAt >= 500_000_000L) {
                progressReportedAt = now;
                jobs.progress(job, rowsRead, written);
            }
        }

        /** The row as {line, key, value, comment} when it passes every check; otherwise its conflicts are kept. */
        private Object @Nullable [] check(RawRow row) {
            List<ImportConflict> found = new ArrayList<>();
            if (row.problem() != null) {
                found.add(new ImportConflict(row.line(), "row", null, row.problem()));
            }
            Long indicatorId = null;
            if (row.dataElement() == null) {
                found.add(new ImportConflict(row.line(), "dataElement", null, "is required"));
            } else {
                indicatorId = indicator(row.dataElement()).orElse(null);
                if (indicatorId == null) {
                    found.add(new ImportConflict(
                            row.line(),
                            "dataElement",
                            row.dataElement(),
                            "'" + row.dataElement() + "' is not the "
                                    + (options.dataElementIdScheme() == IdScheme.CODE ? "code" : "id")
                                    + " of an indicator in your scope"));
                }
            }
            Long unitId = null;
            if (row.orgUnit() == null) {
                found.add(new ImportConflict(row.line(), "orgUnit", null, "is required"));
            } else {
                unitId = orgUnit(row.orgUnit()).orElse(null);
                if (unitId == null) {
                    found.add(new ImportConflict(
                            row.line(),
                            "orgUnit",
                            row.orgUnit(),
                            "'" + row.orgUnit() + "' is not the "
                                    + (options.orgUnitIdScheme() == IdScheme.CODE ? "code" : "id")
                                    + " of an organisation unit"));
                }
            }
            BigDecimal value = null;
            if (row.value() == null) {
                found.add(new ImportConflict(row.line(), "value", null, "is required"));
            } else {
                value = number(row.value());
                if (value == null) {
                    found.add(new ImportConflict(
                            row.line(), "value", row.value(), "'" + row.value() + "' is not a number"));
                }
            }
            if (indicatorId == null || unitId == null) {
                if (row.period() == null) {
                    found.add(new ImportConflict(row.line(), "period", null, "is required"));
                } else {
                    try {
                        Period.parse(row.period());
                    } catch (InvalidInputException e) {
                        found.add(new ImportConflict(
                                row.line(),
                                "period",
                                row.period(),
                                e.problems().get(0).message()));
                    }
                }
                return refuse(found);
            }
            String option = row.categoryOptionCombo();
            String optionCode =
                    option == null || TOTAL.contains(option.strip().toUpperCase(Locale.ROOT)) ? null : option;
            Checked checked = session.check(new BulkValue(
                    indicatorId,
                    unitId,
                    row.period(),
                    optionCode,
                    value == null ? BigDecimal.ZERO : value,
                    row.comment()));
            Set<String> reported = new HashSet<>();
            found.forEach(c -> reported.add(c.field()));
            for (FieldProblem p : checked.problems()) {
                String field = field(p.field());
                if (reported.contains(field)) {
                    continue;
                }
                found.add(new ImportConflict(row.line(), field, text(row, field), p.message()));
            }
            if (!found.isEmpty() || checked.key() == null) {
                return refuse(found);
            }
            return new Object[] {row.line(), checked.key(), value, row.comment()};
        }

        private Object @Nullable [] refuse(List<ImportConflict> found) {
            rowsRefused++;
            found.forEach(this::conflict);
            return null;
        }

        private void conflict(ImportConflict c) {
            conflictCount++;
            if (conflicts.size() < ImportSummary.MAX_CONFLICTS) {
                conflicts.add(c);
            }
        }

        private Optional<Long> indicator(String text) {
            if (indicatorIds.size() > MAX_CACHE) {
                indicatorIds.clear();
            }
            return indicatorIds.computeIfAbsent(text, t -> {
                if (options.dataElementIdScheme() == IdScheme.ID) {
                    Long id = longOrNull(t);
                    return id == null ? Optional.empty() : session.indicator(id).map(IndicatorView::id);
                }
                Optional<Long> found = indicators
                        .findByCodeIgnoringScope(t)
                        .or(() -> indicators.findByCodeIgnoringScope(t.toLowerCase(Locale.ROOT)))
                        .map(IndicatorView::id);
                return found.flatMap(session::indicator).map(IndicatorView::id);
            });
        }

        private Optional<Long> orgUnit(String text) {
            if (unitIds.size() > MAX_CACHE) {
                unitIds.clear();
            }
            return unitIds.computeIfAbsent(text, t -> {
                if (options.orgUnitIdScheme() == IdScheme.ID) {
                    Long id = longOrNull(t);
                    return id == null ? Optional.empty() : session.orgUnit(id).map(OrgUnitView::id);
                }
                return geography.findOrgUnitByCode(t).map(OrgUnitView::id);
            });
        }

        ImportSummary finish(TransactionStatus status) {
            flush();
            long duplicates = duplicates();
            long stored = 0;
            long fresh = 0;
            for (Map<String, Object> count :
                    jdbc.sql("""
                            select s.existing, count(*) as n from import_row s
                             where s.job_id = :job and not s.duplicate group by s.existing""").param("job", job).query().listOfRows()) {
                long n = ((Number) count.get("n")).longValue();
                if (Boolean.TRUE.equals(count.get("existing"))) {
                    stored = n;
                } else {
                    fresh = n;
                }
            }
            long refused = rowsRefused + duplicates;
            ImportStrategy strategy = options.strategy();
            boolean failed = options.atomicMode() == AtomicMode.ALL && conflictCount > 0;
            ImportSummary.Status outcome = failed
                    ? ImportSummary.Status.ERROR
                    : conflictCount > 0 ? ImportSummary.Status.WARNING : ImportSummary.Status.SUCCESS;
            if (failed) {
                status.setRollbackOnly();
                return summary(outcome, new ImportSummary.ImportCount(0, 0, rowsRead, 0));
            }
            if (options.dryRun()) {
                status.setRollbackOnly();
                long imported = strategy == ImportStrategy.UPDATE ? 0 : fresh;
                long updated = strategy == ImportStrategy.CREATE ? 0 : stored;
                return summary(
                        outcome, new ImportSummary.ImportCount(imported, updated, rowsRead - imported - updated, 0));
            }
            long created = 0;
            long updated = 0;
            long ignored = refused;
            long written = 0;
            long after = -1;
            while (true) {
                List<Object[]> page = jdbc.sql("""
                                select s.line, s.indicator_id, s.org_unit_id, s.period_id, s.option_key, s.value,
                                       s.comment
                                  from import_row s
                                 where s.job_id = :job and s.line > :after and not s.duplicate
                                 order by s.line limit :limit""")
                        .param("job", job)
                        .param("after", after)
                        .param("limit", BulkValueService.CHUNK)
                        .query((ResultSet rs, int n) -> new Object[] {
                            rs.getLong("line"),
                            new KeyedValue(
                                    new ValueKey(
                                            rs.getLong("indicator_id"),
                                            rs.getLong("org_unit_id"),
                                            rs.getString("period_id"),
                                            rs.getLong("option_key")),
                                    rs.getBigDecimal("value"),
                                    rs.getString("comment"))
                        })
                        .list();
                if (page.isEmpty()) {
                    break;
                }
                after = (Long) page.get(page.size() - 1)[0];
                WriteResult result =
                        session.write(page.stream().map(p -> (KeyedValue) p[1]).toList(), strategy.mode());
                created += result.created();
                updated += result.updated();
                ignored += result.ignored();
                written += page.size();
                reportProgress(written);
            }
            jobs.progress(job, rowsRead, written);
            jdbc.sql("delete from import_row where job_id = :job")
                    .param("job", job)
                    .update();
            return summary(outcome, new ImportSummary.ImportCount(created, updated, ignored, 0));
        }

        /** Marks and reports every row repeating the key of an earlier row; returns how many there are. */
        private long duplicates() {
            // one pass over the key index grouping the job's rows; only keys seen more than once come
            // back (none in a clean file). A probe per row, or an IN over a window, is quadratic on
            // some planners: PostgreSQL has no statistics for rows staged in this same transaction.
            List<Object[]> repeated = jdbc.sql("""
                            select indicator_id, org_unit_id, period_id, option_key, min(line) as first_line
                              from import_row where job_id = :job
                             group by indicator_id, org_unit_id, period_id, option_key
                            having count(*) > 1""")
                    .param("job", job)
                    .query((rs, n) ->
                            new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5)})
                    .list();
            if (repeated.isEmpty()) {
                return 0;
            }
            // the earliest repeats are reported, with the line each one repeats; the rest are counted
            java.util.TreeMap<Long, Long> reported = new java.util.TreeMap<>();
            long count = 0;
            for (Object[] key : repeated) {
                String sameKeyLater = """
                         where job_id = :job and indicator_id = :indicator and org_unit_id = :unit
                           and period_id = :period and option_key = :option and line > :first""";
                count += jdbc.sql("update import_row set duplicate = true " + sameKeyLater)
                        .param("job", job)
                        .param("indicator", key[0])
                        .param("unit", key[1])
                        .param("period", key[2])
                        .param("option", key[3])
                        .param("first", key[4])
                        .update();
                jdbc.sql("select line from import_row " + sameKeyLater + " order by line limit :limit")
                        .param("job", job)
                        .param("indicator", key[0])
                        .param("unit", key[1])
                        .param("period", key[2])
                        .param("option", key[3])
                        .param("first", key[4])
                        .param("limit", ImportSummary.MAX_CONFLICTS)
                        .query(Long.class)
                        .list()
                        .forEach(line -> {
                            reported.put(line, (Long) key[4]);
                            if (reported.size() > ImportSummary.MAX_CONFLICTS) {
                                reported.pollLastEntry();
                            }
                        });
            }
            reported.forEach((line, first) -> conflict(new ImportConflict(
                    line,
                    "row",
                    null,
                    "repeats line " + first
                            + ": the same indicator, organisation unit, period and option can have only"
                            + " one value in a file")));
            conflictCount += count - Math.min(count, ImportSummary.MAX_CONFLICTS);
            return count;
        }

        private ImportSummary summary(ImportSummary.Status outcome, ImportSummary.ImportCount count) {
            List<ImportConflict> sorted = new ArrayList<>(conflicts);
            sorted.sort(java.util.Comparator.comparingLong(ImportConflict::line));
            return new ImportSummary(
                    job,
                    outcome,
                    options.dryRun(),
                    options.strategy(),
                    options.atomicMode(),
                    rowsRead,
                    count,
                    conflictCount,
                    sorted);
        }
    }

    /** A staged row t with the same key as row s, earlier in the file. */
    private static String field(String bulkField) {
        return switch (bulkField) {
            case "indicator" -> "dataElement";
            case "option" -> "categoryOptionCombo";
            default -> bulkField;
        };
    }

    private static @Nullable String text(RawRow row, String field) {
        return switch (field) {
            case "dataElement" -> row.dataElement();
            case "period" -> row.period();
            case "orgUnit" -> row.orgUnit();
            case "categoryOptionCombo" -> row.categoryOptionCombo();
            case "value" -> row.value();
            case "comment" -> null;
            default -> null;
        };
    }

    /** The number a cell holds: digits with an optional sign, point and exponent; true and false are 1 and 0. */
    static @Nullable BigDecimal number(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("true")) {
            return BigDecimal.ONE;
        }
        if (t.equalsIgnoreCase("false")) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Long longOrNull(String text) {
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
