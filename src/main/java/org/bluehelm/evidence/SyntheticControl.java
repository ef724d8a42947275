package org.bluehelm.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.jspecify.annotations.Nullable;

/**
 * The synthetic control method (Abadie, Diamond and Hainmueller 2010; Abadie 2021).
 *
 * <p>Predictors are means of columns over windows, standardised by their standard deviation
 * across the units of the fit (as Synth does). For a diagonal V (non-negative, summing to one)
 * the donor weights W minimise {@code (X1 - X0 W)' V (X1 - X0 W)} over the simplex
 * ({@link SimplexLeastSquares}, an exact active-set method). V is chosen by Nelder-Mead over
 * {@code V = softmax(theta)} to minimise the outcome MSPE over the fit window (default the whole
 * pre-treatment period), from several starts: equal weights on the standardised predictors (the
 * inverse-variance V), Synth's regression-based V, and a fixed pseudo-random one; the best wins.
 * In-space placebos refit with each donor as if treated and the other donors as its pool.
 */
public final class SyntheticControl {

    /** How V is chosen. */
    public enum VMode {
        /** The nested optimisation (the method). */
        OPTIMISED,
        /** V fixed to the inverse variance of the predictors: a baseline for benchmarks. */
        INVERSE_VARIANCE
    }

    private SyntheticControl() {}

    public static SynthResult fit(
            Panel panel,
            String outcome,
            String treated,
            String treatmentStart,
            List<Predictor> predictors,
            Predictor.@Nullable Window fitWindow,
            boolean placebos) {
        return fit(panel, outcome, treated, treatmentStart, predictors, fitWindow, placebos, VMode.OPTIMISED);
    }

    public static SynthResult fit(
            Panel panel,
            String outcome,
            String treated,
            String treatmentStart,
            List<Predictor> predictors,
            Predictor.@Nullable Window fitWindow,
            boolean placebos,
            VMode mode) {
        int treatedIndex = panel.units().indexOf(treated.trim());
        if (treatedIndex < 0) {
            throw Refused.of(
                    "treated",
                    "unit '" + treated + "' is not in the panel",
                    "evidence.validation.treatedUnknown",
                    treated);
        }
        int start = startIndex(panel, treatmentStart);
        if (start < 2) {
            throw Refused.of(
                    "treatmentStart",
                    "too few pre-treatment periods: " + start + " before " + treatmentStart + ", at least 2 needed",
                    "evidence.validation.prePeriods",
                    start,
                    treatmentStart);
        }
        int unitCount = panel.units().size();
        int timeCount = panel.times().size();
        if (unitCount - 1 < 2) {
            throw Refused.of(
                    "panel",
                    "fewer than 2 donor units besides '" + treated + "'",
                    "evidence.validation.fewDonors",
                    treated);
        }
        double[][] y = grid(panel, outcome, 0, timeCount - 1);

        List<Predictor> used = new ArrayList<>(predictors);
        if (used.isEmpty()) {
            for (int t = 0; t < start; t++) {
                used.add(new Predictor(
                        outcome, panel.times().get(t), panel.times().get(t)));
            }
        }
        List<String> labels = new ArrayList<>();
        double[][] x = new double[used.size()][];
        for (int p = 0; p < used.size(); p++) {
            Predictor predictor = used.get(p);
            int from = predictor.from() == null ? 0 : firstAtOrAfter(panel, predictor.from(), "predictor");
            int to = predictor.to() == null ? start - 1 : lastAtOrBefore(panel, predictor.to(), "predictor");
            if (from > to) {
                throw Refused.of(
                        "predictor",
                        "predictor '" + predictor.label() + "' covers no time of the panel",
                        "evidence.validation.predictorNoTime",
                        predictor.label());
            }
            double[][] values = grid(panel, predictor.column(), from, to);
            x[p] = new double[unitCount];
            for (int u = 0; u < unitCount; u++) {
                double sum = 0;
                for (int t = from; t <= to; t++) {
                    sum += values[u][t];
                }
                x[p][u] = sum / (to - from + 1);
            }
            String label = predictor.label();
            if (labels.contains(label)) {
                throw Refused.of(
                        "predictor",
                        "predictor '" + label + "' is given twice",
                        "evidence.validation.predictorTwice",
                        label);
            }
            labels.add(label);
        }
        int fitFrom = 0;
        int fitTo = start - 1;
        if (fitWindow != null) {
            fitFrom = firstAtOrAfter(panel, fitWindow.from(), "fitWindow");
            fitTo = lastAtOrBefore(panel, fitWindow.to(), "fitWindow");
            if (fitFrom > fitTo || fitTo >= start) {
                throw Refused.of(
                        "fitWindow",
                        "the fit window must cover at least one pre-treatment time and none after",
                        "evidence.validation.fitWindow");
            }
        }
        Data data = new Data(y, x, start, fitFrom, fitTo, mode);

        int[] donors = new int[unitCount - 1];
        for (int u = 0, i = 0; u < unitCount; u++) {
            if (u != treatedIndex) {
                donors[i++] = u;
            }
        }
        Fit fit = data.fit(treatedIndex, donors);

        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < donors.length; i++) {
            weights.put(panel.units().get(donors[i]), fit.w[i]);
        }
        Map<String, Double> predictorWeights = new LinkedHashMap<>();
        Map<String, double[]> balance = new LinkedHashMap<>();
        for (int p = 0; p < labels.size(); p++) {
            predictorWeights.put(labels.get(p), fit.v[p]);
            double synthetic = 0;
            double donorMean = 0;
            for (int i = 0; i < donors.length; i++) {
                synthetic += fit.w[i] * x[p][donors[i]];
                donorMean += x[p][donors[i]] / donors.length;
            }
            balance.put(labels.get(p), new double[] {x[p][treatedIndex], synthetic, donorMean});
        }
        List<SynthResult.Point> series = new ArrayList<>();
        for (int t = 0; t < timeCount; t++) {
            series.add(new SynthResult.Point(panel.times().get(t), y[treatedIndex][t], fit.synthetic[t], fit.gap[t]));
        }

