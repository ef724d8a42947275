package org.bluehelm.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bluehelm.test.TestApi.admin;
import static org.bluehelm.test.TestApi.missionId;
import static org.bluehelm.test.TestApi.userScopedToMission;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The estimators through the API: each from an uploaded CSV and from a panel source, answering
 * exactly what the command line prints for the same input (plus the citations of a source), and
 * clear 400 errors naming the parameter or the CSV line and column, and the size limits.
 */
@IntegrationTest
class EvidenceApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @TempDir
    Path folder;

    private final String panel = SimulatedPanelSource.simulate();

    /**
     * What {@code evidence ESTIMATOR --panel FILE --unit unit --time year ... --format json} prints
     * for the CSV text.
     */
    private JsonNode cli(String csv, String estimator, String... args) throws Exception {
        Path file = Files.createTempFile(folder, "panel", ".csv");
        Files.writeString(file, csv);
        List<String> all =
                new ArrayList<>(List.of(estimator, "--panel", file.toString(), "--unit", "unit", "--time", "year"));
        all.addAll(List.of(args));
        all.add("--format");
        all.add("json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new EvidenceCommand()
                .run(
                        all,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private MockMultipartFile file(String csv) {
        return new MockMultipartFile("file", "panel.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The CSV text uploaded to an estimator, its columns unit and year, as the administrator. */
    private MockMultipartHttpServletRequestBuilder upload(String estimator, String csv) {
        return multipart("/api/v1/evidence/" + estimator)
                .file(file(csv))
                .param("unit", "unit")
                .param("time", "year")
                .with(admin());
    }

    /** A JSON request to an estimator as the administrator. */
    private MockHttpServletRequestBuilder json(String estimator, String content) {
        return post("/api/v1/evidence/" + estimator)
                .contentType(MediaType.APPLICATION_JSON)
                .content(content)
                .with(admin());
    }

    private JsonNode body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void panelFromAnUploadAnswersWhatTheCommandLinePrints() throws Exception {
        JsonNode api = body(mvc.perform(upload("panel", panel)
                        .param("outcome", "y")
                        .param("regressors", "x")
                        .param("effects", "twoway")
                        .param("cluster", "unit"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.estimator").value("panel"))
                .andExpect(jsonPath("$.coefficients.x.clusterStdError").isNumber())
                .andExpect(jsonPath("$.units").value(12))
                .andExpect(jsonPath("$.periods").value(16)));
        JsonNode cli =
                cli(panel, "panel", "--outcome", "y", "--regressor", "x", "--effects", "twoway", "--cluster", "unit");
        assertThat(api).isEqualTo(cli);
        // the simulated slope is 0.5
        assertThat(api.at("/coefficients/x/estimate").asDouble()).isCloseTo(0.5, within(0.1));
    }

    @Test
    void aJsonBodyWithTheCsvAnswersTheSame() throws Exception {
        String request = JSON.writeValueAsString(java.util.Map.of(
                "csv", panel,
                "unit", "unit",
                "time", "year",
                "outcome", "y",
                "regressors", List.of("x"),
                "effects", "unit"));
        JsonNode api = body(mvc.perform(json("panel", request)).andExpect(status().isOk()));
        assertThat(api).isEqualTo(cli(panel, "panel", "--outcome", "y", "--regressor", "x", "--effects", "unit"));
    }

    @Test
    void eventStudyFromAPanelSourceCitesItsColumns() throws Exception {
        JsonNode api = body(mvc.perform(post("/api/v1/evidence/event-study")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"panelSource":"%s","outcome":"y","treatmentStart":"start","leads":"3","lags":"3",
                                 "reference":"-1","cluster":"unit"}""".formatted(SimulatedPanelSource.ID))
                        .with(userScopedToMission(mvc, "VIEWER", missionId(mvc, "UNMIL"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source.id").value(SimulatedPanelSource.ID))
                .andExpect(jsonPath("$.source.citations[*].column", hasItem("y")))
                .andExpect(jsonPath("$.source.citations[*].column", hasItem("start")))
                .andExpect(
                        jsonPath("$.source.citations[*].citation", hasItem("Simulated outcome, Bluehelm test suite"))));
        JsonNode cli = cli(
                new SimulatedPanelSource().csv(),
                "event-study",
                "--outcome",
                "y",
                "--treatment-start",
                "start",
                "--leads",
                "3",
                "--lags",
                "3",
                "--reference",
                "-1",
                "--cluster",
                "unit");
        ObjectNode withoutSource = (ObjectNode) api.deepCopy();
        withoutSource.remove("source");
        assertThat(withoutSource).isEqualTo(cli);
        // the simulated effect is 2.0 from the start on
        assertThat(api.at("/coefficients/" + EventStudy.label(0).replace("/", "~1") + "/estimate")
                        .asDouble())
                .isCloseTo(2.0, within(0.5));
    }

    @Test
    void synthFromAnUploadWithPlacebosAnswersWhatTheCommandLinePrints() throws Exception {
        JsonNode api = body(mvc.perform(upload("synth", panel)
                        .param("outcome", "y")
                        .param("treated", "U01")
                        .param("treatmentStart", "2010")
                        .param("predictors", "y:2000-2004", "y:2005-2009")
                        .param("placebos", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.treated").value("U01"))
                .andExpect(jsonPath("$.placebo.pValue").isNumber())
                .andExpect(jsonPath("$.preRmspe").isNumber()));
        JsonNode cli = cli(
                panel,
                "synth",
                "--outcome",
                "y",
                "--treated",
                "U01",
                "--treatment-start",
                "2010",
                "--predictor",
                "y:2000-2004",
                "--predictor",
                "y:2005-2009",
                "--placebos");
        assertThat(api).isEqualTo(cli);
        double sum = 0;
        for (JsonNode w : api.get("weights")) {
            assertThat(w.asDouble()).isGreaterThanOrEqualTo(0);
            sum += w.asDouble();
        }
        assertThat(sum).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void synthFromAPanelSourceCitesItsOutcome() throws Exception {
        mvc.perform(multipart("/api/v1/evidence/synth")
                        .param("panelSource", SimulatedPanelSource.ID)
                        .param("outcome", "y")
                        .param("treated", "U01")
                        .param("treatmentStart", "2010")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weights.U01").doesNotExist())
                .andExpect(jsonPath("$.series.length()").value(16))
                .andExpect(jsonPath("$.source.citations[0].column").value("y"));
    }

    @Test
    void theWorkedExampleCitesItsSourceAndGivesThePublishedPlaceboPValue() throws Exception {
        mvc.perform(json("synth", """
                                {"panelSource":"prop99","outcome":"cigsale","treated":"California","treatmentStart":"1989",
                                 "predictors":["cigsale:1975","cigsale:1980","cigsale:1988"],"placebos":true}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.placebo.units").value(39))
                .andExpect(jsonPath("$.placebo.rank").value(1))
                .andExpect(jsonPath("$.source.citations[0].column").value("cigsale"))
                .andExpect(jsonPath("$.source.citations[0].citation")
                        .value(org.hamcrest.Matchers.containsString("Orzechowski and Walker (2005)")));
    }

    @Test
    void errorsNameTheParameterOrTheCsvLineAndColumn() throws Exception {
        mvc.perform(upload("panel", panel).param("regressors", "x").param("effects", "twoway"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        String missing = panel.replaceFirst("(?m)^(U01,2001,)[^,]*,", "$1,");
        mvc.perform(upload("panel", missing)
                        .param("outcome", "y")
                        .param("regressors", "x")
                        .param("effects", "twoway"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("line 3, column 'y'"));
        mvc.perform(upload("synth", panel)
                        .param("outcome", "y")
                        .param("treated", "ATLANTIS")
                        .param("treatmentStart", "2010"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("treated"));
        String doubled = doubleColumn(panel);
        mvc.perform(json(
                        "panel",
                        JSON.writeValueAsString(java.util.Map.of(
                                "csv", doubled,
                                "unit", "unit",
                                "time", "year",
                                "outcome", "y",
                                "regressors", List.of("x", "x2"),
                                "effects", "twoway"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("x2"));
        mvc.perform(json(
                        "panel",
                        "{\"panelSource\":\"no-such-source\",\"outcome\":\"y\",\"regressors\":[\"x\"],"
                                + "\"effects\":\"unit\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("panelSource"));
        mvc.perform(json("panel", "{\"outcome\":\"y\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("panelSource"));
        mvc.perform(json("regression-discontinuity", "{}")).andExpect(status().isNotFound());
    }

    /** The panel with a column {@code x2 = 2 x}, collinear with {@code x}. */
    private static String doubleColumn(String csv) {
        StringBuilder b = new StringBuilder();
        String[] lines = csv.split("\n");
        b.append(lines[0]).append(",x2\n");
        for (int i = 1; i < lines.length; i++) {
            double x = Double.parseDouble(lines[i].split(",")[3]);
            b.append(lines[i]).append(String.format(Locale.ROOT, ",%.4f%n", 2 * x));
        }
        return b.toString();
    }

    @Test
    void limitsAreStatedAndEnforced() throws Exception {
        // 62 units: 61 donors, more than the placebo limit
        Random random = new Random(7);
        StringBuilder big = new StringBuilder("unit,year,y\n");
        for (int u = 0; u < EvidenceService.MAX_PLACEBO_DONORS + 2; u++) {
            for (int year = 2000; year < 2006; year++) {
                big.append(String.format(Locale.ROOT, "u%d,%d,%.3f%n", u, year, random.nextGaussian()));
            }
        }
        mvc.perform(upload("synth", big.toString())
                        .param("outcome", "y")
                        .param("treated", "u0")
                        .param("treatmentStart", "2004")
                        .param("placebos", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("placebos"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.containsString("up to " + EvidenceService.MAX_PLACEBO_DONORS)));
        // 29 donors and 45 pre-treatment periods as predictors: beyond the placebo work limit
        StringBuilder long_ = new StringBuilder("unit,year,y\n");
        for (int u = 0; u < 30; u++) {
            for (int year = 2000; year < 2050; year++) {
                long_.append(String.format(Locale.ROOT, "u%d,%d,%.3f%n", u, year, random.nextGaussian()));
            }
        }
        mvc.perform(upload("synth", long_.toString())
                        .param("outcome", "y")
                        .param("treated", "u0")
                        .param("treatmentStart", "2045")
                        .param("placebos", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("placebos"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.containsString("29 donors and 45 predictors")));
        byte[] huge = new byte[EvidenceService.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) '1');
        mvc.perform(multipart("/api/v1/evidence/panel")
                        .file(new MockMultipartFile("file", "huge.csv", "text/csv", huge))
                        .param("unit", "unit")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void panelSourcesAreListedWithCitationsAndSigningInIsNeeded() throws Exception {
        mvc.perform(get("/api/v1/evidence/sources").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem(SimulatedPanelSource.ID)));
        mvc.perform(post("/api/v1/evidence/panel")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
    }
}
