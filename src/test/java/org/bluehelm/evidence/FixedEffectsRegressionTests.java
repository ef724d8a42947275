package org.bluehelm.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.bluehelm.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Fixed-effects estimates and errors against numbers derived independently: closed forms on tiny
 * data and the explicit dummy-variable regression (LSDV) solved by another library (Commons Math).
 */
class FixedEffectsRegressionTests {

    /** A panel in columns: outcome, regressors, unit and time codes. */
    record Data(double[] y, double[][] x, int[] unit, int[] time) {}

    @Test
    void unitEffectsWithOneRegressorMatchTheWithinClosedForm() {
        // two units, three periods; by hand: unit means of x are 2 and 5, of y 3 and 11
        double[] y = {1, 3, 5, 8, 11, 14};
        double[] x = {1, 2, 3, 4, 5, 6};
        int[] unit = {0, 0, 0, 1, 1, 1};
        int[] time = {0, 1, 2, 0, 1, 2};
        RegressionResult r =
                FixedEffectsRegression.fit(y, new double[][] {x}, List.of("x"), unit, time, Effects.UNIT, null, null);
        // demeaned x: -1,0,1,-1,0,1; demeaned y: -2,0,2,-3,0,3 -> beta = (2+2+3+3)/4 = 2.5
        assertThat(r.estimate("x")).isCloseTo(2.5, within(1e-12));
        // residuals: 0.5,0,-0.5,-0.5,0,0.5 -> SSE = 1; df = 6 - 1 - 2 = 3; var = (1/3)/4
        assertThat(r.dfResidual()).isEqualTo(3);
        assertThat(r.stdError("x")).isCloseTo(Math.sqrt(1.0 / 3 / 4), within(1e-12));
        assertThat(r.n()).isEqualTo(6);
        assertThat(r.units()).isEqualTo(2);
        assertThat(r.periods()).isEqualTo(3);
    }

    @Test
    void unitEffectsEqualTheDummyVariableRegressionOnAnUnbalancedPanel() {
        Data d = simulate(new Random(1), 7, 6, 2, 0.3);
        compareWithLsdv(d, Effects.UNIT);
    }

    @Test
    void timeEffectsEqualTheDummyVariableRegression() {
        compareWithLsdv(simulate(new Random(2), 6, 5, 2, 0), Effects.TIME);
        compareWithLsdv(simulate(new Random(3), 6, 5, 2, 0.25), Effects.TIME);
    }

    @Test
    void twoWayEffectsEqualTheDummyVariableRegressionOnBalancedAndUnbalancedPanels() {
        compareWithLsdv(simulate(new Random(4), 8, 6, 3, 0), Effects.TWOWAY);
        compareWithLsdv(simulate(new Random(5), 8, 6, 2, 0.3), Effects.TWOWAY);
        // more periods than units: the other dimension is absorbed
        compareWithLsdv(simulate(new Random(6), 4, 12, 2, 0.3), Effects.TWOWAY);
    }

