package org.bluehelm.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.jspecify.annotations.Nullable;

/**
 * Least squares with unit, time or two-way fixed effects, equal to the dummy-variable regression
 * (LSDV) in estimates, residuals and conventional standard errors.
 *
 * <p>One dimension is absorbed by the within transformation (demeaning every column by its
 * groups); for two-way effects the other dimension (the one with fewer levels) enters as explicit
 * dummies, which by Frisch-Waugh-Lovell gives exactly the LSDV slopes on balanced and unbalanced
 * panels alike. The system is solved by Householder QR (Hipparchus).
 *
 * <p>Conventional errors use {@code s^2 = e'e / (n - k - L)} where {@code L} counts every
 * absorbed fixed effect as LSDV would (units, or periods, or units + periods - 1). Cluster-robust
 * errors are Liang-Zeger CR1 with Stata's factor {@code G/(G-1) * (n-1)/(n-K)}; {@code K} counts
 * the regressors, the intercept and any time dummies but, as {@code xtreg, fe vce(cluster)}, not
 * the unit effects when every unit lies within one cluster (else they count, as {@code areg}).
 */
public final class FixedEffectsRegression {

    /** Relative size under which a column is taken as a combination of the ones before it. */
    static final double COLLINEARITY_TOLERANCE = 1e-9;

    private FixedEffectsRegression() {}

