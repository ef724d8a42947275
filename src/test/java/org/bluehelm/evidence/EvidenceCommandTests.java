package org.bluehelm.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvidenceCommandTests {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new EvidenceCommand()
                .run(
                        List.of(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode json() {
        return JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void panelPrintsTheDocumentedJson() throws Exception {
        Path file = folder.resolve("panel.csv");
        // y = 2 x + unit effect, no noise but one disturbance per unit so that errors are not zero
        Files.writeString(
                file,
                "country,year,y,x,region\n"
                        + "A,2000,1,0,west\nA,2001,3.1,1,west\nA,2002,5,2,west\n"
                        + "B,2000,10,1,east\nB,2001,12,2,east\nB,2002,13.9,3,east\n"
                        + "C,2000,4,5,east\nC,2001,6.2,6,east\nC,2002,7.9,7,east\n");
        int status = run(
                "panel",
                "--panel",
                file.toString(),
                "--unit",
                "country",
                "--time",
                "year",
                "--outcome",
                "y",
                "--regressor",
                "x",
                "--effects",
                "unit",
                "--cluster",
                "country",
                "--format",
                "json");
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = json();
        JsonNode x = json.get("coefficients").get("x");
        // within: every unit's demeaned x is -1,0,1; demeaned y sum(xd*yd) = 4 + 3.9 + 3.9 -> beta = 11.8/6
        assertThat(x.get("estimate").asDouble()).isCloseTo(11.8 / 6, within(1e-10));
        assertThat(x.has("stdError")).isTrue();
        assertThat(x.has("clusterStdError")).isTrue();
        assertThat(json.get("n").asInt()).isEqualTo(9);
        assertThat(json.get("units").asInt()).isEqualTo(3);
        assertThat(json.get("periods").asInt()).isEqualTo(3);
        assertThat(json.get("seType").asString()).contains("CR1");
    }

    @Test
    void synthPrintsTheDocumentedJsonWithPlacebos() throws Exception {
        Path file = folder.resolve("synth.csv");
        double[] weights = {0, 0.4, 0, 0.6, 0};
        Files.writeString(
                file,
                SyntheticControlTests.csv(new Random(3), 5, 1990, 12, new SyntheticControlTests.Treated(weights, 8, 3))
                        .replace("country,year", "iso3,year"));
        int status = run(
                "synth",
                "--panel",
                file.toString(),
                "--unit",
                "iso3",
                "--time",
                "year",
                "--outcome",
                "outcome",
                "--treated",
                "T",
                "--treatment-start",
                "1998",
                "--predictor",
                "outcome:1990-1993",
                "--predictor",
                "outcome:1994-1997",
                "--predictor",
                "covariate",
                "--placebos",
                "--format",
                "json");
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = json();
        assertThat(json.get("weights").get("d3").asDouble()).isCloseTo(0.6, within(1e-3));
        assertThat(json.get("predictorWeights").has("covariate")).isTrue();
        assertThat(json.get("preRmspe").asDouble()).isLessThan(1e-3);
        assertThat(json.get("postRmspe").asDouble()).isCloseTo(3, within(1e-3));
        JsonNode first = json.get("series").get(0);
        assertThat(first.get("time").asInt()).isEqualTo(1990);
        assertThat(first.has("treated") && first.has("synthetic") && first.has("gap"))
                .isTrue();
        assertThat(json.get("placebo").get("pValue").asDouble()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(json.get("placebo").get("ratios").size()).isEqualTo(6);
    }

    @Test
    void eventStudyPrintsATableByDefault() throws Exception {
        Path file = folder.resolve("es.csv");
        Files.writeString(file, EventStudyTests.csv(new Random(4), false));
        int status = run(
                "event-study",
                "--panel",
                file.toString(),
                "--unit",
                "unit",
                "--time",
                "year",
                "--outcome",
                "y",
                "--treatment-start",
                "start",
                "--leads",
                "3",
                "--lags",
                "3",
                "--bin");
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Event study (reference period -1)")
                .contains("+2")
                .contains("Std. error");
    }

    @Test
    void badInputNamesTheProblemAndFails() throws Exception {
        Path file = folder.resolve("bad.csv");
        Files.writeString(file, "country,year,y,x\nA,2000,1,zero\n");
        int status = run(
                "panel",
                "--panel",
                file.toString(),
                "--unit",
                "country",
                "--time",
                "year",
                "--outcome",
                "y",
                "--regressor",
                "x",
                "--effects",
                "unit");
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2, column 'x': 'zero' is not a number");
        assertThat(run("synth", "--panel", file.toString())).isEqualTo(2);
        assertThat(run(
                        "panel",
                        "--panel",
                        folder.resolve("none.csv").toString(),
                        "--unit",
                        "c",
                        "--time",
                        "t",
                        "--outcome",
                        "y",
                        "--regressor",
                        "x",
                        "--effects",
                        "unit"))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
        assertThat(run(
                        "panel",
                        "--panel",
                        file.toString(),
                        "--unit",
                        "country",
                        "--time",
                        "year",
                        "--outcome",
                        "y",
                        "--regressor",
                        "x",
                        "--effects",
                        "sideways"))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'sideways' is not one of unit, time, twoway");
    }
}