        SynthResult.Placebo placebo = null;
        if (placebos) {
            if (donors.length < 3) {
                throw Refused.of(
                        "placebos",
                        "placebos need at least 3 donors (each placebo needs 2 donors of its own)",
                        "evidence.validation.placebos");
            }
            Map<String, Double> ratios = new LinkedHashMap<>();
            Map<String, Double> pre = new LinkedHashMap<>();
            double treatedRatio = fit.ratio();
            ratios.put(treated, treatedRatio);
            pre.put(treated, fit.preRmspe);
            int atLeast = 1;
            for (int d : donors) {
                int[] pool = Arrays.stream(donors).filter(u -> u != d).toArray();
                Fit placeboFit = data.fit(d, pool);
                double ratio = placeboFit.ratio();
                ratios.put(panel.units().get(d), ratio);
                pre.put(panel.units().get(d), placeboFit.preRmspe);
                if (ratio >= treatedRatio) {
                    atLeast++;
                }
            }
            placebo = new SynthResult.Placebo(
                    (double) atLeast / (donors.length + 1), atLeast, donors.length + 1, ratios, pre);
        }
        List<String> window = List.of(panel.times().get(fitFrom), panel.times().get(fitTo));
        return new SynthResult(
                treated,
                panel.times().get(start),
                weights,
                predictorWeights,
                balance,
                fit.preRmspe,
                fit.postRmspe,
                fit.fitMspe,
                window,
                series,
                placebo);
    }

    /**
     * The blank cells of each unit in the periods a fit uses: the outcome in every period (the
     * series) and each predictor's column over its window; a missing row counts as blank. Keyed by
     * unit, in panel order, each a list of {@code column: times}; units without blanks are absent.
     */
    static Map<String, List<String>> blanks(
            Panel panel, String outcome, String treatmentStart, List<Predictor> predictors) {
        int start = startIndex(panel, treatmentStart);
        int timeCount = panel.times().size();
        Map<String, int[]> windows = new LinkedHashMap<>();
        windows.put(outcome, new int[] {0, timeCount - 1});
        List<Predictor> used = new ArrayList<>(predictors);
        for (Predictor p : used) {
            int from = p.from() == null ? 0 : firstAtOrAfter(panel, p.from(), "predictor");
            int to = p.to() == null ? start - 1 : lastAtOrBefore(panel, p.to(), "predictor");
            int[] w = windows.get(p.column());
            windows.put(
                    p.column(),
                    w == null ? new int[] {from, to} : new int[] {Math.min(w[0], from), Math.max(w[1], to)});
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : windows.entrySet()) {
            double[] values = panel.column(e.getKey());
            boolean[][] ok = new boolean[panel.units().size()][timeCount];
            for (int r = 0; r < panel.rows(); r++) {
                ok[panel.unitIndex()[r]][panel.timeIndex()[r]] = !Double.isNaN(values[r]);
            }
            for (int u = 0; u < ok.length; u++) {
                List<String> times = new ArrayList<>();
                int runFrom = -1;
                for (int t = e.getValue()[0]; t <= e.getValue()[1] + 1; t++) {
                    boolean blank = t <= e.getValue()[1] && !ok[u][t];
                    if (blank && runFrom < 0) {
                        runFrom = t;
                    } else if (!blank && runFrom >= 0) {
                        // consecutive blank periods as one range, e.g. 1948-1959
                        times.add(
                                runFrom == t - 1
                                        ? panel.times().get(runFrom)
                                        : panel.times().get(runFrom) + "-"
                                                + panel.times().get(t - 1));
                        runFrom = -1;
                    }
                }
                if (!times.isEmpty()) {
                    out.computeIfAbsent(panel.units().get(u), k -> new ArrayList<>())
                            .add(e.getKey() + ": " + String.join(", ", times));
                }
            }
        }
        return out;
    }

    private static int startIndex(Panel panel, String treatmentStart) {
        if (panel.integerTimes() && !treatmentStart.trim().matches("[+-]?\\d{1,18}")) {
            throw Refused.of(
                    "treatmentStart",
                    "'" + treatmentStart + "' is not a time of this panel (integers)",
                    "evidence.validation.integerTime",
                    treatmentStart);
        }
        for (int t = 0; t < panel.times().size(); t++) {
            if (panel.compareTime(treatmentStart, t) <= 0) {
                return t;
            }
        }
        throw Refused.of(
                "treatmentStart",
                "no period at or after " + treatmentStart + ": nothing to compare after the start",
                "evidence.validation.nothingAfter",
                treatmentStart);
    }

    private static int firstAtOrAfter(Panel panel, String time, String field) {
        checkTime(panel, time, field);
        for (int t = 0; t < panel.times().size(); t++) {
            if (panel.compareTime(time, t) <= 0) {
                return t;
            }
        }
        return panel.times().size();
    }

    private static int lastAtOrBefore(Panel panel, String time, String field) {
        checkTime(panel, time, field);
        for (int t = panel.times().size() - 1; t >= 0; t--) {
            if (panel.compareTime(time, t) >= 0) {
                return t;
            }
        }
        return -1;
    }

    private static void checkTime(Panel panel, String time, String field) {
        if (panel.integerTimes() && !time.trim().matches("[+-]?\\d{1,18}")) {
            throw Refused.of(
                    field,
                    "'" + time + "' is not a time of this panel (integers)",
                    "evidence.validation.integerTime",
                    time);
        }
    }

    /** A unit x time grid of a column over times {@code from..to}; every cell must have a value. */
    private static double[][] grid(Panel panel, String column, int from, int to) {
        int units = panel.units().size();
        double[][] grid = new double[units][panel.times().size()];
        boolean[][] present = new boolean[units][panel.times().size()];
        double[] values = panel.column(column);
        List<FieldProblem> problems = new ArrayList<>();
        for (int r = 0; r < panel.rows(); r++) {
            int u = panel.unitIndex()[r];
            int t = panel.timeIndex()[r];
            grid[u][t] = values[r];
            present[u][t] = true;
            if (t >= from && t <= to && Double.isNaN(values[r])) {
                problems.add(Refused.problem(
                        "line " + panel.lines()[r] + ", column '" + column + "'",
                        "the value is missing",
                        "evidence.validation.valueMissing"));
            }
        }
        for (int u = 0; u < units && problems.size() < 50; u++) {
            for (int t = from; t <= to; t++) {
                if (!present[u][t]) {
                    problems.add(Refused.problem(
                            column,
                            "unit '" + panel.units().get(u) + "' has no row for time "
                                    + panel.times().get(t),
                            "evidence.validation.noRow",
                            panel.units().get(u),
                            panel.times().get(t)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.subList(0, Math.min(50, problems.size())));
        }
        return grid;
    }

    private record Fit(
            double[] w,
            double[] v,
            double[] synthetic,
            double[] gap,
            double preRmspe,
            double postRmspe,
            double fitMspe) {

        double ratio() {
            return postRmspe / preRmspe;
        }
    }

    /** The outcome grid and raw predictors, fitted for any treated unit and donor pool. */
    private record Data(double[][] y, double[][] x, int start, int fitFrom, int fitTo, VMode mode) {

        Fit fit(int treated, int[] donors) {
            int k = x.length;
            int j = donors.length;
            // standardise over the units of this fit
            double[] x1 = new double[k];
            double[][] x0 = new double[k][j];
            for (int p = 0; p < k; p++) {
                double mean = x[p][treated];
                for (int d : donors) {
                    mean += x[p][d];
                }
                mean /= j + 1;
                double ss = (x[p][treated] - mean) * (x[p][treated] - mean);
                for (int d : donors) {
                    ss += (x[p][d] - mean) * (x[p][d] - mean);
                }
                double sd = Math.sqrt(ss / j);
                double scale = sd > 0 ? sd : 1;
                x1[p] = x[p][treated] / scale;
                for (int i = 0; i < j; i++) {
                    x0[p][i] = x[p][donors[i]] / scale;
                }
            }
            int fitLength = fitTo - fitFrom + 1;
            double[] z1 = new double[fitLength];
            double[][] z0 = new double[j][fitLength];
            for (int t = 0; t < fitLength; t++) {
                z1[t] = y[treated][fitFrom + t];
                for (int i = 0; i < j; i++) {
                    z0[i][t] = y[donors[i]][fitFrom + t];
                }
            }
            Objective objective = new Objective(x1, x0, z1, z0);
            double[] v;
            if (k == 1) {
                v = new double[] {1};
                objective.value(new double[] {0});
            } else if (mode == VMode.INVERSE_VARIANCE) {
                v = objective.softmax(new double[k]);
                objective.value(new double[k]);
            } else {
                List<double[]> starts = new ArrayList<>();
                starts.add(new double[k]);
                double[] regression = regressionV(x1, x0, z1, z0);
                if (regression != null) {
                    starts.add(regression);
                }
                Random random = new Random(20100601L);
                double[] randomStart = new double[k];
                for (int p = 0; p < k; p++) {
                    randomStart[p] = random.nextGaussian();
                }
                starts.add(randomStart);
                int budget = Math.min(1500, 150 * (k + 1));
                for (double[] theta : starts) {
                    objective.value(theta);
                    minimise(objective, theta, budget);
                }
                v = objective.softmax(objective.bestTheta);
            }
            double[] w = objective.bestW;
            double[] synthetic = new double[y[0].length];
            double[] gap = new double[y[0].length];
            double pre = 0;
            double post = 0;
            for (int t = 0; t < synthetic.length; t++) {
                double s = 0;
                for (int i = 0; i < j; i++) {
                    s += w[i] * y[donors[i]][t];
                }
                synthetic[t] = s;
                gap[t] = y[treated][t] - s;
                if (t < start) {
                    pre += gap[t] * gap[t];
                } else {
                    post += gap[t] * gap[t];
                }
            }
            int postLength = synthetic.length - start;
            return new Fit(w, v, synthetic, gap, Math.sqrt(pre / start), Math.sqrt(post / postLength), objective.best);
        }

        private static void minimise(Objective objective, double[] start, int budget) {
            SimplexOptimizer optimizer = new SimplexOptimizer(new SimpleValueChecker(1e-9, 1e-14));
            try {
                optimizer.optimize(
                        new MaxEval(budget),
                        new ObjectiveFunction(objective::value),
                        GoalType.MINIMIZE,
                        new InitialGuess(start),
                        new NelderMeadSimplex(start.length, 1.0));
            } catch (MathIllegalStateException e) {
                // the evaluation budget ran out: the objective kept the best point seen
            }
        }

        /**
         * Synth's regression-based start: regress the fit-window outcomes of all units of the fit
         * on the standardised predictors (with an intercept); V proportional to the sum over
         * periods of each predictor's squared coefficient. Null when that regression is not
         * identified.
         */
        private static double @Nullable [] regressionV(double[] x1, double[][] x0, double[] z1, double[][] z0) {
            int k = x1.length;
            int units = z0.length + 1;
            if (units <= k + 1) {
                return null;
            }
            double[][] design = new double[units][k + 1];
            double[][] outcomes = new double[units][z1.length];
            for (int u = 0; u < units; u++) {
                design[u][0] = 1;
                for (int p = 0; p < k; p++) {
                    design[u][p + 1] = u == 0 ? x1[p] : x0[p][u - 1];
                }
                outcomes[u] = u == 0 ? z1 : z0[u - 1];
            }
            try {
                RealMatrix beta = new QRDecomposition(new Array2DRowRealMatrix(design, false), 1e-10)
                        .getSolver()
                        .solve(new Array2DRowRealMatrix(outcomes, false));
                double[] theta = new double[k];
                double total = 0;
                double[] v = new double[k];
                for (int p = 0; p < k; p++) {
                    for (int t = 0; t < z1.length; t++) {
                        v[p] += beta.getEntry(p + 1, t) * beta.getEntry(p + 1, t);
                    }
                    total += v[p];
                }
                if (!(total > 0)) {
                    return null;
                }
                for (int p = 0; p < k; p++) {
                    theta[p] = Math.log(Math.max(v[p] / total, 1e-12));
                }
                return theta;
            } catch (MathIllegalArgumentException e) {
                return null;
            }
        }
    }

    /** The outer objective: the fit-window outcome MSPE of the synthetic for V = softmax(theta). */
    private static final class Objective {

        private final double[] x1;
        private final double[][] x0;
        private final double[] z1;
        private final double[][] z0;
        double best = Double.POSITIVE_INFINITY;
        double[] bestTheta;
        double[] bestW;
        double @Nullable [] lastW;

        Objective(double[] x1, double[][] x0, double[] z1, double[][] z0) {
            this.x1 = x1;
            this.x0 = x0;
            this.z1 = z1;
            this.z0 = z0;
            this.bestTheta = new double[x1.length];
            this.bestW = new double[z0.length];
        }

        double[] softmax(double[] theta) {
            double max = Double.NEGATIVE_INFINITY;
            for (double t : theta) {
                max = Math.max(max, t);
            }
            double[] v = new double[theta.length];
            double sum = 0;
            for (int p = 0; p < theta.length; p++) {
                v[p] = Math.exp(Math.max(theta[p] - max, -700));
                sum += v[p];
            }
            for (int p = 0; p < theta.length; p++) {
                v[p] /= sum;
            }
            return v;
        }

        double value(double[] theta) {
            double[] v = softmax(theta);
            int k = x1.length;
            int j = z0.length;
            double[][] a = new double[j][k];
            double[] b = new double[k];
            for (int p = 0; p < k; p++) {
                double root = Math.sqrt(v[p]);
                b[p] = root * x1[p];
                for (int i = 0; i < j; i++) {
                    a[i][p] = root * x0[p][i];
                }
            }
            double[] w = SimplexLeastSquares.solve(a, b, lastW);
            lastW = w;
            double mspe = 0;
            for (int t = 0; t < z1.length; t++) {
                double s = z1[t];
                for (int i = 0; i < j; i++) {
                    s -= w[i] * z0[i][t];
                }
                mspe += s * s;
            }
            mspe /= z1.length;
            if (mspe < best) {
                best = mspe;
                bestTheta = theta.clone();
                bestW = w;
            }
            return mspe;
        }
    }
}