    @Test
    void clusterRobustErrorsMatchAHandComputedSandwich() {
        Data d = simulate(new Random(7), 6, 5, 1, 0.2);
        String[] cluster = new String[d.y().length];
        for (int i = 0; i < cluster.length; i++) {
            cluster[i] = "u" + d.unit()[i];
        }
        RegressionResult r = FixedEffectsRegression.fit(
                d.y(), d.x(), List.of("x0"), d.unit(), d.time(), Effects.UNIT, cluster, "unit");
        // by hand: demean by unit, beta = sum(xd yd)/sum(xd^2), sandwich with unit sums of xd*e
        int n = d.y().length;
        double[] xd = d.x()[0].clone();
        double[] yd = d.y().clone();
        demean(xd, d.unit());
        demean(yd, d.unit());
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += xd[i] * xd[i];
            sxy += xd[i] * yd[i];
        }
        double beta = sxy / sxx;
        double[] scores = new double[6];
        for (int i = 0; i < n; i++) {
            scores[d.unit()[i]] += xd[i] * (yd[i] - beta * xd[i]);
        }
        double meat = 0;
        for (double s : scores) {
            meat += s * s;
        }
        int g = 6;
        int k = 2; // the regressor and the intercept, unit effects nested in the clusters (xtreg fe)
        double variance = meat / (sxx * sxx) * g / (g - 1.0) * (n - 1.0) / (n - k);
        assertThat(r.estimate("x0")).isCloseTo(beta, within(1e-10));
        assertThat(r.clusterStdError("x0")).isCloseTo(Math.sqrt(variance), within(1e-10));
        assertThat(r.clusters()).isEqualTo(6);
        assertThat(r.seType()).contains("CR1").contains("K = 2");
    }

    @Test
    void clusteringByAColumnThatSplitsUnitsCountsTheUnitEffects() {
        Data d = simulate(new Random(8), 6, 6, 1, 0);
        String[] cluster = new String[d.y().length];
        for (int i = 0; i < cluster.length; i++) {
            cluster[i] = "t" + d.time()[i];
        }
        RegressionResult r = FixedEffectsRegression.fit(
                d.y(), d.x(), List.of("x0"), d.unit(), d.time(), Effects.UNIT, cluster, "period");
        // K = 1 regressor + 6 unit parameters (intercept and 5 dummies), as areg
        assertThat(r.seType()).contains("K = 7");
    }

    @Test
    void aSimulatedEffectIsRecovered() {
        Random random = new Random(9);
        Data d = simulate(random, 40, 15, 1, 0.1);
        // y = 1.5 x + unit + time + noise (see simulate)
        RegressionResult r =
                FixedEffectsRegression.fit(d.y(), d.x(), List.of("x0"), d.unit(), d.time(), Effects.TWOWAY, null, null);
        assertThat(r.estimate("x0")).isCloseTo(1.5, within(4 * r.stdError("x0")));
        assertThat(r.stdError("x0")).isLessThan(0.1);
    }

    @Test
    void addingAConstantOrAUnitConstantToTheOutcomeLeavesTheSlopes() {
        Data d = simulate(new Random(10), 9, 7, 2, 0.2);
        RegressionResult base = FixedEffectsRegression.fit(
                d.y(), d.x(), List.of("x0", "x1"), d.unit(), d.time(), Effects.TWOWAY, null, null);
        double[] shifted = d.y().clone();
        double[] unitShifted = d.y().clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 1000;
            unitShifted[i] += 37.0 * d.unit()[i] * d.unit()[i];
        }
        RegressionResult constant = FixedEffectsRegression.fit(
                shifted, d.x(), List.of("x0", "x1"), d.unit(), d.time(), Effects.TWOWAY, null, null);
        RegressionResult unitConstant = FixedEffectsRegression.fit(
                unitShifted, d.x(), List.of("x0", "x1"), d.unit(), d.time(), Effects.UNIT, null, null);
        RegressionResult unitBase = FixedEffectsRegression.fit(
                d.y(), d.x(), List.of("x0", "x1"), d.unit(), d.time(), Effects.UNIT, null, null);
        for (int j = 0; j < 2; j++) {
            assertThat(constant.estimates()[j]).isCloseTo(base.estimates()[j], within(1e-8));
            assertThat(constant.stdErrors()[j]).isCloseTo(base.stdErrors()[j], within(1e-8));
            assertThat(unitConstant.estimates()[j]).isCloseTo(unitBase.estimates()[j], within(1e-8));
        }
    }

    @Test
    void collinearRegressorsAreNamed() {
        Data d = simulate(new Random(11), 5, 5, 1, 0);
        int n = d.y().length;
        double[] twice = new double[n];
        double[] unitConstant = new double[n];
        for (int i = 0; i < n; i++) {
            twice[i] = 2 * d.x()[0][i] + 1;
            unitConstant[i] = d.unit()[i] * 3.0;
        }
        assertThatThrownBy(() -> FixedEffectsRegression.fit(
                        d.y(),
                        new double[][] {d.x()[0], twice},
                        List.of("aid", "aid_doubled"),
                        d.unit(),
                        d.time(),
                        Effects.UNIT,
                        null,
                        null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("aid_doubled")
                .hasMessageContaining("collinear");
        assertThatThrownBy(() -> FixedEffectsRegression.fit(
                        d.y(),
                        new double[][] {d.x()[0], unitConstant},
                        List.of("aid", "region_code"),
                        d.unit(),
                        d.time(),
                        Effects.UNIT,
                        null,
                        null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("region_code");
    }

    @Test
    void oneClusterIsAnError() {
        Data d = simulate(new Random(12), 4, 4, 1, 0);
        String[] cluster = new String[d.y().length];
        java.util.Arrays.fill(cluster, "all");
        assertThatThrownBy(() -> FixedEffectsRegression.fit(
                        d.y(), d.x(), List.of("x0"), d.unit(), d.time(), Effects.UNIT, cluster, "region"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 2 clusters");
    }

    /** Units x periods, each row dropped with the given probability; y = 1.5 x0 - 0.5 x1 + ... */
    static Data simulate(Random random, int units, int periods, int k, double dropShare) {
        double[] unitEffect = new double[units];
        double[] timeEffect = new double[periods];
        for (int u = 0; u < units; u++) {
            unitEffect[u] = 3 * random.nextGaussian();
        }
        for (int t = 0; t < periods; t++) {
            timeEffect[t] = 2 * random.nextGaussian();
        }
        List<double[]> rows = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            for (int t = 0; t < periods; t++) {
                // keep each unit's first two periods and each period's first unit so all effects are identified
                if (t > 1 && u > 0 && random.nextDouble() < dropShare) {
                    continue;
                }
                double[] row = new double[3 + k];
                row[0] = u;
                row[1] = t;
                double y = unitEffect[u] + timeEffect[t] + 0.5 * random.nextGaussian();
                for (int j = 0; j < k; j++) {
                    double x = random.nextGaussian() + 0.5 * unitEffect[u] + 0.3 * timeEffect[t];
                    row[3 + j] = x;
                    y += (j == 0 ? 1.5 : j == 1 ? -0.5 : 0.25) * x;
                }
                row[2] = y;
                rows.add(row);
            }
        }
        int n = rows.size();
        double[] y = new double[n];
        double[][] x = new double[k][n];
        int[] unit = new int[n];
        int[] time = new int[n];
        for (int i = 0; i < n; i++) {
            double[] row = rows.get(i);
            unit[i] = (int) row[0];
            time[i] = (int) row[1];
            y[i] = row[2];
            for (int j = 0; j < k; j++) {
                x[j][i] = row[3 + j];
            }
        }
        return new Data(y, x, unit, time);
    }

    /** Compares with OLS on intercept + unit dummies + time dummies + regressors (Commons Math). */
    static void compareWithLsdv(Data d, Effects effects) {
        int n = d.y().length;
        int k = d.x().length;
        int units = java.util.Arrays.stream(d.unit()).max().getAsInt() + 1;
        int periods = java.util.Arrays.stream(d.time()).max().getAsInt() + 1;
        int unitDummies = effects == Effects.TIME ? 0 : units - 1;
        int timeDummies = effects == Effects.UNIT ? 0 : periods - 1;
        double[][] design = new double[n][k + unitDummies + timeDummies];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                design[i][j] = d.x()[j][i];
            }
            if (unitDummies > 0 && d.unit()[i] > 0) {
                design[i][k + d.unit()[i] - 1] = 1;
            }
            if (timeDummies > 0 && d.time()[i] > 0) {
                design[i][k + unitDummies + d.time()[i] - 1] = 1;
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(d.y(), design); // with an intercept
        double[] beta = ols.estimateRegressionParameters();
        double[] se = ols.estimateRegressionParametersStandardErrors();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            names.add("x" + j);
        }
        RegressionResult r = FixedEffectsRegression.fit(d.y(), d.x(), names, d.unit(), d.time(), effects, null, null);
        for (int j = 0; j < k; j++) {
            assertThat(r.estimates()[j]).as("estimate %s", j).isCloseTo(beta[j + 1], within(1e-9));
            assertThat(r.stdErrors()[j]).as("standard error %s", j).isCloseTo(se[j + 1], within(1e-9));
        }
        assertThat(r.dfResidual()).isEqualTo(n - 1 - design[0].length);
    }

    private static void demean(double[] values, int[] groups) {
        int levels = java.util.Arrays.stream(groups).max().getAsInt() + 1;
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
}
