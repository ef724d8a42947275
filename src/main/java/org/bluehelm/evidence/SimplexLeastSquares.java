package org.bluehelm.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.jspecify.annotations.Nullable;

/**
 * Least squares on the simplex: minimise {@code ||A w - b||^2} subject to {@code w >= 0} and
 * {@code sum(w) = 1}, the synthetic control's inner problem (with {@code A = V^1/2 X0},
 * {@code b = V^1/2 X1}).
 *
 * <p>A primal active-set method (in the manner of Lawson and Hanson's NNLS): on the current set
 * of positive weights it solves the equality-constrained least squares exactly (minimum-norm
 * solution through the SVD, so that rank-deficient donors pose no problem), steps back to the
 * boundary when a weight would turn negative, and adds the weight whose gradient most violates
 * the KKT conditions until none does. Should it not finish within its iteration budget, an
 * accelerated projected gradient from the point reached finishes the job. {@link #kktViolation}
 * measures how far a point is from optimal.
 */
public final class SimplexLeastSquares {

    private SimplexLeastSquares() {}

    /**
     * @param a the columns of {@code A}: {@code a[j]} is donor {@code j}'s (weighted) predictors
     * @param b the treated unit's (weighted) predictors
     */
    public static double[] solve(double[][] a, double[] b) {
        return solve(a, b, null);
    }

