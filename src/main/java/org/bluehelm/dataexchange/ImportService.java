package org.bluehelm.dataexchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.bluehelm.measurement.BulkValueService.Session;
import org.bluehelm.measurement.BulkValueService.StagedCounts;
import org.bluehelm.measurement.BulkValueService.StagedRow;
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
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of data values from files.
 *
 * <p>How an import runs, in one transaction, set-based: the file is read row by row; every
 * {@link BulkValueService#CHUNK} rows, the chunk's new unit codes are looked up a thousand at a
 * time, each row's indicator and unit are found (each distinct code once, then from memory) and
 * the row is checked with measurement's rules (period, option, value type and range, place,
 * scope, lock); the rows that pass are staged by measurement under a key made of their line and
 * their place on it (a JSON line may hold several; {@link Session#stage}: on a connection of its
 * own while the next chunk is checked, COPY on PostgreSQL, a JDBC batch on H2), and each problem
 * is kept as a conflict with its line and field. At the end one query finds the rows repeating an
 * earlier row's key (when their keys' hashes say any can), one statement notes which keys have a
 * stored value, and the rows repeating their stored value and comment are set aside (ignored:
 * nothing to change). Unless it is a dry run, or a problem was found and the import is
 * all-or-nothing, measurement writes the staged rows into data_value with one insert and one
 * update, analytics adds them to the rollups in blocks fanned out in memory, and the transaction
 * commits; otherwise it rolls back, so nothing is written; either way the session then removes the
 * staged rows. Memory holds one chunk, the first {@link ImportSummary#MAX_CONFLICTS} conflicts and
 * the lookups of distinct indicators and units, whatever the size of the file. The job record
 * (progress, summary) is written in transactions of its own.
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
            PlatformTransactionManager transactions) {
        this.bulk = bulk;
        this.indicators = indicators;
        this.geography = geography;
        this.jobs = jobs;
        this.transactions = transactions;
    }

    /**
     * Imports a CSV or JSON stream now, on this thread, as the current user; {@code progress} hears
     * the number of rows read after each chunk.
     *
     * @throws InvalidInputException naming the field {@code file} when the file cannot be read as its format
     *     or has no data rows (the job is recorded as failed with the reason)
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
            ImportSummary summary;
            try (Session session = bulk.open()) {
                summary = transaction.execute(status -> {
                    Run run = new Run(job, options, session, progress);
                    try {
                        source.read(run::accept);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return run.finish(status);
                });
            }
            if (summary == null) {
                throw new IllegalStateException("the import returned no summary");
            }
            jobs.finish(job, summary);
            return summary;
        } catch (ImportFileException e) {
            jobs.fail(job, e.getMessage());
            throw InvalidInputException.of("file", e.problem());
        } catch (InvalidInputException e) {
            jobs.fail(job, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            log.warn("Import {} failed", job, e);
            jobs.fail(job, e instanceof UncheckedIOException ? "the file could not be read" : failure(e));
            throw e;
        } catch (Error e) {
            log.error("Import {} failed", job, e);
            jobs.fail(job, "the import failed on our side and wrote nothing; the error has been logged");
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
        private final Map<String, UnitMatch> units = new HashMap<>();
        /** Every unit's code by its code in lower case, read on the first code not found as written. */
        private @Nullable Map<String, List<String>> unitCodesByFoldedCode;

        private long conflictCount;
        private long rowsRead;
        private long rowsRefused;
        private long progressReportedAt = System.nanoTime() - 1_000_000_000L;
        /** The line of the previous row and its place among the rows of that line (JSON may put several on one). */
        private long lastLine = -1;

        private long placeOnLine;

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
            lookUpUnits();
            List<StagedRow> passed = new ArrayList<>(chunk.size());
            for (RawRow row : chunk) {
                StagedRow staged = check(row);
                if (staged != null) {
                    passed.add(staged);
                }
            }
            session.stage(job, passed);
            rowsRead += chunk.size();
            chunk.clear();
            reportProgress(0);
            progress.accept(rowsRead);
        }

        /**
         * Resolves the unit codes (or ids) of the chunk not seen before with one query per
         * thousand, rather than one query each as rows name them (a file of a country's facilities
         * names thousands). Codes not found as written are left to {@link #orgUnit}, which also
         * tries them whatever their case.
         */
        private void lookUpUnits() {
            if (units.size() > MAX_CACHE) {
                units.clear();
            }
            Set<String> unseen = new HashSet<>();
            for (RawRow row : chunk) {
                if (row.orgUnit() != null && !units.containsKey(row.orgUnit())) {
                    unseen.add(row.orgUnit());
                }
            }
            if (unseen.isEmpty()) {
                return;
            }
            if (options.orgUnitIdScheme() == IdScheme.ID) {
                Set<Long> ids = new HashSet<>();
                unseen.forEach(text -> {
                    Long id = longOrNull(text);
                    if (id != null) {
                        ids.add(id);
                    }
                });
                session.knowUnits(geography.findOrgUnits(ids).values());
                return;
            }
            Map<String, OrgUnitView> found = geography.findOrgUnitsByCode(unseen);
            session.knowUnits(found.values());
            found.forEach((code, unit) -> units.put(code, UnitMatch.of(Optional.of(unit))));
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

        /**
         * The key a row is staged by, unique in the import and in file order (rows come in file
         * order): its line in the high 32 bits, its place among the rows of that line in the low
         * ones. The conflicts name the line alone ({@link #lineOf}).
         */
        private long stagingKey(long line) {
            placeOnLine = line == lastLine ? placeOnLine + 1 : 0;
            lastLine = line;
            if (line < 0 || line > Integer.MAX_VALUE || placeOnLine > 0xFFFF_FFFFL) {
                throw new ImportFileException("has more lines, or more values on one line, than an import can number");
            }
            return line << 32 | placeOnLine;
        }

        /** The row to stage when it passes every check; otherwise its conflicts are kept. */
        private @Nullable StagedRow check(RawRow row) {
            long key = stagingKey(row.line());
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
                UnitMatch unit = orgUnit(row.orgUnit());
                unitId = unit.id();
                if (unitId == null) {
                    found.add(new ImportConflict(
                            row.line(),
                            "orgUnit",
                            row.orgUnit(),
                            unit.problem() != null
                                    ? unit.problem()
                                    : "'" + row.orgUnit() + "' is not the "
                                            + (options.orgUnitIdScheme() == IdScheme.CODE ? "code" : "id")
                                            + " of an organisation unit"));
                }
            }
            // a deletion removes the stored value whatever the file gives as the value: it is not read
            boolean deleting = options.strategy() == ImportStrategy.DELETE;
            BigDecimal value = null;
            if (!deleting && row.value() == null) {
                found.add(new ImportConflict(row.line(), "value", null, "is required"));
            } else if (!deleting) {
                value = number(row.value(), row.decimalComma());
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
                    deleting ? null : value == null ? BigDecimal.ZERO : value,
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
            return new StagedRow(key, checked.key(), deleting ? BigDecimal.ZERO : value, row.comment());
        }

        private @Nullable StagedRow refuse(List<ImportConflict> found) {
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

        /**
         * The unit a file names. A code matches the unit with that code as written, else the unit
         * whose code differs from it only by case (as indicator and option codes match whatever
         * their case); a code matching several units' codes that way names none of them.
         */
        private UnitMatch orgUnit(String text) {
            if (units.size() > MAX_CACHE) {
                units.clear();
            }
            return units.computeIfAbsent(text, t -> {
                if (options.orgUnitIdScheme() == IdScheme.ID) {
                    Long id = longOrNull(t);
                    return UnitMatch.of(id == null ? Optional.empty() : session.orgUnit(id));
                }
                Optional<OrgUnitView> exact = geography.findOrgUnitByCode(t);
                if (exact.isPresent()) {
                    return UnitMatch.of(exact);
                }
                if (unitCodesByFoldedCode == null) {
                    unitCodesByFoldedCode = geography.orgUnitCodesByFoldedCode();
                }
                List<String> codes = unitCodesByFoldedCode.getOrDefault(t.toLowerCase(Locale.ROOT), List.of());
                if (codes.size() > 1) {
                    return new UnitMatch(
                            null,
                            "'" + t + "' matches the codes of " + codes.size()
                                    + " organisation units, which differ only by case ("
                                    + String.join(", ", codes.stream().sorted().toList())
                                    + "): write the code exactly as the unit has it");
                }
                return codes.isEmpty() ? UnitMatch.NONE : UnitMatch.of(geography.findOrgUnitByCode(codes.get(0)));
            });
        }

        ImportSummary finish(TransactionStatus status) {
            flush();
            if (rowsRead == 0) {
                // an empty or header-only file is refused as a whole, as an empty batch is
                throw new ImportFileException("has no data rows");
            }
            long duplicates = duplicates();
            ImportStrategy strategy = options.strategy();
            long mixed = strategy == ImportStrategy.DELETE ? 0 : totalsBesideBreakdowns();
            long refused = rowsRefused + duplicates + mixed;
            boolean failed = options.atomicMode() == AtomicMode.ALL && conflictCount > 0;
            ImportSummary.Status outcome = failed
                    ? ImportSummary.Status.ERROR
                    : conflictCount > 0 ? ImportSummary.Status.WARNING : ImportSummary.Status.SUCCESS;
            if (failed) {
                status.setRollbackOnly();
                return summary(outcome, new ImportSummary.ImportCount(0, 0, rowsRead, 0));
            }
            StagedCounts counts = session.markStored(job, strategy.mode());
            if (options.dryRun()) {
                status.setRollbackOnly();
                if (strategy == ImportStrategy.DELETE) {
                    return summary(
                            outcome, new ImportSummary.ImportCount(0, 0, rowsRead - counts.stored(), counts.stored()));
                }
                long imported = strategy == ImportStrategy.UPDATE ? 0 : counts.fresh();
                long updated = strategy == ImportStrategy.CREATE ? 0 : counts.stored();
                return summary(
                        outcome, new ImportSummary.ImportCount(imported, updated, rowsRead - imported - updated, 0));
            }
            WriteResult result = session.writeStaged(job, strategy.mode());
            jobs.progress(job, rowsRead, counts.stored() + counts.fresh());
            return summary(
                    outcome,
                    new ImportSummary.ImportCount(
                            result.created(),
                            result.updated(),
                            refused + counts.unchanged() + result.ignored(),
                            result.deleted()));
        }

        /**
         * Sets aside every staged row repeating the key of an earlier row (one pass over the staged
         * rows), reports the earliest ones with the line each repeats; returns how many there are.
         */
        private long duplicates() {
            long[] reported = {0};
            long count = session.setAsideDuplicates(job, (key, firstKey) -> {
                if (reported[0] < ImportSummary.MAX_CONFLICTS) {
                    reported[0]++;
                    long line = lineOf(key);
                    long first = lineOf(firstKey);
                    conflict(new ImportConflict(
                            line,
                            "row",
                            null,
                            (first == line ? "repeats an earlier value of the same line" : "repeats line " + first)
                                    + ": the same indicator, organisation unit, period and option can have only"
                                    + " one value in a file"));
                }
            });
            conflictCount += count - reported[0];
            return count;
        }

        /**
         * Sets aside every staged row that would give its unit and period both a total and a
         * breakdown (with the stored values and the file's other rows), reporting each with its
         * line; returns how many there are.
         */
        private long totalsBesideBreakdowns() {
            long[] reported = {0};
            long count = session.setAsideTotalsBesideBreakdowns(job, (key, problem) -> {
                if (reported[0] < ImportSummary.MAX_CONFLICTS) {
                    reported[0]++;
                    conflict(new ImportConflict(lineOf(key), "categoryOptionCombo", null, problem));
                }
            });
            conflictCount += count - reported[0];
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

    /** The unit a file's text names, or none, with why when it is not simply unknown. */
    private record UnitMatch(@Nullable Long id, @Nullable String problem) {

        static final UnitMatch NONE = new UnitMatch(null, null);

        static UnitMatch of(Optional<OrgUnitView> unit) {
            return unit.map(u -> new UnitMatch(u.id(), null)).orElse(NONE);
        }
    }

    /** The line of the file a staged row came from, out of its staging key. */
    static long lineOf(long stagingKey) {
        return stagingKey >>> 32;
    }

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
        return number(text, false);
    }

    /**
     * The number a cell holds ({@link #number(String)}); with {@code decimalComma} (a CSV file
     * separated by semicolons) the decimal separator may be a comma and the thousands may be
     * separated by spaces, as Excel writes numbers in French: {@code 12,5} and {@code 1 234,5}.
     */
    static @Nullable BigDecimal number(String text, boolean decimalComma) {
        String t = stripSpaces(text);
        if (decimalComma) {
            t = decimalPoint(t);
            if (t == null) {
                return null;
            }
        }
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

    /**
     * A number written with a decimal comma and thousands separated by spaces (plain, no-break or
     * narrow no-break) as written with a decimal point and no separators: {@code -1 234,5} gives
     * {@code -1234.5}; the text itself when it has neither a comma nor such a space; null when one
     * is not where such a number has it ({@code 1.234,5}, {@code 1,2,3}, {@code 12 34}). One pass,
     * no pattern: it runs for every value of a file.
     */
    static @Nullable String decimalPoint(String text) {
        int comma = -1;
        boolean spaced = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',') {
                if (comma >= 0) {
                    return null;
                }
                comma = i;
            } else if (c == '.') {
                if (comma >= 0 || text.indexOf(',', i) >= 0) {
                    return null;
                }
            } else if (groupSeparator(c)) {
                spaced = true;
            }
        }
        if (comma < 0 && !spaced) {
            return text;
        }
        int whole = comma < 0 ? text.length() : comma;
        StringBuilder number = new StringBuilder(text.length());
        int i = 0;
        if (whole > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            number.append(text.charAt(0));
            i = 1;
        }
        int digits = 0;
        boolean grouped = false;
        for (; i < whole; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                number.append(c);
                digits++;
            } else if (groupSeparator(c) && digits > 0 && digits <= 3 && (!grouped || digits == 3)) {
                grouped = true;
                digits = 0;
            } else {
                return null;
            }
        }
        if (grouped ? digits != 3 : digits == 0 && comma < 0) {
            return null;
        }
        if (comma >= 0) {
            if (comma == text.length() - 1) {
                return null;
            }
            number.append('.').append(text, comma + 1, text.length());
        }
        return number.toString();
    }

    /**
     * The text without the spaces around it, no-break spaces included (spreadsheets leave them
     * around numbers they formatted; {@link String#strip()} keeps them).
     */
    static String stripSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && space(text.charAt(start))) {
            start++;
        }
        while (end > start && space(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean space(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F' || c == '\u2007';
    }

    private static boolean groupSeparator(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F';
    }

    private static @Nullable Long longOrNull(String text) {
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
