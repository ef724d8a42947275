package org.bluehelm.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimplexLeastSquaresTests {

    @Test
    void solutionsSatisfyTheKktConditionsAndMatchProjectedGradient() {
        Random random = new Random(42);
        for (int trial = 0; trial < 60; trial++) {
            int k = 1 + random.nextInt(8);
            int j = 2 + random.nextInt(30);
            double[][] a = new double[j][k];
            double[] b = new double[k];
            for (int c = 0; c < j; c++) {
                for (int i = 0; i < k; i++) {
                    a[c][i] = random.nextGaussian();
                }
            }
            for (int i = 0; i < k; i++) {
                b[i] = 1.5 * random.nextGaussian();
            }
            if (trial % 5 == 0) {
                // a duplicated donor: rank-deficient
                a[1] = a[0].clone();
            }
            double[] w = SimplexLeastSquares.solve(a, b);
            double sum = 0;
            for (double v : w) {
                assertThat(v).isGreaterThanOrEqualTo(0);
                sum += v;
            }
            assertThat(sum).isCloseTo(1, within(1e-12));
            assertThat(SimplexLeastSquares.kktViolation(a, b, w))
                    .as("trial %s", trial)
                    .isLessThan(1e-8);
            double[] reference = SimplexLeastSquares.projectedGradient(a, b, SyntheticControlTests.uniform(j));
            assertThat(SimplexLeastSquares.loss(a, b, w))
                    .as("trial %s", trial)
                    .isLessThanOrEqualTo(SimplexLeastSquares.loss(a, b, reference) + 1e-9);
        }
    }

    @Test
    void aPointInsideTheHullIsReproducedExactly() {
        double[][] a = {{0, 0}, {1, 0}, {0, 1}};
        double[] b = {0.2, 0.3};
        double[] w = SimplexLeastSquares.solve(a, b);
        assertThat(w[0]).isCloseTo(0.5, within(1e-12));
        assertThat(w[1]).isCloseTo(0.2, within(1e-12));
        assertThat(w[2]).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void aPointOutsideTheHullGoesToTheNearestFace() {
        double[][] a = {{0, 0}, {1, 0}, {0, 1}};
        double[] b = {1, 1}; // nearest point of the triangle: (0.5, 0.5)
        double[] w = SimplexLeastSquares.solve(a, b);
        assertThat(w[0]).isCloseTo(0, within(1e-12));
        assertThat(w[1]).isCloseTo(0.5, within(1e-12));
        assertThat(w[2]).isCloseTo(0.5, within(1e-12));
    }
}
