package org.bluehelm.bench;

import java.io.PrintStream;
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
import org.springframework.stereotype.Component;

/**
 * {@code bench report}: in a fresh in-memory database, generates a country of 16,661 units with 30
 * indicators and five years of monthly values, a programme whose results chain holds the 30
 * indicators at the 10 regions (300 progress rows, the most a report shows), then times the
 * report of the last year: its content alone, the HTML (content and rendering, the baseline) and
 * the whole report (content, HTML and PDF); the first run cold, then warm runs. Prints JSON.
 */
@Component
class ReportBench {

    static final long DEFAULT_VALUES = 300_000;

    private final BenchDataset dataset;
    private final AnalyticsService analytics;
    private final ActorService actors;
    private final ProgrammeService programmes;
    private final ReportService reports;

    ReportBench(
            BenchDataset dataset,
            AnalyticsService analytics,
            ActorService actors,
            ProgrammeService programmes,
            ReportService reports) {
        this.dataset = dataset;
        this.analytics = analytics;
        this.actors = actors;
        this.programmes = programmes;
        this.reports = reports;
    }

    int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        long values = DEFAULT_VALUES;
        int runs = 3;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--values" -> values = Long.parseLong(args.get(++i));
                case "--runs" -> runs = Integer.parseInt(args.get(++i));
                default -> {
                    err.println("bench report: unknown option " + args.get(i));
                    err.println("usage: bench report [--values N] [--runs N]");
                    return 2;
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "report");
        result.put("machine", machine());
        err.println("bench report: creating the units and indicators");
        BenchDataset.Layout layout = dataset.createStructure();
        err.println("bench report: loading " + values + " monthly values over five years");
        long start = System.nanoTime();
        dataset.load(layout, values, false, n -> {});
        analytics.rebuild();
        result.put(
                "dataset",
                Map.of(
                        "orgUnits",
                                layout.levels().stream().mapToInt(List::size).sum(),
                        "indicators", layout.indicators().size(),
                        "values", values,
                        "months", BenchDataset.MONTHS,
                        "loadAndRollupSeconds", round(seconds(start))));

        long lead = actors.create(new ActorCommand(
                        "Bench ministry", null, null, ActorType.HOST_MINISTRY, BenchDataset.COUNTRY, null, null, null))
                .id();
        List<Long> regions = layout.levels().get(1);
        List<Long> chain = layout.indicators().stream().map(i -> i.id()).toList();
        long programme = programmes
                .create(new ProgrammeCommand(
                        "BENCH-REPORT",
                        "Bench programme",
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
                                "OC1", ResultLevel.OUTCOME, "Bench outcome", null, null, chain))))
                .id();
        String period = String.valueOf(BenchDataset.lastMonth().startDate().getYear());
        ReportService.GenerateReport command = new ReportService.GenerateReport(programme, period, "fr");

        List<Double> content = new ArrayList<>();
        List<Double> html = new ArrayList<>();
        List<Double> whole = new ArrayList<>();
        int figures = 0;
        int pdfBytes = 0;
        for (int r = 0; r <= runs; r++) {
            err.println("bench report: run " + r + (r == 0 ? " (cold)" : ""));
            long t = System.nanoTime();
            ProgressReport report = reports.content(command);
            content.add(round(seconds(t)));
            t = System.nanoTime();
            reports.html(reports.content(command));
            html.add(round(seconds(t)));
            t = System.nanoTime();
            byte[] pdf = reports.pdf(reports.html(reports.content(command)));
            whole.add(round(seconds(t)));
            figures = report.figures().size();
            pdfBytes = pdf.length;
        }
        result.put(
                "report",
                Map.of(
                        "period", period,
                        "language", "fr",
                        "progressRows", figures,
                        "pdfBytes", pdfBytes));
        result.put("secondsContentOnly", content);
        result.put("secondsHtmlBaseline", html);
        result.put("secondsHtmlAndPdf", whole);
        result.put("note", "index 0 is the cold run; target: the whole report under 10 s");
        out.println(Json.write(result));
        return 0;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processors", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put(
                "loadAverageBefore",
                round(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage()));
        return m;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
