package org.bluehelm.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.List;
import java.util.Random;
import org.bluehelm.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class EventStudyTests {

    /** Effect by period relative to the start: none before, then 1, 2, 3, 3, ... */
    static double effect(int relative) {
        return relative < 0 ? 0 : Math.min(relative + 1, 3);
    }

    /** 30 units over 2000-2019; units 0-19 start in 2006..2013 (staggered), 20-29 never. */
    static String csv(Random random, boolean treatmentColumn) {
        StringBuilder out = new StringBuilder("unit,year,y,start,treated\n");
        double[] yearEffect = new double[20];
        for (int t = 0; t < 20; t++) {
            yearEffect[t] = random.nextGaussian();
        }
        for (int u = 0; u < 30; u++) {
            Integer start = u < 20 ? 2006 + u % 8 : null;
            double unitEffect = 5 * random.nextGaussian();
            for (int t = 0; t < 20; t++) {
                int year = 2000 + t;
                double y = unitEffect + yearEffect[t] + 0.1 * random.nextGaussian();
                if (start != null) {
                    y += effect(year - start);
                }
                out.append("u")
                        .append(u)
                        .append(',')
                        .append(year)
                        .append(',')
                        .append(y)
                        .append(',')
                        .append(start == null ? "" : start)
                        .append(',')
                        .append(start != null && year >= start ? 1 : 0)
                        .append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void knownDynamicEffectsAreRecoveredWithBinnedEndpoints() {
        Panel panel = PanelReader.read(
                new StringReader(csv(new Random(1), false)),
                "unit",
                "year",
                List.of(),
                List.of("y"),
                List.of(),
                List.of("start"));
        EventStudyResult r = EventStudy.fit(
                panel,
                "y",
                List.of(),
                "start",
                EventStudy.StartKind.START_COLUMN,
                3,
                3,
                -1,
                true,
                Effects.TWOWAY,
                null);
        assertThat(r.regression().regressors()).containsExactly("-3", "-2", "+0", "+1", "+2", "+3");
        for (int e : new int[] {-3, -2, 0, 1, 2, 3}) {
            RegressionResult reg = r.regression();
            String label = EventStudy.label(e);
            assertThat(reg.estimate(label)).as("period %s", label).isCloseTo(effect(e), within(0.1));
            assertThat(reg.stdError(label)).isLessThan(0.05);
        }
    }

    @Test
    void aZeroOneTreatmentColumnGivesTheSameStartsAsAStartColumn() {
        String csv = csv(new Random(2), true);
        Panel panel = PanelReader.read(
                new StringReader(csv),
                "unit",
                "year",
                List.of("treated"),
                List.of("y"),
                List.of("unit"),
                List.of("start"));
        EventStudyResult fromStart = EventStudy.fit(
                panel,
                "y",
                List.of(),
                "start",
                EventStudy.StartKind.START_COLUMN,
                2,
                2,
                -1,
                false,
                Effects.TWOWAY,
                "unit");
        EventStudyResult fromTreatment = EventStudy.fit(
                panel,
                "y",
                List.of(),
                "treated",
                EventStudy.StartKind.TREATMENT_COLUMN,
                2,
                2,
                -1,
                false,
                Effects.TWOWAY,
                "unit");
        assertThat(fromTreatment.regression().estimates())
                .containsExactly(fromStart.regression().estimates());
        assertThat(fromStart.regression().clusterStdErrors()).isNotNull();
        assertThat(fromStart.regression().estimate("+1")).isCloseTo(2, within(0.1));
        // without binning, treated rows outside -2..+2 are left out
        assertThat(fromStart.regression().n()).isLessThan(600);
    }

    @Test
    void aReferenceOutsideTheWindowOrNoTreatedUnitIsAnError() {
        Panel panel = PanelReader.read(
                new StringReader(csv(new Random(3), false)),
                "unit",
                "year",
                List.of(),
                List.of("y"),
                List.of(),
                List.of("start"));
        assertThatThrownBy(() -> EventStudy.fit(
                        panel,
                        "y",
                        List.of(),
                        "start",
                        EventStudy.StartKind.START_COLUMN,
                        2,
                        2,
                        -5,
                        false,
                        Effects.TWOWAY,
                        null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reference period -5");
        String never = "unit,year,y,start\na,1,1,\na,2,2,\nb,1,1,\nb,2,3,\n";
        Panel untreated = PanelReader.read(
                new StringReader(never), "unit", "year", List.of(), List.of("y"), List.of(), List.of("start"));
        assertThatThrownBy(() -> EventStudy.fit(
                        untreated,
                        "y",
                        List.of(),
                        "start",
                        EventStudy.StartKind.START_COLUMN,
                        1,
                        1,
                        -1,
                        false,
                        Effects.TWOWAY,
                        null))
                .hasMessageContaining("no unit is ever treated");
    }
}
