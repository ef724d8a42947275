package org.bluehelm.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bluehelm.actor.ActorCommand;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorType;
import org.bluehelm.analytics.AnalyticsService;
import org.bluehelm.programme.ProgrammeCommand;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.programme.ProgrammeStatus;
import org.bluehelm.programme.ResultLevel;
import org.bluehelm.report.ProgressReport;
import org.bluehelm.report.ReportService;
import org.bluehelm.shared.Pillar;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code bench report}: in a fresh database (in-memory H2, or a new PostgreSQL schema with
 * {@code --store postgres}), generates a country of 16,661 units with 30 indicators and five years
 * of monthly values, then {@code --programmes} programmes at the 10 regions whose results chains
 * share out the 30 indicators (one programme: all 30, 300 progress rows, the most a report shows),
 * and times the report of the last year of each programme: its content, the HTML rendered from it
 * and the PDF rendered from that; the first run cold, then warm runs. Wall time and the CPU time of
 * the generating thread (on H2 that includes the database's work, which runs in that thread). Prints
 * JSON.
 */
@Component
class ReportBench {

    static final long DEFAULT_VALUES = 300_000;
    static final String USAGE =
            "usage: bench report [--values N] [--runs N] [--programmes N] [--store h2|postgres]" + " [--schema NAME]";

    private final BenchDataset dataset;
    private final AnalyticsService analytics;
    private final ActorService actors;
    private final ProgrammeService programmes;
    private final ReportService reports;
    private final JdbcClient jdbc;
    private final Environment environment;

    ReportBench(
            BenchDataset dataset,
            AnalyticsService analytics,
            ActorService actors,
            ProgrammeService programmes,
            ReportService reports,
            JdbcClient jdbc,
            Environment environment) {
        this.dataset = dataset;
        this.analytics = analytics;
        this.actors = actors;
        this.programmes = programmes;
        this.reports = reports;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    /** Whether the arguments of {@code bench report} ask for PostgreSQL. */
    static boolean postgres(List<String> args) {
        int i = args.indexOf("--store");
        return i >= 0 && i + 1 < args.size() && args.get(i + 1).equals("postgres");
    }

    /** The schema the arguments of {@code bench report} name, if any. */
    static @Nullable String schema(List<String> args) {
        int i = args.indexOf("--schema");
        return i >= 0 && i + 1 < args.size() && args.get(i + 1).matches("[a-z_][a-z0-9_]{0,62}")
                ? args.get(i + 1)
                : null;
    }

    int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        long values = DEFAULT_VALUES;
        int runs = 3;
        int programmeCount = 1;
        String store = "h2";
        for (int i = 0; i < args.size(); i++) {
            try {
                switch (args.get(i)) {
                    case "--values" -> values = Long.parseLong(args.get(++i).replace("_", ""));
                    case "--runs" -> runs = Integer.parseInt(args.get(++i));
                    case "--programmes" -> programmeCount = Integer.parseInt(args.get(++i));
                    case "--store" -> store = args.get(++i);
                    case "--schema" -> i++;
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i));
                }
            } catch (RuntimeException e) {
                err.println("bench report: " + e.getMessage());
                err.println(USAGE);
                return 2;
            }
        }
        if (programmeCount < 1
                || programmeCount > BenchDataset.INDICATORS
                || !List.of("h2", "postgres").contains(store)) {
            err.println("bench report: --programmes must be between 1 and " + BenchDataset.INDICATORS
                    + ", --store h2 or postgres");
            err.println(USAGE);
            return 2;
        }
        boolean postgres = store.equals("postgres");
        String schema = environment.getProperty(BenchEnvironment.SCHEMA_PROPERTY);
        try {
            Map<String, Object> result = measure(values, runs, programmeCount, postgres, err);
            result.put("database", postgres ? "PostgreSQL schema " + schema : "H2 in memory");
            out.println(Json.write(result));
            return 0;
        } finally {
            if (postgres && schema != null) {
                jdbc.sql("drop schema if exists " + schema + " cascade").update();
            }
        }
    }

    private Map<String, Object> measure(long values, int runs, int programmeCount, boolean postgres, PrintStream err)
            throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "report");
        result.put("store", postgres ? "postgres" : "h2");
        result.put("machine", machine());
        err.println("bench report: creating the units and indicators");
        BenchDataset.Layout layout = dataset.createStructure();
        err.println("bench report: loading " + values + " monthly values over five years");
        long start = System.nanoTime();
        dataset.load(layout, values, postgres, n -> {});
        analytics.rebuild();
        result.put(
                "dataset",
                Map.of(
                        "orgUnits",
                        layout.levels().stream().mapToInt(List::size).sum(),
                        "indicators",
                        layout.indicators().size(),
                        "values",
                        values,
                        "months",
                        BenchDataset.MONTHS,
                        "programmes",
                        programmeCount,
                        "loadAndRollupSeconds",
                        round(seconds(start))));

        long lead = actors.create(new ActorCommand(
                        "Bench ministry", null, null, ActorType.HOST_MINISTRY, BenchDataset.COUNTRY, null, null, null))
                .id();
        List<Long> regions = layout.levels().get(1);
        List<List<Long>> chains = new ArrayList<>();
        for (int p = 0; p < programmeCount; p++) {
            chains.add(new ArrayList<>());
        }
        for (int i = 0; i < layout.indicators().size(); i++) {
            chains.get(i % programmeCount).add(layout.indicators().get(i).id());
        }
        List<Long> programmeIds = new ArrayList<>();
        for (int p = 0; p < programmeCount; p++) {
            programmeIds.add(programmes
                    .create(new ProgrammeCommand(
                            "BENCH-REPORT-" + (p + 1),
                            "Bench programme " + (p + 1),
                            Pillar.POLICE,
                            null,
                            BenchDataset.COUNTRY,
                            null,
                            lead,
                            List.of(),
                            null,
                            null,
                            null,
                            null,
                            ProgrammeStatus.ACTIVE,
                            regions,
                            List.of(),
                            List.of(new ProgrammeCommand.Result(
                                    "OC1", ResultLevel.OUTCOME, "Bench outcome", null, null, chains.get(p)))))
                    .id());
        }
        String period = String.valueOf(BenchDataset.lastMonth().startDate().getYear());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        List<Double> content = new ArrayList<>();
        List<Double> contentCpu = new ArrayList<>();
        List<Double> html = new ArrayList<>();
        List<Double> pdf = new ArrayList<>();
        List<Double> whole = new ArrayList<>();
        List<Double> wholeCpu = new ArrayList<>();
        List<Double> slowestWhole = new ArrayList<>();
        int figures = 0;
        int pdfBytes = 0;
        List<Double> country = new ArrayList<>();
        List<Double> countryCpuSeconds = new ArrayList<>();
        int countryFigures = 0;
        int countryPdfBytes = 0;
        for (int r = 0; r <= runs; r++) {
            err.println("bench report: run " + r + (r == 0 ? " (cold)" : ""));
            double runContent = 0;
            double runContentCpu = 0;
            double runHtml = 0;
            double runPdf = 0;
            double runWholeCpu = 0;
            double slowest = 0;
            for (long programme : programmeIds) {
                ReportService.GenerateReport command = new ReportService.GenerateReport(programme, period, "fr");
                long cpu = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                ProgressReport report = reports.content(command);
                double c = seconds(t);
                double cCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
                t = System.nanoTime();
                String page = reports.html(report);
                double h = seconds(t);
                t = System.nanoTime();
                byte[] bytes = reports.pdf(page);
                double p = seconds(t);
                double wCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
                runContent += c;
                runContentCpu += cCpu;
                runHtml += h;
                runPdf += p;
                runWholeCpu += wCpu;
                slowest = Math.max(slowest, c + h + p);
                figures += r == 0 ? report.figures().size() : 0;
                pdfBytes += r == 0 ? bytes.length : 0;
            }
            // the whole country: every programme above in one report, as for a mission
            long countryCpu = threads.getCurrentThreadCpuTime();
            long countryStart = System.nanoTime();
            ProgressReport countryReport =
                    reports.content(new ReportService.GenerateReport(null, null, BenchDataset.COUNTRY, period, "fr"));
            byte[] countryPdf = reports.pdf(reports.html(countryReport));
            country.add(round(seconds(countryStart)));
            countryCpuSeconds.add(round((threads.getCurrentThreadCpuTime() - countryCpu) / 1e9));
            countryFigures = countryReport.figures().size();
            countryPdfBytes = countryPdf.length;
            content.add(round(runContent));
            contentCpu.add(round(runContentCpu));
            html.add(round(runHtml));
            pdf.add(round(runPdf));
            whole.add(round(runContent + runHtml + runPdf));
            wholeCpu.add(round(runWholeCpu));
            slowestWhole.add(round(slowest));
        }
        result.put(
                "report",
                Map.of(
                        "period", period,
                        "language", "fr",
                        "progressRows", figures,
                        "pdfBytes", pdfBytes));
        result.put("secondsContent", content);
        result.put("cpuSecondsContent", contentCpu);
        result.put("secondsHtml", html);
        result.put("secondsPdf", pdf);
        result.put("secondsWhole", whole);
        result.put("cpuSecondsWhole", wholeCpu);
        result.put("secondsSlowestWholeReport", slowestWhole);
        result.put(
                "countryReport",
                Map.of("figures", countryFigures, "pdfBytes", countryPdfBytes, "programmes", programmeCount));
        result.put("secondsCountryReport", country);
        result.put("cpuSecondsCountryReport", countryCpuSeconds);
        result.put("loadAverageAfter", round(loadAverage()));
        result.put(
                "note",
                "index 0 is the cold run; each figure is the sum over the programmes' reports (content, then HTML"
                        + " from it, then PDF from that), the slowest one report apart; CPU: the generating"
                        + " thread; the country report covers every programme (content, HTML and PDF);"
                        + " target: a whole report under 10 s");
        return result;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processors", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("loadAverageBefore", round(loadAverage()));
        return m;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
