package org.bluehelm.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bluehelm.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class SyntheticControlTests {

    /** A CSV of units d0..d(J-1) with random-walk outcomes and a covariate, plus a treated unit. */
    static String csv(Random random, int donors, int firstYear, int years, Treated treated) {
        double[][] y = new double[donors][years];
        double[][] z = new double[donors][years];
        for (int j = 0; j < donors; j++) {
            double level = 10 + 5 * random.nextGaussian();
            double trend = random.nextGaussian();
            for (int t = 0; t < years; t++) {
                y[j][t] = level + trend * t + random.nextGaussian();
                z[j][t] = 3 * random.nextGaussian() + level;
            }
        }
        StringBuilder out = new StringBuilder("country,year,outcome,covariate\n");
        for (int j = 0; j < donors; j++) {
            for (int t = 0; t < years; t++) {
                out.append("d")
                        .append(j)
                        .append(',')
                        .append(firstYear + t)
                        .append(',')
                        .append(y[j][t])
                        .append(',')
                        .append(z[j][t])
                        .append('\n');
            }
        }
        for (int t = 0; t < years; t++) {
            double value = 0;
            double covariate = 0;
            for (int j = 0; j < donors; j++) {
                value += treated.weights()[j] * y[j][t];
                covariate += treated.weights()[j] * z[j][t];
            }
            if (t >= treated.startOffset()) {
                value += treated.effect();
            }
            out.append("T,")
                    .append(firstYear + t)
                    .append(',')
                    .append(value)
                    .append(',')
                    .append(covariate)
                    .append('\n');
        }
        return out.toString();
    }

    record Treated(double[] weights, int startOffset, double effect) {}

    static Panel read(String csv, String... columns) {
        return PanelReader.read(new StringReader(csv), "country", "year", List.of(), List.of(columns), List.of());
    }

    @Test
    void anExactConvexCombinationOfDonorsIsRecovered() {
        double[] weights = {0.5, 0, 0.3, 0, 0, 0.2};
        String csv = csv(new Random(1), 6, 1990, 14, new Treated(weights, 10, 0));
        SynthResult r = SyntheticControl.fit(read(csv, "outcome"), "outcome", "T", "2000", List.of(), null, false);
        for (int j = 0; j < 6; j++) {
            assertThat(r.weights().get("d" + j)).as("weight of d%s", j).isCloseTo(weights[j], within(1e-4));
        }
        assertThat(r.preRmspe()).isLessThan(1e-6);
        assertThat(r.postRmspe()).isLessThan(1e-4);
    }

    @Test
    void aDonorPlusAnEffectGetsAllTheWeightAndTheGapIsTheEffect() {
        double[] weights = new double[8];
        weights[3] = 1;
        String csv = csv(new Random(2), 8, 1980, 20, new Treated(weights, 12, 4.0));
        SynthResult r = SyntheticControl.fit(
                read(csv, "outcome", "covariate"),
                "outcome",
                "T",
                "1992",
                List.of(
                        Predictor.parse("outcome:1980-1985"),
                        Predictor.parse("outcome:1986-1991"),
                        Predictor.parse("outcome:1991"),
                        Predictor.parse("covariate")),
                null,
                false);
        assertThat(r.weights().get("d3")).isCloseTo(1, within(1e-6));
        for (SynthResult.Point p : r.series()) {
            double expected = Integer.parseInt(p.time()) >= 1992 ? 4.0 : 0.0;
            assertThat(p.gap()).as("gap in %s", p.time()).isCloseTo(expected, within(1e-6));
        }
        assertThat(r.treatmentStart()).isEqualTo("1992");
    }

    @Test
    void weightsAreNonNegativeAndSumToOneAndVIsOnTheSimplex() {
        String csv = csv(new Random(3), 12, 1970, 25, new Treated(uniform(12), 15, 2.0));
        // perturb the treated unit so that no exact fit exists
        csv = csv.replace("\nT,1970,", "\nT,1970,1").replace("\nT,1975,", "\nT,1975,-");
        SynthResult r = SyntheticControl.fit(
                read(csv, "outcome", "covariate"),
                "outcome",
                "T",
                "1985",
                List.of(
                        Predictor.parse("outcome:1970-1979"),
                        Predictor.parse("outcome:1980-1984"),
                        Predictor.parse("covariate:1970-1984")),
                new Predictor.Window("1975", "1984"),
                false);
        double sum = 0;
        for (double w : r.weights().values()) {
            assertThat(w).isGreaterThanOrEqualTo(0);
            sum += w;
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
        double vSum = 0;
        for (double v : r.predictorWeights().values()) {
            assertThat(v).isGreaterThanOrEqualTo(0);
            vSum += v;
        }
        assertThat(vSum).isCloseTo(1, within(1e-12));
        assertThat(r.predictorWeights())
                .containsOnlyKeys("outcome:1970-1979", "outcome:1980-1984", "covariate:1970-1984");
        assertThat(r.fitWindow()).containsExactly("1975", "1984");
    }

    @Test
    void theOptimisedVFitsTheOutcomeAtLeastAsWellAsInverseVariance() {
        String csv = csv(new Random(4), 15, 1970, 25, new Treated(uniform(15), 15, 0));
        csv = csv.replace("\nT,1972,", "\nT,1972,3").replace("\nT,1978,", "\nT,1978,-");
        Panel panel = read(csv, "outcome", "covariate");
        List<Predictor> predictors = List.of(
                Predictor.parse("outcome:1970-1976"), Predictor.parse("covariate"), Predictor.parse("outcome:1984"));
        SynthResult optimised = SyntheticControl.fit(panel, "outcome", "T", "1985", predictors, null, false);
        SynthResult fixed = SyntheticControl.fit(
                panel, "outcome", "T", "1985", predictors, null, false, SyntheticControl.VMode.INVERSE_VARIANCE);
        assertThat(optimised.fitMspe()).isLessThanOrEqualTo(fixed.fitMspe() + 1e-12);
    }

    @Test
    void theNestedOptimisationDropsAPredictorThatMisleadsTheFit() {
        double[] weights = {0.5, 0, 0, 0.5, 0, 0, 0, 0};
        String csv = csv(new Random(8), 8, 1980, 20, new Treated(weights, 14, 0));
        // the treated unit's covariate is far from every donor's: weighting it spoils the outcome fit
        StringBuilder changed = new StringBuilder();
        for (String line : csv.split("\n")) {
            changed.append(line.startsWith("T,") ? line.substring(0, line.lastIndexOf(',')) + ",500" : line)
                    .append('\n');
        }
        Panel panel = read(changed.toString(), "outcome", "covariate");
        List<Predictor> predictors = List.of(
                Predictor.parse("outcome:1980-1986"),
                Predictor.parse("outcome:1987-1993"),
                Predictor.parse("covariate"));
        SynthResult optimised = SyntheticControl.fit(panel, "outcome", "T", "1994", predictors, null, false);
        SynthResult fixed = SyntheticControl.fit(
                panel, "outcome", "T", "1994", predictors, null, false, SyntheticControl.VMode.INVERSE_VARIANCE);
        assertThat(optimised.predictorWeights().get("covariate")).isLessThan(0.01);
        // two window means do not pin the weights down year by year, so the fit improves but is not exact
        assertThat(optimised.fitMspe()).isLessThan(0.7 * fixed.fitMspe());
    }

    @Test
    void thePlaceboPValueIsTheTreatedUnitsRankOverAllUnits() {
        double[] weights = new double[9];
        weights[4] = 0.6;
        weights[7] = 0.4;
        String csv = csv(new Random(5), 9, 1990, 16, new Treated(weights, 10, 25.0));
        SynthResult r = SyntheticControl.fit(read(csv, "outcome"), "outcome", "T", "2000", List.of(), null, true);
        SynthResult.Placebo placebo = r.placebo();
        assertThat(placebo).isNotNull();
        assertThat(placebo.ratios()).hasSize(10);
        // an exact pre-treatment fit and a large effect: the treated unit has the largest ratio
        assertThat(placebo.rank()).isEqualTo(1);
        assertThat(placebo.pValue()).isCloseTo(1.0 / 10, within(1e-12));
        double treatedRatio = placebo.ratios().get("T");
        long atLeast = placebo.ratios().values().stream()
                .filter(v -> v >= treatedRatio)
                .count();
        assertThat(placebo.pValue()).isCloseTo(atLeast / 10.0, within(1e-12));
    }

    @Test
    void withoutAnEffectThePlaceboPValueCountsEveryUnitAtLeastAsExtreme() {
        String csv = csv(new Random(6), 9, 1990, 16, new Treated(uniform(9), 10, 0));
        csv = csv.replace("\nT,1993,", "\nT,1993,2");
        SynthResult r = SyntheticControl.fit(read(csv, "outcome"), "outcome", "T", "2000", List.of(), null, true);
        Map<String, Double> ratios = r.placebo().ratios();
        double treatedRatio = ratios.get("T");
        long atLeast = ratios.values().stream().filter(v -> v >= treatedRatio).count();
        assertThat(r.placebo().rank()).isEqualTo((int) atLeast);
        assertThat(r.placebo().pValue()).isCloseTo(atLeast / 10.0, within(1e-12));
    }

    @Test
    void badInputGetsAClearError() {
        String csv = csv(new Random(7), 4, 1990, 10, new Treated(uniform(4), 6, 1));
        Panel panel = read(csv, "outcome");
        assertThatThrownBy(() -> SyntheticControl.fit(panel, "outcome", "Atlantis", "1996", List.of(), null, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'Atlantis' is not in the panel");
        assertThatThrownBy(() -> SyntheticControl.fit(panel, "outcome", "T", "1991", List.of(), null, false))
                .hasMessageContaining("too few pre-treatment periods");
        assertThatThrownBy(() -> SyntheticControl.fit(panel, "outcome", "T", "2005", List.of(), null, false))
                .hasMessageContaining("nothing to compare after the start");
        String twoUnits = "country,year,outcome\nA,1,1\nA,2,2\nA,3,3\nB,1,1\nB,2,2\nB,3,4\n";
        assertThatThrownBy(() ->
                        SyntheticControl.fit(read(twoUnits, "outcome"), "outcome", "A", "3", List.of(), null, false))
                .hasMessageContaining("fewer than 2 donor");
        String missing = csv.replace("\nd2,1993,", "\nd2,1993,,").replaceFirst("(\nd2,1993,,)[^,\n]*", "$1");
        assertThatThrownBy(() ->
                        SyntheticControl.fit(read(missing, "outcome"), "outcome", "T", "1996", List.of(), null, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column 'outcome'")
                .hasMessageContaining("missing");
        String gap = csv.replaceFirst("\nd1,1992,[^\n]*", "");
        assertThatThrownBy(() ->
                        SyntheticControl.fit(read(gap, "outcome"), "outcome", "T", "1996", List.of(), null, false))
                .hasMessageContaining("unit 'd1' has no row for time 1992");
        assertThatThrownBy(() -> SyntheticControl.fit(
                        panel, "outcome", "T", "1996", List.of(Predictor.parse("outcome:2050-2060")), null, false))
                .hasMessageContaining("covers no time");
        assertThatThrownBy(() -> SyntheticControl.fit(
                        panel, "outcome", "T", "1996", List.of(), new Predictor.Window("1990", "1998"), false))
                .hasMessageContaining("fit window");
        assertThatThrownBy(() -> SyntheticControl.fit(
                        read(
                                "country,year,outcome\nA,1,1\nA,2,2\nA,3,3\nB,1,1\nB,2,2\nB,3,4\nC,1,1\nC,2,2\nC,3,3\n",
                                "outcome"),
                        "outcome",
                        "A",
                        "3",
                        List.of(),
                        null,
                        true))
                .hasMessageContaining("placebos need at least 3 donors");
    }

    @Test
    void predictorsParseWindowsAndSingleTimes() {
        assertThat(Predictor.parse("gdp:1980-1988")).isEqualTo(new Predictor("gdp", "1980", "1988"));
        assertThat(Predictor.parse("gdp:1975")).isEqualTo(new Predictor("gdp", "1975", "1975"));
        assertThat(Predictor.parse("gdp")).isEqualTo(new Predictor("gdp", null, null));
        assertThat(Predictor.parse("gdp:1975").label()).isEqualTo("gdp:1975");
    }

    static double[] uniform(int j) {
        double[] w = new double[j];
        java.util.Arrays.fill(w, 1.0 / j);
        return w;
    }
}
