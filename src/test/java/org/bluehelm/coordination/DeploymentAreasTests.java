package org.bluehelm.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeploymentAreasTests {

    @Test
    void theHullOfASquareWithAPointInsideIsTheSquare() {
        List<double[]> hull = DeploymentAreas.hull(List.of(
                new double[] {0, 0}, new double[] {2, 0}, new double[] {1, 1}, new double[] {2, 2}, new double[] {0, 2
                }));
        assertThat(hull).hasSize(4);
        assertThat(hull.stream().map(p -> p[0] + "," + p[1]).toList())
                .containsExactlyInAnyOrder("0.0,0.0", "2.0,0.0", "2.0,2.0", "0.0,2.0");
    }

    @Test
    void oneSiteGetsASmallClosedSquare() {
        Set<List<Double>> one = new LinkedHashSet<>();
        one.add(List.of(10.0, 5.0));
        List<double[]> ring = DeploymentAreas.outline(one);
        assertThat(ring).hasSize(5);
        assertThat(ring.get(0)).containsExactly(ring.get(4));
    }

    @Test
    void liberiasAreaComesFromTheShippedGeoPkoSitesAndLiesInLiberia() {
        List<double[]> ring = new DeploymentAreas().areas().get("LBR");
        assertThat(ring).hasSizeGreaterThan(4);
        assertThat(ring.get(0)).containsExactly(ring.get(ring.size() - 1));
        for (double[] point : ring) {
            assertThat(point[0]).isBetween(-11.6, -7.3); // longitude
            assertThat(point[1]).isBetween(4.3, 8.6); // latitude
        }
    }
}