    /**
     * As {@link #solve(double[][], double[])}, starting from {@code warm} (a point of the simplex,
     * e.g. the solution of a nearby problem) when given: its positive weights are the first free set.
     */
    public static double[] solve(double[][] a, double[] b, double @Nullable [] warm) {
        int j = a.length;
        if (j == 1) {
            return new double[] {1};
        }
        double tolerance = 1e-12 * Math.max(1, scale(a, b));
        // start at the best single donor
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int c = 0; c < j; c++) {
            double loss = 0;
            for (int i = 0; i < b.length; i++) {
                double d = a[c][i] - b[i];
                loss += d * d;
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = c;
            }
        }
        double[] w = new double[j];
        boolean[] free = new boolean[j];
        if (warm != null && warm.length == j) {
            for (int c = 0; c < j; c++) {
                if (warm[c] > 0) {
                    w[c] = warm[c];
                    free[c] = true;
                }
            }
            renormalise(w);
        } else {
            w[best] = 1;
            free[best] = true;
        }
        int budget = 20 * j + 100;
        for (int iteration = 0; iteration < budget; iteration++) {
            // solve on the free set, stepping back to the boundary while weights turn negative
            for (int inner = 0; inner <= j; inner++) {
                int[] set = indices(free);
                double[] u = subproblem(a, b, w, set);
                double alpha = 1;
                for (int s = 0; s < set.length; s++) {
                    if (u[s] < 0) {
                        alpha = Math.min(alpha, w[set[s]] / (w[set[s]] - u[s]));
                    }
                }
                for (int s = 0; s < set.length; s++) {
                    w[set[s]] += alpha * (u[s] - w[set[s]]);
                }
                if (alpha >= 1) {
                    break;
                }
                for (int s = 0; s < set.length; s++) {
                    if (w[set[s]] <= 1e-15) {
                        w[set[s]] = 0;
                        free[set[s]] = false;
                    }
                }
                renormalise(w);
            }
            double[] g = gradient(a, b, w);
            double nu = 0;
            for (int c = 0; c < j; c++) {
                nu += w[c] * g[c];
            }
            int enter = -1;
            double most = nu - tolerance;
            for (int c = 0; c < j; c++) {
                if (!free[c] && g[c] < most) {
                    most = g[c];
                    enter = c;
                }
            }
            if (enter < 0) {
                clean(w);
                return w;
            }
            free[enter] = true;
        }
        return projectedGradient(a, b, w);
    }

    /**
     * How far {@code w} is from satisfying the KKT conditions: the largest amount by which any
     * weight's gradient falls below the multiplier of the sum constraint, or a positive weight's
     * gradient differs from it, relative to the problem's scale.
     */
    public static double kktViolation(double[][] a, double[] b, double[] w) {
        double[] g = gradient(a, b, w);
        double nu = 0;
        for (int c = 0; c < w.length; c++) {
            nu += w[c] * g[c];
        }
        double violation = 0;
        for (int c = 0; c < w.length; c++) {
            violation = Math.max(violation, nu - g[c]);
            if (w[c] > 1e-9) {
                violation = Math.max(violation, Math.abs(g[c] - nu));
            }
        }
        return violation / Math.max(1, scale(a, b));
    }

    /** {@code ||A w - b||^2}. */
    public static double loss(double[][] a, double[] b, double[] w) {
        double loss = 0;
        for (int i = 0; i < b.length; i++) {
            double r = -b[i];
            for (int c = 0; c < w.length; c++) {
                r += a[c][i] * w[c];
            }
            loss += r * r;
        }
        return loss;
    }

    /** The minimiser of {@code ||A_F u - b||} with {@code sum(u) = 1}, as a step from {@code w_F}. */
    private static double[] subproblem(double[][] a, double[] b, double[] w, int[] set) {
        int m = set.length;
        if (m == 1) {
            return new double[] {1};
        }
        int k = b.length;
        double[] residual = b.clone();
        for (int s : set) {
            for (int i = 0; i < k; i++) {
                residual[i] -= a[s][i] * w[s];
            }
        }
        // null space of sum: direction z_s on set[s] (s < m-1), minus their sum on the last
        double[][] m0 = new double[k][m - 1];
        int last = set[m - 1];
        for (int i = 0; i < k; i++) {
            for (int s = 0; s < m - 1; s++) {
                m0[i][s] = a[set[s]][i] - a[last][i];
            }
        }
        RealVector z = new SingularValueDecomposition(new Array2DRowRealMatrix(m0, false))
                .getSolver()
                .solve(new ArrayRealVector(residual, false));
        double[] u = new double[m];
        double sum = 0;
        for (int s = 0; s < m - 1; s++) {
            u[s] = w[set[s]] + z.getEntry(s);
            sum += z.getEntry(s);
        }
        u[m - 1] = w[last] - sum;
        return u;
    }

    private static double[] gradient(double[][] a, double[] b, double[] w) {
        int k = b.length;
        double[] r = new double[k];
        for (int i = 0; i < k; i++) {
            r[i] = -b[i];
            for (int c = 0; c < w.length; c++) {
                r[i] += a[c][i] * w[c];
            }
        }
        double[] g = new double[w.length];
        for (int c = 0; c < w.length; c++) {
            double s = 0;
            for (int i = 0; i < k; i++) {
                s += a[c][i] * r[i];
            }
            g[c] = 2 * s;
        }
        return g;
    }

    /** FISTA with projection onto the simplex, to a tight tolerance. */
    static double[] projectedGradient(double[][] a, double[] b, double[] start) {
        double lipschitz = 0;
        for (double[] column : a) {
            for (double v : column) {
                lipschitz += v * v;
            }
        }
        lipschitz = 2 * Math.max(lipschitz, 1e-300);
        double[] w = start.clone();
        double[] y = w.clone();
        double t = 1;
        for (int iteration = 0; iteration < 100_000; iteration++) {
            double[] g = gradient(a, b, y);
            double[] next = new double[w.length];
            for (int c = 0; c < w.length; c++) {
                next[c] = y[c] - g[c] / lipschitz;
            }
            next = projectOntoSimplex(next);
            double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            double change = 0;
            for (int c = 0; c < w.length; c++) {
                y[c] = next[c] + (t - 1) / tNext * (next[c] - w[c]);
                change = Math.max(change, Math.abs(next[c] - w[c]));
            }
            w = next;
            t = tNext;
            if (change < 1e-14) {
                break;
            }
        }
        clean(w);
        return w;
    }

    /** The Euclidean projection onto the simplex (sort-based). */
    static double[] projectOntoSimplex(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double cumulative = 0;
        double theta = 0;
        for (int i = sorted.length - 1; i >= 0; i--) {
            cumulative += sorted[i];
            double candidate = (cumulative - 1) / (sorted.length - i);
            if (i == 0 || sorted[i - 1] <= candidate) {
                theta = candidate;
                break;
            }
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.max(0, v[i] - theta);
        }
        return out;
    }

    private static int[] indices(boolean[] free) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < free.length; c++) {
            if (free[c]) {
                out.add(c);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void clean(double[] w) {
        for (int c = 0; c < w.length; c++) {
            if (w[c] < 0) {
                w[c] = 0;
            }
        }
        renormalise(w);
    }

    private static void renormalise(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        for (int c = 0; c < w.length; c++) {
            w[c] /= sum;
        }
    }

    private static double scale(double[][] a, double[] b) {
        double s = 0;
        for (double v : b) {
            s += v * v;
        }
        for (double[] column : a) {
            for (double v : column) {
                s = Math.max(s, v * v);
            }
        }
        return s;
    }
}
