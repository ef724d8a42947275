package org.bluehelm.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bluehelm.analytics.AnalyticsQuery;
import org.bluehelm.analytics.AnalyticsResult;
import org.bluehelm.analytics.AnalyticsService;
import org.bluehelm.analytics.RebuildResult;
import org.bluehelm.cli.Command;
import org.bluehelm.dataexchange.ImportFormat;
import org.bluehelm.dataexchange.ImportOptions;
import org.bluehelm.dataexchange.ImportService;
import org.bluehelm.dataexchange.ImportSummary;
import org.bluehelm.measurement.DataValueCommand;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code bench analytics}: generates a dataset into a fresh database, loads it, builds the rollups
 * and measures (warm p50/p95) a district x quarter aggregate of 1 and of 10 indicators through
 * {@link AnalyticsService}, the same through a plain GROUP BY over the data values (the baseline),
 * the time until a newly recorded value is in the aggregates, and peak heap; prints JSON.
 * A measurement, never a test: nothing here asserts a time.
 */
@Component
class AnalyticsBench implements Command {

    private final BenchDataset dataset;
    private final AnalyticsService analytics;
    private final MeasurementService measurements;
    private final JdbcClient jdbc;
    private final Environment environment;
    private final ImportService imports;
    private final ReportBench reportBench;