    /**
     * @param y the outcome, one value per observation
     * @param x the regressors, {@code x[j][i]} regressor {@code j} of observation {@code i}
     * @param names the regressors' names
     * @param unit each observation's unit (any non-negative integer code)
     * @param time each observation's period (any non-negative integer code)
     * @param cluster each observation's cluster, or {@code null} for no cluster-robust errors
     */
    public static RegressionResult fit(
            double[] y,
            double[][] x,
            List<String> names,
            int[] unit,
            int[] time,
            Effects effects,
            String @Nullable [] cluster,
            @Nullable String clusterColumn) {
        int n = y.length;
        int k = x.length;
        if (k == 0) {
            throw Refused.of("regressor", "name at least one regressor", "evidence.validation.regressor");
        }
        int[] units = compact(unit);
        int[] times = compact(time);
        int unitCount = max(units) + 1;
        int periodCount = max(times) + 1;

        // absorbed dimension by demeaning; for two-way the smaller dimension as dummies
        int[] absorbed;
        int absorbedLevels;
        int[] dummies = null;
        int dummyLevels = 0;
        switch (effects) {
            case UNIT -> {
                absorbed = units;
                absorbedLevels = unitCount;
            }
            case TIME -> {
                absorbed = times;
                absorbedLevels = periodCount;
            }
            default -> {
                boolean unitsAbsorbed = unitCount >= periodCount;
                absorbed = unitsAbsorbed ? units : times;
                absorbedLevels = unitsAbsorbed ? unitCount : periodCount;
                dummies = unitsAbsorbed ? times : units;
                dummyLevels = unitsAbsorbed ? periodCount : unitCount;
            }
        }
        int d = dummies == null ? 0 : dummyLevels - 1;
        int p = d + k;
        int df = n - p - absorbedLevels;
        if (df <= 0) {
            throw Refused.of(
                    "panel",
                    "too few observations: " + n + " rows for " + k + " regressors and " + (absorbedLevels + d)
                            + " fixed effects leave no degrees of freedom",
                    "evidence.validation.tooFew",
                    n,
                    k,
                    absorbedLevels + d);
        }

        double[][] columns = new double[p][];
        double[] scale = new double[p];
        for (int j = 0; j < d; j++) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = dummies[i] == j + 1 ? 1 : 0;
            }
            columns[j] = c;
        }
        for (int j = 0; j < k; j++) {
            if (x[j].length != n) {
                throw new IllegalArgumentException("regressor " + names.get(j) + " has " + x[j].length + " values");
            }
            columns[d + j] = x[j].clone();
        }
        for (int j = 0; j < p; j++) {
            scale[j] = Math.sqrt(dot(columns[j], columns[j]));
            demean(columns[j], absorbed, absorbedLevels);
        }
        double[] yw = y.clone();
        demean(yw, absorbed, absorbedLevels);

        double[][] design = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                design[i][j] = columns[j][i];
            }
        }
        RealMatrix z = new Array2DRowRealMatrix(design, false);
        QRDecomposition qr = new QRDecomposition(z, 0);
        RealMatrix r = qr.getR().getSubMatrix(0, p - 1, 0, p - 1);
        List<String> collinear = new ArrayList<>();
        boolean effectsUnidentified = false;
        for (int j = 0; j < p; j++) {
            if (Math.abs(r.getEntry(j, j)) <= COLLINEARITY_TOLERANCE * Math.max(scale[j], Double.MIN_NORMAL)) {
                if (j < d) {
                    effectsUnidentified = true;
                } else {
                    collinear.add(names.get(j - d));
                }
            }
        }
        if (effectsUnidentified) {
            throw Refused.of(
                    "effects",
                    "the two-way fixed effects are not all identified: the panel falls apart into groups of units"
                            + " and periods that share no observation",
                    "evidence.validation.notIdentified");
        }
        if (!collinear.isEmpty()) {
            List<FieldProblem> problems = new ArrayList<>();
            for (String name : collinear) {
                problems.add(Refused.problem(
                        name,
                        "regressor '" + name + "' is collinear with the fixed effects or the regressors before it"
                                + " (after removing the " + effects.label() + " effects); drop it",
                        "evidence.validation.collinear",
                        name));
            }
            throw new InvalidInputException(problems);
        }
        RealVector beta = qr.getSolver().solve(new ArrayRealVector(yw, false));
        double[] residuals = new double[n];
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double fitted = 0;
            for (int j = 0; j < p; j++) {
                fitted += design[i][j] * beta.getEntry(j);
            }
            residuals[i] = yw[i] - fitted;
            sse += residuals[i] * residuals[i];
        }
        double s2 = sse / df;
        RealMatrix rInverse = MatrixUtils.inverse(r);
        RealMatrix bread = rInverse.multiply(rInverse.transpose()); // (Z'Z)^-1 = R^-1 R^-T

        double[] estimates = new double[k];
        double[] stdErrors = new double[k];
        for (int j = 0; j < k; j++) {
            estimates[j] = beta.getEntry(d + j);
            stdErrors[j] = Math.sqrt(s2 * bread.getEntry(d + j, d + j));
        }

        double[] clusterStdErrors = null;
        Integer clusterCount = null;
        String seType = "conventional: s^2 (X'X)^-1 after the within transformation, s^2 = e'e/(n - k - "
                + (effects == Effects.TWOWAY ? "units - periods + 1" : effects == Effects.UNIT ? "units" : "periods")
                + ")";
        if (cluster != null) {
            int[] clusters = compact(codes(cluster));
            int g = max(clusters) + 1;
            if (g < 2) {
                throw Refused.of(
                        clusterColumn == null ? "cluster" : clusterColumn,
                        "cluster-robust errors need at least 2 clusters",
                        "evidence.validation.clusters");
            }
            boolean unitsNested = effects != Effects.TIME && nested(units, clusters);
            int unitEffects = effects == Effects.TIME ? 0 : unitCount - 1;
            int lsdvParameters = p + absorbedLevels; // with the intercept
            int kk = lsdvParameters - (unitsNested ? unitEffects : 0);
            if (n - kk <= 0) {
                throw Refused.of(
                        "panel",
                        "too few observations for cluster-robust errors",
                        "evidence.validation.tooFewForClusters");
            }
            double[][] scores = new double[g][p];
            for (int i = 0; i < n; i++) {
                double[] s = scores[clusters[i]];
                for (int j = 0; j < p; j++) {
                    s[j] += design[i][j] * residuals[i];
                }
            }
            RealMatrix meat = MatrixUtils.createRealMatrix(p, p);
            for (double[] s : scores) {
                RealVector v = new ArrayRealVector(s, false);
                meat = meat.add(v.outerProduct(v));
            }
            double factor = (double) g / (g - 1) * (double) (n - 1) / (n - kk);
            RealMatrix sandwich = bread.multiply(meat).multiply(bread).scalarMultiply(factor);
            clusterStdErrors = new double[k];
            for (int j = 0; j < k; j++) {
                clusterStdErrors[j] = Math.sqrt(sandwich.getEntry(d + j, d + j));
            }
            clusterCount = g;
            seType = seType + "; cluster-robust CR1 by " + (clusterColumn == null ? "cluster" : clusterColumn)
                    + ": G/(G-1)*(n-1)/(n-K), K = " + kk + " ("
                    + (unitsNested
                            ? "regressors + intercept" + (effects == Effects.TWOWAY ? " + period dummies" : "")
                                    + ", unit effects nested in clusters not counted, as Stata xtreg fe"
                            : "all dummy-variable parameters, as Stata areg")
                    + ")";
        }
        return new RegressionResult(
                effects,
                List.copyOf(names),
                estimates,
                stdErrors,
                clusterStdErrors,
                n,
                unitCount,
                periodCount,
                df,
                s2,
                clusterColumn,
                clusterCount,
                seType);
    }

    /** Subtracts the group mean from every value. */
    static void demean(double[] values, int[] groups, int levels) {
        double[] sums = new double[levels];
        int[] counts = new int[levels];
        for (int i = 0; i < values.length; i++) {
            sums[groups[i]] += values[i];
            counts[groups[i]]++;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] -= sums[groups[i]] / counts[groups[i]];
        }
    }

    /** Renumbers codes 0..levels-1 in order of first appearance. */
    static int[] compact(int[] codes) {
        Map<Integer, Integer> position = new HashMap<>();
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = position.computeIfAbsent(codes[i], c -> position.size());
        }
        return out;
    }

    private static int[] codes(String[] values) {
        Map<String, Integer> position = new LinkedHashMap<>();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = position.computeIfAbsent(values[i], c -> position.size());
        }
        return out;
    }

    private static boolean nested(int[] units, int[] clusters) {
        Map<Integer, Integer> clusterOf = new HashMap<>();
        for (int i = 0; i < units.length; i++) {
            Integer previous = clusterOf.putIfAbsent(units[i], clusters[i]);
            if (previous != null && previous != clusters[i]) {
                return false;
            }
        }
        return true;
    }

    private static int max(int[] values) {
        int max = -1;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
