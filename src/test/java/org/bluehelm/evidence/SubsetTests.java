package org.bluehelm.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subsetting ({@code --units}, {@code --where}, {@code --from}, {@code --to}) and blank cells
 * ({@code --missing error|drop}) on a small in-memory panel: the rows kept, the dropped report, and
 * results equal to running on a CSV filtered beforehand.
 */
class SubsetTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Units A..H over 2000..2011; A..D west, E..H east; y = 1.5 x + unit and time effects + noise. */
    private static List<String[]> rows() {
        Random random = new Random(7);
        List<String[]> rows = new ArrayList<>();
        for (int u = 0; u < 8; u++) {
            String unit = String.valueOf((char) ('A' + u));
            for (int year = 2000; year <= 2011; year++) {
                double x = random.nextGaussian();
                double y = 1.5 * x
                        + u
                        + 0.3 * (year - 2000)
                        + 0.2 * random.nextGaussian()
                        + (u == 0 && year >= 2006 ? 2 : 0);
                rows.add(new String[] {
                    unit,
                    String.valueOf(year),
                    String.format(Locale.ROOT, "%.6f", y),
                    String.format(Locale.ROOT, "%.6f", x),
                    u < 4 ? "west" : "east"
                });
            }
        }
        return rows;
    }

    private static String csv(List<String[]> rows, Predicate<String[]> keep) {
        StringBuilder b = new StringBuilder("unit,year,y,x,region\n");
        rows.stream().filter(keep).forEach(r -> b.append(String.join(",", r)).append('\n'));
        return b.toString();
    }

    private static JsonNode run(String estimator, String csv, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--unit", "unit", "--time", "year"));
        all.addAll(List.of(args));
        Map<String, Object> result =
                Estimation.run(estimator, Estimation.Options.parse(all), () -> new StringReader(csv));
        return JSON.valueToTree(result);
    }

    private static final String[] PANEL = {
        "--outcome", "y", "--regressor", "x", "--effects", "twoway", "--cluster", "unit"
    };

    @Test
    void unitsAndTimesEqualAPreFilteredPanel() throws Exception {
        List<String[]> rows = rows();
        String full = csv(rows, r -> true);
        String filtered = csv(
                rows,
                r -> List.of("A", "C", "F").contains(r[0])
                        && Integer.parseInt(r[1]) >= 2002
                        && Integer.parseInt(r[1]) <= 2009);
        JsonNode subset = run("panel", full, concat(PANEL, "--units", "A,C,F", "--from", "2002", "--to", "2009"));
        JsonNode expected = run("panel", filtered, PANEL);
        assertThat(subset.get("coefficients")).isEqualTo(expected.get("coefficients"));
        assertThat(subset.get("n").asInt()).isEqualTo(24);
        assertThat(subset.get("units").asInt()).isEqualTo(3);
        assertThat(subset.get("periods").asInt()).isEqualTo(8);
        assertThat(subset.at("/subset/units").toString()).isEqualTo("[\"A\",\"C\",\"F\"]");
        assertThat(subset.at("/subset/rowsUsed").asInt()).isEqualTo(24);
    }

    @Test
    void whereKeepsTheUnitsOfATextColumnValue() throws Exception {
        List<String[]> rows = rows();
        JsonNode subset = run("panel", csv(rows, r -> true), concat(PANEL, "--where", "region=West"));
        JsonNode expected = run("panel", csv(rows, r -> r[4].equals("west")), PANEL);
        assertThat(subset.get("coefficients")).isEqualTo(expected.get("coefficients"));
        assertThat(subset.get("units").asInt()).isEqualTo(4);
    }

    @Test
    void badSubsetsNameTheOption() throws Exception {
        String full = csv(rows(), r -> true);
        assertThatThrownBy(() -> run("panel", full, concat(PANEL, "--where", "continent=Africa")))
                .isInstanceOfSatisfying(Estimation.OptionException.class, e -> {
                    assertThat(e.option()).isEqualTo("--where");
                    assertThat(e.getMessage()).contains("continent");
                });
        assertThatThrownBy(() -> run("panel", full, concat(PANEL, "--units", "A,ZZ")))
                .isInstanceOfSatisfying(Estimation.OptionException.class, e -> {
                    assertThat(e.option()).isEqualTo("--units");
                    assertThat(e.getMessage()).contains("ZZ");
                });
        assertThatThrownBy(() -> run("panel", full, concat(PANEL, "--from", "2030")))
                .isInstanceOf(Estimation.OptionException.class)
                .hasMessageContaining("no row");
        assertThatThrownBy(() -> run("panel", full, concat(PANEL, "--from", "early")))
                .isInstanceOfSatisfying(
                        Estimation.OptionException.class,
                        e -> assertThat(e.option()).isEqualTo("--from"));
        assertThatThrownBy(() -> run("panel", full, concat(PANEL, "--missing", "ignore")))
                .isInstanceOfSatisfying(
                        Estimation.OptionException.class,
                        e -> assertThat(e.option()).isEqualTo("--missing"));
    }

    /** Blank y in B 2003, blank x in C 2004 and 2005, every cell of D blank in y. */
    private static List<String[]> withBlanks() {
        List<String[]> rows = rows();
        for (String[] r : rows) {
            if ((r[0].equals("B") && r[1].equals("2003")) || r[0].equals("D")) {
                r[2] = "";
            }
            if (r[0].equals("C") && (r[1].equals("2004") || r[1].equals("2005"))) {
                r[3] = "";
            }
        }
        return rows;
    }

    @Test
    void blanksAreAnErrorListingTheFirstCellsTheirCountAndTheChoice() throws Exception {
        String csv = csv(withBlanks(), r -> true);
        assertThatThrownBy(() -> run("panel", csv, PANEL)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            List<FieldProblem> problems = e.problems();
            assertThat(problems).hasSize(Subset.LISTED + 1);
            assertThat(problems.get(0).field()).isEqualTo("line 17, column 'y'");
            assertThat(problems.get(0).message()).contains("unit B, time 2003");
            FieldProblem last = problems.get(Subset.LISTED);
            assertThat(last.field()).isEqualTo("missing");
            assertThat(last.message()).startsWith("15 blank cells").contains("missing=drop");
        });
        // a period without blanks runs in error mode
        assertThat(run("panel", csv, concat(PANEL, "--from", "2006", "--units", "A,B,C,E"))
                        .get("n")
                        .asInt())
                .isEqualTo(24);
    }

    @Test
    void dropLeavesOutTheRowsWithABlankAndReportsThem() throws Exception {
        List<String[]> rows = withBlanks();
        JsonNode dropped = run("panel", csv(rows, r -> true), concat(PANEL, "--missing", "drop"));
        JsonNode expected = run("panel", csv(rows, r -> !r[2].isEmpty() && !r[3].isEmpty()), PANEL);
        assertThat(dropped.get("coefficients")).isEqualTo(expected.get("coefficients"));
        assertThat(dropped.get("n").asInt()).isEqualTo(96 - 15);
        assertThat(dropped.at("/dropped/rows").asInt()).isEqualTo(15);
        assertThat(dropped.at("/dropped/units").toString()).isEqualTo("[\"D\"]");
        assertThat(dropped.at("/dropped/blankCells/y").asInt()).isEqualTo(13);
        assertThat(dropped.at("/dropped/blankCells/x").asInt()).isEqualTo(2);
        assertThat(dropped.at("/dropped/reason").asText()).contains("listwise deletion");
        assertThat(dropped.get("missing").asText()).isEqualTo("drop");
    }

    @Test
    void theExactRowsKept() throws Exception {
        String csv = csv(withBlanks(), r -> true);
        Panel panel = PanelReader.read(new StringReader(csv), "unit", "year", List.of(), List.of("y", "x"), List.of());
        Subset.Result kept = Subset.blanks(panel, List.of("y", "x"), List.of(), Subset.Missing.DROP);
        // header is line 1; B is lines 14..25 (2003 is 17), C 26..37 (2004, 2005 are 30, 31), D 38..49
        List<Long> lines = new ArrayList<>();
        for (long l : kept.panel().lines()) {
            lines.add(l);
        }
        assertThat(lines).doesNotContain(17L, 30L, 31L, 38L, 49L).contains(2L, 16L, 18L, 29L, 32L, 50L, 97L);
        assertThat(lines).hasSize(81);
        assertThat(kept.panel().units()).containsExactly("A", "B", "C", "E", "F", "G", "H");
        assertThat(kept.panel().times()).hasSize(12);
        int b = kept.panel().units().indexOf("B");
        long bRows = java.util.Arrays.stream(kept.panel().unitIndex())
                .filter(u -> u == b)
                .count();
        assertThat(bRows).isEqualTo(11);
    }

    private static final String[] SYNTH = {"--outcome", "y", "--treated", "A", "--treatment-start", "2006"};

    @Test
    void synthDropsDonorsWithBlanksAndEqualsAPanelWithoutThem() throws Exception {
        List<String[]> rows = withBlanks();
        String full = csv(rows, r -> true);
        assertThatThrownBy(() -> run("synth", full, SYNTH)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems().get(0).field()).isEqualTo("unit B");
            assertThat(e.problems().get(0).message()).contains("y: 2003");
            assertThat(e.problems().get(e.problems().size() - 1).message()).contains("missing=drop");
        });
        JsonNode dropped = run("synth", full, concat(SYNTH, "--missing", "drop"));
        JsonNode expected = run("synth", csv(rows, r -> !List.of("B", "D").contains(r[0])), SYNTH);
        assertThat(dropped.get("weights")).isEqualTo(expected.get("weights"));
        assertThat(dropped.get("series")).isEqualTo(expected.get("series"));
        assertThat(dropped.at("/dropped/units").toString()).isEqualTo("[\"B\",\"D\"]");
        assertThat(dropped.at("/dropped/rows").asInt()).isEqualTo(24);
        assertThat(dropped.at("/dropped/blankCells/B/0").asText()).isEqualTo("y: 2003");
        // C's blank x is not used by a synthetic control on y: C stays a donor
        assertThat(dropped.get("weights").has("C")).isTrue();
    }

    @Test
    void aTreatedUnitWithBlanksIsAnErrorNamingItAndThePeriods() throws Exception {
        List<String[]> rows = withBlanks();
        assertThatThrownBy(() -> run(
                        "synth",
                        csv(rows, r -> true),
                        "--outcome",
                        "y",
                        "--treated",
                        "B",
                        "--treatment-start",
                        "2006",
                        "--missing",
                        "drop"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().get(0).field()).isEqualTo("treated");
                    assertThat(e.problems().get(0).message()).contains("B").contains("y: 2003");
                });
    }

    @Test
    void eventStudyDropsBlankRows() throws Exception {
        List<String[]> rows = withBlanks();
        StringBuilder b = new StringBuilder("unit,year,y,x,start\n");
        for (String[] r : rows) {
            b.append(String.join(",", r[0], r[1], r[2], r[3], r[0].equals("A") || r[0].equals("E") ? "2006" : ""))
                    .append('\n');
        }
        StringBuilder clean = new StringBuilder("unit,year,y,x,start\n");
        for (String[] r : rows) {
            if (!r[2].isEmpty() && !r[3].isEmpty()) {
                clean.append(String.join(
                                ",", r[0], r[1], r[2], r[3], r[0].equals("A") || r[0].equals("E") ? "2006" : ""))
                        .append('\n');
            }
        }
        String[] args = {
            "--outcome", "y", "--regressor", "x", "--treatment-start", "start", "--leads", "2", "--lags", "2"
        };
        assertThatThrownBy(() -> run("event-study", b.toString(), args)).isInstanceOf(InvalidInputException.class);
        JsonNode dropped = run("event-study", b.toString(), concat(args, "--missing", "drop"));
        JsonNode expected = run("event-study", clean.toString(), args);
        assertThat(dropped.get("coefficients")).isEqualTo(expected.get("coefficients"));
        assertThat(dropped.at("/dropped/rows").asInt()).isEqualTo(15);
    }

    @Test
    void theDonorLimitSuggestsASubset() {
        StringBuilder b = new StringBuilder("unit,year,y\n");
        for (int u = 0; u <= EvidenceService.MAX_DONORS + 1; u++) {
            for (int year = 2000; year <= 2002; year++) {
                b.append("U").append(u).append(',').append(year).append(",1\n");
            }
        }
        Panel panel =
                PanelReader.read(new StringReader(b.toString()), "unit", "year", List.of("y"), List.of(), List.of());
        assertThatThrownBy(() -> EvidenceService.limits(panel, true, false))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).message())
                                .contains("has " + (EvidenceService.MAX_DONORS + 1))
                                .contains("unitFilter such as region=Western Africa"));
    }

    @Test
    void theCommandLineTablePrintsWhatWasDropped() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("panel", ".csv");
        try {
            java.nio.file.Files.writeString(file, csv(withBlanks(), r -> true));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int status = new EvidenceCommand()
                    .run(
                            List.of(concat(
                                    concat(new String[] {"panel"}, PANEL),
                                    "--panel",
                                    file.toString(),
                                    "--unit",
                                    "unit",
                                    "--time",
                                    "year",
                                    "--missing",
                                    "drop",
                                    "--where",
                                    "region=west")),
                            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                            System.err);
            assertThat(status).isZero();
            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("Dropped (--missing drop): 15 rows with a blank cell in y, x left out");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