    AnalyticsBench(
            ImportService imports,
            BenchDataset dataset,
            AnalyticsService analytics,
            MeasurementService measurements,
            JdbcClient jdbc,
            Environment environment,
            ReportBench reportBench) {
        this.imports = imports;
        this.dataset = dataset;
        this.analytics = analytics;
        this.measurements = measurements;
        this.jdbc = jdbc;
        this.environment = environment;
        this.reportBench = reportBench;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "bench analytics [--values N] [--store h2|postgres] [--load import|direct] [--runs N] [--schema NAME]"
                + " [--keep] [--reuse [--folder H2_FOLDER]] [--reimport]"
                + " | bench synth [--runs N] | bench report [--values N] [--runs N] [--programmes N] [--store h2|postgres]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (!args.isEmpty() && args.get(0).equals("synth")) {
            return SynthBench.run(args.subList(1, args.size()), out, err); // pure computation, no database
        }
        if (!args.isEmpty() && args.get(0).equals("report")) {
            return reportBench.run(args.subList(1, args.size()), out, err); // an in-memory store of its own
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.println("usage: " + usage());
            return 2;
        }
        boolean postgres = options.store().equals("postgres");
        String schema = environment.getProperty(BenchEnvironment.SCHEMA_PROPERTY);
        String folder = environment.getProperty(BenchEnvironment.FOLDER_PROPERTY);
        try {
            long existing = jdbc.sql("select count(*) from data_value")
                    .query(Long.class)
                    .single();
            if (existing > 0 && !options.reuse()) {
                err.println("bench: the database is not fresh (" + existing + " data values); give another --schema");
                return 1;
            }
            Map<String, Object> report = measure(options, postgres, err);
            report.put("database", postgres ? "PostgreSQL schema " + schema : "H2 file in " + folder);
            out.println(Json.write(report));
            return 0;
        } finally {
            if (!options.keep()) {
                if (postgres && schema != null) {
                    jdbc.sql("drop schema if exists " + schema + " cascade").update();
                } else if (folder != null) {
                    deleteOnExit(Path.of(folder));
                }
            }
        }
    }

    private Map<String, Object> measure(BenchOptions options, boolean postgres, PrintStream err) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("store", options.store());
        report.put("machine", machine(postgres));
        report.put("loadAverageAtStart", loadAverage());
        if (options.reuse()) {
            report.put(
                    "values",
                    jdbc.sql("select count(*) from data_value")
                            .query(Long.class)
                            .single());
            report.put("load", "none: --reuse of a database kept by an earlier run");
            return measureQueries(dataset.existingLayout(), report, options, err);
        }
        report.put("values", options.values());

        err.println("bench: creating 16,661 organisation units and 30 indicators");
        BenchDataset.Layout layout = dataset.createStructure();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("levels", layout.levels().stream().map(List::size).toList());
        data.put("indicators", layout.indicators().size());
        data.put("months", BenchDataset.MONTHS);
        data.put("options", 2);
        report.put("dataset", data);

        Map<String, Object> load = new LinkedHashMap<>();
        if (options.load().equals("import")) {
            importValues(layout, options.values(), options.reimport(), load, err);
        } else {
            err.println(
                    "bench: loading " + options.values() + " values (" + (postgres ? "COPY" : "JDBC batches") + ")");
            long start = System.nanoTime();
            dataset.load(layout, options.values(), postgres, n -> err.println("bench:   " + n + " values"));
            double loadSeconds = seconds(start);
            load.put("method", postgres ? "COPY (pgjdbc CopyManager)" : "JDBC batches of 10,000");
            load.put("seconds", round(loadSeconds));
            load.put("valuesPerSecond", Math.round(options.values() / loadSeconds));
        }
        if (postgres) {
            jdbc.sql("analyze data_block").update();
            jdbc.sql("analyze org_unit").update();
        }
        report.put("load", load);

        if (options.load().equals("direct")) {
            err.println("bench: building the rollups");
            long start = System.nanoTime();
            RebuildResult rebuilt = analytics.rebuild();
            Map<String, Object> rollups = new LinkedHashMap<>();
            rollups.put("seconds", round(seconds(start)));
            rollups.put("rows", rebuilt.rollupRows());
            report.put("rollupBuild", rollups);
        } else {
            Map<String, Object> rollups = new LinkedHashMap<>();
            rollups.put(
                    "rows",
                    jdbc.sql(
                                    "select (select count(*) from analytics_rollup) + (select count(*) from analytics_rollup_total)")
                            .query(Long.class)
                            .single());
            rollups.put("what", "kept up to date by the import itself, in its transaction: no rebuild");
            report.put("rollupBuild", rollups);
        }
        return measureQueries(layout, report, options, err);
    }

    /** Steps 4 to 8: the timed queries, their baseline, freshness, heap and load. */
    private Map<String, Object> measureQueries(
            BenchDataset.Layout layout, Map<String, Object> report, BenchOptions options, PrintStream err)
            throws Exception {
        Period first = BenchDataset.firstMonth().rollUpTo(PeriodType.QUARTERLY);
        Period last = BenchDataset.lastMonth().rollUpTo(PeriodType.QUARTERLY);
        List<Long> one = List.of(layout.indicators().get(0).id());
        List<Long> ten =
                layout.indicators().subList(0, 10).stream().map(i -> i.id()).toList();
        AnalyticsQuery query1 = AnalyticsQuery.of(one, List.of(layout.root()), first.id(), last.id())
                .atLevel(3)
                .by(PeriodType.QUARTERLY);
        AnalyticsQuery query10 = AnalyticsQuery.of(ten, List.of(layout.root()), first.id(), last.id())
                .atLevel(3)
                .by(PeriodType.QUARTERLY);
        String what = "150 districts x " + (BenchDataset.MONTHS / 3) + " quarters (" + first.id() + " to " + last.id()
                + "), SUM";
        report.put("query", what);

        err.println("bench: timing " + what);
        Map<String, Object> service = new LinkedHashMap<>();
        int cells1 = analytics.aggregate(query1).rows().size();
        service.put("oneIndicator", timings(options.runs(), () -> analytics.aggregate(query1)));
        service.put("tenIndicators", timings(options.runs(), () -> analytics.aggregate(query10)));
        service.put("cellsOneIndicator", cells1);
        service.put("what", "cells of the upper levels served from memory while no write has touched them");
        report.put("analyticsService", service);

        err.println("bench: timing the same with every read going to the rollups (no cache)");
        analytics.cacheUpperLevels(false);
        Map<String, Object> uncached = new LinkedHashMap<>();
        try {
            uncached.put("oneIndicator", timings(options.runs(), () -> analytics.aggregate(query1)));
            uncached.put("tenIndicators", timings(options.runs(), () -> analytics.aggregate(query10)));
        } finally {
            analytics.cacheUpperLevels(true);
        }
        report.put("analyticsServiceFromRollups", uncached);

        err.println("bench: timing the baseline (plain GROUP BY over data_value)");
        Map<String, Object> baseline = new LinkedHashMap<>();
        int baselineRuns = Math.max(3, Math.min(options.runs(), 10));
        int baselineCells = baseline(one, first, last).size();
        baseline.put("oneIndicator", timings(baselineRuns, () -> baseline(one, first, last)));
        baseline.put("tenIndicators", timings(baselineRuns, () -> baseline(ten, first, last)));
        baseline.put("cellsOneIndicator", baselineCells);
        baseline.put("sql", BASELINE.replaceAll("\\s+", " ").strip());
        report.put("baseline", baseline);
        report.put(
                "ratioOneIndicatorP50",
                round(p(baseline, "oneIndicator", "p50Ms") / Math.max(0.001, p(service, "oneIndicator", "p50Ms"))));
        report.put(
                "ratioTenIndicatorsP50",
                round(p(baseline, "tenIndicators", "p50Ms") / Math.max(0.001, p(service, "tenIndicators", "p50Ms"))));
        report.put(
                "ratioFromRollupsOneIndicatorP50",
                round(p(baseline, "oneIndicator", "p50Ms") / Math.max(0.001, p(uncached, "oneIndicator", "p50Ms"))));
        report.put(
                "ratioFromRollupsTenIndicatorsP50",
                round(p(baseline, "tenIndicators", "p50Ms") / Math.max(0.001, p(uncached, "tenIndicators", "p50Ms"))));
        report.put("sameResultAsBaseline", sameResult(query1, one, first, last));
        analytics.cacheUpperLevels(false);
        try {
            report.put("sameResultAsBaselineFromRollups", sameResult(query1, one, first, last));
        } finally {
            analytics.cacheUpperLevels(true);
        }

        err.println("bench: time until a new value is in the aggregates");
        report.put("freshness", freshness(layout, query1));
        report.put("peakHeapMb", peakHeapMb());
        report.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        report.put("loadAverageAtEnd", loadAverage());
        return report;
    }

    /**
     * Loads the values the way users do: writes them as a DHIS2 CSV file (not timed), then imports
     * it through {@link ImportService} (validation of every row, all-or-nothing, rollups kept up to
     * date in the same transaction), timed from the start of the import to its commit; with
     * {@code reimport}, imports the same file again (every row ignored) under {@code reimport}.
     */
    private void importValues(
            BenchDataset.Layout layout, long values, boolean reimport, Map<String, Object> load, PrintStream err)
            throws java.io.IOException {
        Path file = Files.createTempFile("bluehelm-bench-", ".csv");
        try {
            err.println("bench: writing " + values + " values as a DHIS2 CSV file");
            long start = System.nanoTime();
            dataset.writeCsv(layout, values, file);
            load.put("csvWriteSeconds", round(seconds(start)));
            load.put("csvBytes", Files.size(file));
            load.put(
                    "method",
                    "import of a DHIS2 CSV file through ImportService (the path of the import command,"
                            + " POST /api/v1/dataValueSets and the import screen)");
            err.println("bench: importing them (ImportService, CSV, all-or-nothing)");
            load.putAll(timedImport(file, values, err));
            if (reimport) {
                err.println("bench: importing the same file again (every row repeats its stored value)");
                load.put("reimport", timedImport(file, values, err));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Imports the file once, timed, with the import thread's and the server's CPU and the summary's counts. */
    private Map<String, Object> timedImport(Path file, long values, PrintStream err) {
        Map<String, Object> figures = new LinkedHashMap<>();
        long start = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Map<Long, Long> serverStart = serverTicks();
        ImportSummary summary = imports.importFile(
                file, ImportOptions.defaults(ImportFormat.CSV).withFileName("bench.csv"), rows -> {
                    if (rows % 1_000_000 == 0) {
                        err.println("bench:   " + rows + " rows read");
                    }
                });
        double importSeconds = seconds(start);
        double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        figures.put("seconds", round(importSeconds));
        figures.put("valuesPerSecond", Math.round(values / importSeconds));
        figures.put("importThreadCpuSeconds", round(cpuSeconds));
        figures.put("valuesPerCpuSecondOfImportThread", Math.round(values / Math.max(0.001, cpuSeconds)));
        if (!serverStart.isEmpty() || !serverTicks().isEmpty()) {
            long ticks = 0;
            for (Map.Entry<Long, Long> e : serverTicks().entrySet()) {
                ticks += e.getValue() - serverStart.getOrDefault(e.getKey(), 0L);
            }
            double serverSeconds = ticks / 100.0;
            figures.put("postgresServerCpuSeconds", round(serverSeconds));
            figures.put(
                    "valuesPerCpuSecondOfImportAndServer",
                    Math.round(values / Math.max(0.001, cpuSeconds + serverSeconds)));
        }
        figures.put("status", summary.status().name());
        figures.put("imported", summary.importCount().imported());
        figures.put("updated", summary.importCount().updated());
        figures.put("ignored", summary.importCount().ignored());
        figures.put("conflicts", summary.conflictCount());
        return figures;
    }

    /**
     * The CPU time (clock ticks, 1/100 s on Linux) of each PostgreSQL server process serving this
     * bench's connections (application name set by {@link BenchEnvironment}), read from /proc when
     * the server runs on this machine; empty on H2 or when it cannot be read.
     */
    private Map<Long, Long> serverTicks() {
        Map<Long, Long> ticks = new LinkedHashMap<>();
        String name = environment.getProperty("spring.datasource.url", "");
        int at = name.indexOf("ApplicationName=");
        if (at < 0) {
            return ticks;
        }
        String application = name.substring(at + "ApplicationName=".length()).split("&")[0];
        for (Long pid : jdbc.sql("select pid from pg_stat_activity where application_name = :name")
                .param("name", application)
                .query(Long.class)
                .list()) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
            } catch (java.io.IOException | RuntimeException e) {
                // not on this machine, or gone
            }
        }
        return ticks;
    }

    /** The 1, 5 and 15 minute load averages of the machine (other work on it skews every figure). */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static final String BASELINE = """
            select d.indicator_id, district.id as org_unit_id,
                   extract(year from d.start_date) as y, extract(quarter from d.start_date) as q,
                   sum(d.value) as value
              from data_value d
              join org_unit facility on facility.id = d.org_unit_id
              join org_unit chiefdom on chiefdom.id = facility.parent_id
              join org_unit district on district.id = chiefdom.parent_id
             where d.indicator_id in (:indicators) and d.start_date >= :from and d.end_date <= :to
             group by d.indicator_id, district.id, extract(year from d.start_date), extract(quarter from d.start_date)""";

    private List<Map<String, Object>> baseline(List<Long> indicators, Period first, Period last) {
        return jdbc.sql(BASELINE)
                .param("indicators", indicators)
                .param("from", first.startDate())
                .param("to", last.endDate())
                .query()
                .listOfRows();
    }

    /** Whether the service and the baseline give the same district x quarter sums for one indicator. */
    private boolean sameResult(AnalyticsQuery query, List<Long> one, Period first, Period last) {
        Map<String, BigDecimal> service = new java.util.HashMap<>();
        for (AnalyticsResult.Row row : analytics.aggregate(query).rows()) {
            service.put(row.orgUnit() + "|" + row.period(), row.value());
        }
        Map<String, BigDecimal> plain = new java.util.HashMap<>();
        for (Map<String, Object> row : baseline(one, first, last)) {
            String period = ((Number) row.get("y")).intValue() + "Q" + ((Number) row.get("q")).intValue();
            plain.put(
                    ((Number) row.get("org_unit_id")).longValue() + "|" + period,
                    new BigDecimal(String.valueOf(row.get("value"))));
        }
        if (service.size() != plain.size()) {
            return false;
        }
        return service.entrySet().stream()
                .allMatch(e ->
                        plain.containsKey(e.getKey()) && plain.get(e.getKey()).compareTo(e.getValue()) == 0);
    }

    /** Records new values one by one and measures how long until each is in the aggregates. */
    private Map<String, Object> freshness(BenchDataset.Layout layout, AnalyticsQuery districtQuery) {
        long indicator = layout.indicators().get(0).id();
        List<Double> millis = new ArrayList<>();
        int samples = 20;
        for (int k = 0; k < samples; k++) {
            long leaf = layout.leaves().get((k * 997) % layout.leaves().size());
            Period month = Period.month(BenchDataset.FIRST_MONTH.plusMonths((k * 7) % BenchDataset.MONTHS));
            Period quarter = month.rollUpTo(PeriodType.QUARTERLY);
            long district = ancestorAtLevel(leaf, 3);
            BigDecimal before = analytics.value(indicator, district, quarter).orElse(BigDecimal.ZERO);
            // the FEMALE value of the unit and month raised (by its version), or recorded where the
            // dataset has none: a unit and period hold either a total or a breakdown, and the
            // generated values are the breakdown by sex
            Map<String, Object> earlier = jdbc
                    .sql("select d.value, d.version from data_value d"
                            + " join disaggregation_option o on o.id = d.option_id and o.code = 'FEMALE'"
                            + " where d.indicator_id = :i and d.org_unit_id = :u and d.period_id = :p")
                    .param("i", indicator)
                    .param("u", leaf)
                    .param("p", month.id())
                    .query()
                    .listOfRows()
                    .stream()
                    .findFirst()
                    .orElse(Map.of());
            BigDecimal old = earlier.isEmpty() ? BigDecimal.ZERO : new BigDecimal(String.valueOf(earlier.get("value")));
            Integer version = earlier.isEmpty() ? null : ((Number) earlier.get("version")).intValue();
            BigDecimal value = old.add(BigDecimal.valueOf(1000 + k));
            BigDecimal added = value.subtract(old);
            long start = System.nanoTime();
            measurements.recordValue(
                    new DataValueCommand(indicator, leaf, month.id(), "SEX", "FEMALE", value, null, version));
            while (true) {
                Optional<BigDecimal> now = analytics.value(indicator, district, quarter);
                if (now.isPresent() && now.get().compareTo(before.add(added)) == 0) {
                    break;
                }
                if (seconds(start) > 60) {
                    throw new IllegalStateException("a new value was not visible after 60 s");
                }
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Map<String, Object> result = stats(millis);
        result.put(
                "what",
                "record one value through MeasurementService (own transaction, committed), then read it"
                        + " back from the district x quarter aggregate");
        result.put("samples", samples);
        return result;
    }

    private long ancestorAtLevel(long unit, int level) {
        String path = jdbc.sql("select path from org_unit where id = :id")
                .param("id", unit)
                .query(String.class)
                .single();
        return Long.parseLong(path.split("/")[level]);
    }

    /**
     * Times runs of the work after warming it up: at least 5 runs, then more while the warm-up has
     * taken under 5 seconds (at most 100), so that a query of milliseconds is timed as a server
     * that has answered it before runs it (compiled, its pages in memory), and a slow baseline is
     * not run more than needed.
     */
    private static Map<String, Object> timings(int runs, Callable<?> work) throws Exception {
        long warmUp = System.nanoTime();
        for (int i = 0; i < Math.min(5, runs) || (i < 100 && seconds(warmUp) < 5); i++) {
            work.call();
        }
        List<Double> millis = new ArrayList<>();
        long budget = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.call();
            millis.add((System.nanoTime() - start) / 1e6);
            if (i >= 2 && seconds(budget) > 120) {
                break; // a slow baseline: enough runs for a median
            }
        }
        return stats(millis);
    }

    private static Map<String, Object> stats(List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("runs", sorted.size());
        stats.put("p50Ms", round(percentile(sorted, 0.50)));
        stats.put("p95Ms", round(percentile(sorted, 0.95)));
        stats.put("maxMs", round(sorted.get(sorted.size() - 1)));
        return stats;
    }

    /** The nearest-rank percentile. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    @SuppressWarnings("unchecked")
    private static double p(Map<String, Object> section, String measure, String stat) {
        return ((Number) ((Map<String, Object>) section.get(measure)).get(stat)).doubleValue();
    }

    private Map<String, Object> machine(boolean postgres) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("memoryGb", totalMemoryGb());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put(
                "database",
                postgres
                        ? jdbc.sql("select version()").query(String.class).single()
                        : "H2 "
                                + jdbc.sql("select h2version()")
                                        .query(String.class)
                                        .single());
        return machine;
    }

    private static long totalMemoryGb() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return -1;
    }

    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void deleteOnExit(Path folder) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                // best effort: a temporary folder
            }
        }));
    }
}
