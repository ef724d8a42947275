package org.bluehelm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.bluehelm.BluehelmApplication;
import org.bluehelm.test.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar bluehelm.jar bench analytics} on a few thousand values, in-process: no figure is
 * judged here (speed is measured by the bench itself, see docs/benchmarks.md), but every step of
 * the bench must still run and the aggregates must agree with the baseline, so that a change
 * elsewhere cannot break the bench unseen. H2 lane only: the bench makes its own database.
 */
class BenchAnalyticsSmokeIT {

    @Test
    void theBenchImportsQueriesAndReportsEveryFigureOnASmallDataset() throws Exception {
        assumeFalse(TestDatabase.postgres());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = CommandLine.run(
                BluehelmApplication.class,
                new String[] {"bench", "analytics", "--values", "3000", "--runs", "1", "--reimport"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode load = report.path("load");
        assertThat(load.path("status").asText()).as(load.toString()).isEqualTo("SUCCESS");
        assertThat(load.path("imported").asLong()).isEqualTo(3000);
        assertThat(load.path("conflicts").asLong()).isZero();
        assertThat(load.path("reimport").path("ignored").asLong()).isEqualTo(3000);
        assertThat(report.path("sameResultAsBaseline").asBoolean()).isTrue();
        assertThat(report.path("analyticsService")
                        .path("oneIndicator")
                        .path("p95Ms")
                        .isNumber())
                .as(report.path("analyticsService").toString())
                .isTrue();
        assertThat(report.path("baseline").path("tenIndicators").path("p50Ms").isNumber())
                .isTrue();
        JsonNode freshness = report.path("freshness");
        assertThat(freshness.isMissingNode()).isFalse();
        assertThat(freshness.toString()).doesNotContain("error", "timeout");
        assertThat(report.path("peakHeapMb").asLong()).isPositive();
    }
}
