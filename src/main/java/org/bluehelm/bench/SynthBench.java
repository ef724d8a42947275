package org.bluehelm.bench;

import java.io.PrintStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bluehelm.evidence.Panel;
import org.bluehelm.evidence.PanelReader;
import org.bluehelm.evidence.Predictor;
import org.bluehelm.evidence.SynthResult;
import org.bluehelm.evidence.SyntheticControl;

/**
 * {@code bench synth}: a synthetic control on a generated panel of 40 donors and 30 periods
 * (treatment from period 21, four predictors) with all 40 in-space placebos, timed over several
 * runs after warm-up, against the same fit with V fixed to the inverse variance of the
 * predictors (the baseline). Pure computation, no database; a measurement, never a test.
 */
final class SynthBench {

    static final int DONORS = 40;
    static final int PERIODS = 30;
    static final int START = 21;

    private SynthBench() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        int runs = 5;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--runs") && i + 1 < args.size()) {
                runs = Integer.parseInt(args.get(++i));
            } else {
                err.println("bench synth: unknown argument '" + args.get(i) + "'; usage: bench synth [--runs N]");
                return 2;
            }
        }
        Panel panel = PanelReader.read(
                new StringReader(panelCsv(new Random(2010))),
                "unit",
                "year",
                List.of("outcome", "covariate"),
                List.of(),
                List.of());
        List<Predictor> predictors = List.of(
                Predictor.parse("outcome:1-10"),
                Predictor.parse("outcome:11-20"),
                Predictor.parse("outcome:20"),
                Predictor.parse("covariate"));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", machine());
        report.put("donors", DONORS);
        report.put("periods", PERIODS);
        report.put("preTreatmentPeriods", START - 1);
        report.put("predictors", predictors.size());
        report.put("placebos", DONORS);
        report.put("runs", runs);
        err.println("bench: warming up");
        for (int i = 0; i < 2; i++) {
            fit(panel, predictors, SyntheticControl.VMode.OPTIMISED);
            fit(panel, predictors, SyntheticControl.VMode.INVERSE_VARIANCE);
        }
        report.put("optimisedV", measure(panel, predictors, SyntheticControl.VMode.OPTIMISED, runs, err));
        report.put("inverseVarianceV", measure(panel, predictors, SyntheticControl.VMode.INVERSE_VARIANCE, runs, err));
        report.put("loadAverageAfter", loadAverage());
        out.println(Json.write(report));
        return 0;
    }

    private static Map<String, Object> measure(
            Panel panel, List<Predictor> predictors, SyntheticControl.VMode mode, int runs, PrintStream err) {
        List<Double> seconds = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        SynthResult last = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            last = fit(panel, predictors, mode);
            seconds.add((System.nanoTime() - start) / 1e9);
            cpuSeconds.add((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
            err.println("bench:   " + mode + " run " + (i + 1) + ": " + round(seconds.get(i)) + " s");
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("medianSeconds", round(sorted.get(sorted.size() / 2)));
        m.put("maxSeconds", round(sorted.get(sorted.size() - 1)));
        m.put("medianCpuSeconds", round(cpuSeconds.stream().sorted().toList().get(runs / 2)));
        m.put("preRmspe", round(last.preRmspe()));
        m.put("pValue", round(last.placebo().pValue()));
        return m;
    }

    private static SynthResult fit(Panel panel, List<Predictor> predictors, SyntheticControl.VMode mode) {
        return SyntheticControl.fit(panel, "outcome", "treated", String.valueOf(START), predictors, null, true, mode);
    }

    /** Donors with unit levels, trends and noise; the treated unit a mix of five plus noise and an effect. */
    static String panelCsv(Random random) {
        StringBuilder out = new StringBuilder("unit,year,outcome,covariate\n");
        double[][] y = new double[DONORS][PERIODS];
        for (int j = 0; j < DONORS; j++) {
            double level = 50 + 10 * random.nextGaussian();
            double trend = 0.5 * random.nextGaussian();
            double covariate = level / 10 + random.nextGaussian();
            for (int t = 0; t < PERIODS; t++) {
                y[j][t] = level + trend * t + random.nextGaussian();
                out.append("d")
                        .append(j)
                        .append(',')
                        .append(t + 1)
                        .append(',')
                        .append(y[j][t])
                        .append(',')
                        .append(covariate + 0.1 * random.nextGaussian())
                        .append('\n');
            }
        }
        for (int t = 0; t < PERIODS; t++) {
            double v = 0.3 * y[0][t]
                    + 0.25 * y[1][t]
                    + 0.2 * y[2][t]
                    + 0.15 * y[3][t]
                    + 0.1 * y[4][t]
                    + 0.5 * random.nextGaussian()
                    + (t + 1 >= START ? 5 : 0);
            out.append("treated,")
                    .append(t + 1)
                    .append(',')
                    .append(v)
                    .append(',')
                    .append(5 + random.nextGaussian())
                    .append('\n');
        }
        return out.toString();
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processors", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("loadAverageBefore", loadAverage());
        return m;
    }

    private static double loadAverage() {
        return round(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
