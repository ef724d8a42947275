package org.bluehelm.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked example against what Abadie, Diamond and Hainmueller (2010) published: the panel
 * (39 states, 1970-2000, California's sales) and a synthetic California from the pre-1989 sales
 * that tracks California closely before and falls well above it after, with California the most
 * extreme of the in-space placebos.
 */
class Prop99Tests {

    private final Prop99PanelSource source = new Prop99PanelSource();

    @Test
    void thePanelIsThePublishedOne() {
        Panel panel = PanelReader.read(
                new StringReader(source.csv()), "state", "year", List.of("cigsale"), List.of(), List.of());
        assertThat(panel.units()).hasSize(39).contains("California", "Utah", "Nevada", "Montana", "Colorado");
        assertThat(panel.times()).hasSize(31).startsWith("1970").endsWith("2000");
        double[] sales = panel.column("cigsale");
        int california = panel.units().indexOf("California");
        for (int r = 0; r < panel.rows(); r++) {
            if (panel.unitIndex()[r] == california) {
                String year = panel.times().get(panel.timeIndex()[r]);
                // per-capita packs in California, as in the paper's figures
                switch (year) {
                    case "1970" -> assertThat(sales[r]).isEqualTo(123.0);
                    case "1988" -> assertThat(sales[r]).isEqualTo(90.1);
                    case "2000" -> assertThat(sales[r]).isEqualTo(41.6);
                    default -> {}
                }
            }
        }
        assertThat(source.columns()).extracting(PanelSource.Column::name).containsExactly("cigsale", "prop99");
    }

    private Panel panel() {
        return PanelReader.read(
                new StringReader(source.csv()), "state", "year", List.of(), List.of("cigsale"), List.of());
    }

    /**
     * With the sales of every year before 1989 as predictors, the donors are nearly the published
     * ones (Utah 0.394, Nevada 0.234, Montana 0.199, Colorado 0.164, Connecticut 0.069, found with
     * covariates too), the pre-1989 fit is as close (RMSPE 1.76 there) and by 2000 California is
     * about 26 packs below its synthetic.
     */
    @Test
    void aSyntheticCaliforniaFromEveryPreTreatmentYearComesCloseToThePublishedOne() {
        SynthResult s = SyntheticControl.fit(panel(), "cigsale", "California", "1989", List.of(), null, false);
        assertThat(s.weights().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(1.0, within(1e-6));
        assertThat(s.weights().get("Utah")).isCloseTo(0.394, within(0.05));
        List<String> top = s.weights().entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(4)
                .map(java.util.Map.Entry::getKey)
                .toList();
        assertThat(top).containsExactlyInAnyOrder("Utah", "Montana", "Nevada", "Connecticut");
        assertThat(s.preRmspe()).isLessThan(2.0);
        double gap2000 = s.series().get(s.series().size() - 1).gap();
        assertThat(gap2000).isBetween(-30.0, -20.0);
    }

    /**
     * With the sales of 1975, 1980 and 1988 as predictors (the lagged outcomes of the paper),
     * California's post/pre RMSPE ratio is the largest of the 39 states: the permutation p-value is
     * 1/39, the smallest possible, as published.
     */
    @Test
    void californiaRanksFirstAmongTheInSpacePlacebos() {
        SynthResult s = SyntheticControl.fit(
                panel(),
                "cigsale",
                "California",
                "1989",
                List.of(
                        Predictor.parse("cigsale:1975"),
                        Predictor.parse("cigsale:1980"),
                        Predictor.parse("cigsale:1988")),
                null,
                true);
        assertThat(s.placebo().units()).isEqualTo(39);
        assertThat(s.placebo().rank()).isEqualTo(1);
        assertThat(s.placebo().pValue()).isCloseTo(1.0 / 39, within(1e-9));
        assertThat(s.series().get(s.series().size() - 1).gap()).isLessThan(-15.0);
    }
}
