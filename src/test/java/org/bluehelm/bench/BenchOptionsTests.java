package org.bluehelm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTests {

    @Test
    void defaultsToTenMillionValuesOnH2() {
        BenchOptions options = BenchOptions.parse(List.of("analytics"));
        assertThat(options.values()).isEqualTo(10_000_000);
        assertThat(options.store()).isEqualTo("h2");
        assertThat(options.keep()).isFalse();
    }

    @Test
    void readsOptionsWithSpacesOrEquals() {
        BenchOptions options = BenchOptions.parse(
                List.of("analytics", "--values", "1_000_000", "--store=postgres", "--runs", "5", "--keep"));
        assertThat(options.values()).isEqualTo(1_000_000);
        assertThat(options.store()).isEqualTo("postgres");
        assertThat(options.runs()).isEqualTo(5);
        assertThat(options.keep()).isTrue();
        assertThat(options.reimport()).isFalse();
    }

    @Test
    void reimportsOnlyAfterAnImportItRuns() {
        assertThat(BenchOptions.parse(List.of("analytics", "--reimport")).reimport())
                .isTrue();
        assertThatThrownBy(() -> BenchOptions.parse(List.of("analytics", "--reimport", "--load", "direct")))
                .hasMessageContaining("--reimport");
        assertThatThrownBy(
                        () -> BenchOptions.parse(List.of("analytics", "--reimport", "--reuse", "--folder", "/tmp/x")))
                .hasMessageContaining("--reimport");
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of())).hasMessageContaining("analytics");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("analytics", "--store", "oracle")))
                .hasMessageContaining("--store");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("analytics", "--values", "many")))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("analytics", "--values")))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("analytics", "--fast")))
                .hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("analytics", "--schema", "x; drop")))
                .hasMessageContaining("identifier");
    }

    @Test
    void reusesAKeptDatabaseOnlyWhenToldWhichOne() {
        BenchOptions options =
                BenchOptions.parse(List.of("analytics", "--store", "postgres", "--reuse", "--schema", "kept"));
        assertThat(options.reuse()).isTrue();
        assertThat(options.keep()).isTrue();
        assertThat(BenchOptions.parse(List.of("analytics", "--reuse", "--folder", "/tmp/kept"))
                        .folder())
                .isEqualTo("/tmp/kept");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("analytics", "--store", "postgres", "--reuse")))
                .hasMessageContaining("--schema");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("analytics", "--reuse")))
                .hasMessageContaining("--folder");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("analytics", "--folder", "/tmp/kept")))
                .hasMessageContaining("--reuse");
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        assertThat(AnalyticsBench.percentile(sorted, 0.5)).isEqualTo(5.0);
        assertThat(AnalyticsBench.percentile(sorted, 0.95)).isEqualTo(10.0);
        assertThat(AnalyticsBench.percentile(List.of(3.0), 0.95)).isEqualTo(3.0);
    }
}
