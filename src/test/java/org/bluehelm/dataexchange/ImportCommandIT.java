package org.bluehelm.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluehelm.indicator.IndicatorFixtures.admin;
import static org.bluehelm.indicator.IndicatorFixtures.createIndicator;
import static org.bluehelm.indicator.IndicatorFixtures.orgUnit;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bluehelm.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The import command as the jar runs it (the bean the dispatcher picks by name), end to end. */
@IntegrationTest
class ImportCommandIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    List<org.bluehelm.cli.Command> commands;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        org.bluehelm.cli.Command command = commands.stream()
                .filter(c -> c.name().equals("import"))
                .findFirst()
                .orElseThrow();
        out.reset();
        err.reset();
        return command.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private long total(long indicator) throws Exception {
        return ((Number) JsonPath.read(
                        mvc.perform(get("/api/v1/dataValues")
                                        .param("indicator", String.valueOf(indicator))
                                        .with(admin()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.total"))
                .longValue();
    }

    @Test
    void theCommandImportsAFileAsAUserOrTheSystemAndPrintsTheSummary() throws Exception {
        var created = createIndicator(mvc, admin(), "\"valueType\":\"INTEGER\",\"countryCode\":\"LBR\"");
        long indicator = org.bluehelm.indicator.IndicatorFixtures.id(created);
        String code = JsonPath.read(created.getResponse().getContentAsString(), "$.code");
        long unit = orgUnit(mvc, "LBR");
        String unitCode = JsonPath.read(
                mvc.perform(get("/api/v1/orgUnits/{id}", unit).with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.code");
        Path file = dir.resolve("values.csv");
        Files.writeString(file, code + ",2024Q1," + unitCode + ",,,5\n" + code + ",2024Q2," + unitCode + ",,,6\n");

        assertThat(run(file.toString(), "--dry-run", "--user", "admin")).isZero();
        assertThat(out.toString()).contains("SUCCESS (dry run", "imported:  2");
        assertThat(err.toString()).contains("2 rows read");
        assertThat(total(indicator)).isZero();

        assertThat(run(file.toString(), "--format", "dhis2-csv", "--id-scheme", "code"))
                .isZero();
        assertThat(out.toString()).contains("imported:  2", "conflicts: 0");
        assertThat(total(indicator)).isEqualTo(2);

        Path ids = dir.resolve("values.json");
        Files.writeString(ids, """
                {"dataValues":[{"dataElement":"%d","period":"2024Q3","orgUnit":"%d","value":"7"},
                               {"dataElement":"%d","period":"2024Q4","orgUnit":"%d","value":"many"}]}""".formatted(indicator, unit, indicator, unit));
        assertThat(run(ids.toString(), "--id-scheme", "id", "--user", "admin")).isEqualTo(1);
        // the second entry begins on line 2 of the file
        assertThat(out.toString()).contains("ERROR", "line 2, value 'many': 'many' is not a number");
        assertThat(total(indicator)).isEqualTo(2);

        assertThat(run(file.toString(), "--strategy", "delete", "--user", "admin"))
                .isZero();
        assertThat(out.toString()).contains("SUCCESS", "deleted:   2");
        assertThat(total(indicator)).isZero();

        assertThat(run(file.toString(), "--user", "nobody-" + System.nanoTime()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("There is no user");
        assertThat(run(file.toString(), "--strategy")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: java -jar bluehelm.jar import FILE");
        Path unknown = dir.resolve("values.txt");
        Files.writeString(unknown, "x");
        assertThat(run(unknown.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--format");

        // semicolons, as Excel saves CSV in French
        Path semicolons = dir.resolve("valeurs.csv");
        Files.writeString(
                semicolons,
                "dataElement;period;orgUnit;value;comment\r\n" + code + ";2025Q1;" + unitCode + ";8;\"vu, ok\"\r\n");
        assertThat(run(semicolons.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("SUCCESS", "rows read: 1", "imported:  1", "conflicts: 0");
        assertThat(total(indicator)).isEqualTo(1);
    }

    @Test
    void aFileWithoutDataRowsFailsWithItsReasonAndExitStatusOne() throws Exception {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertThat(run(empty.toString(), "--user", "admin")).isEqualTo(1);
        assertThat(err.toString()).contains("Import failed: empty.csv has no data rows");
        assertThat(out.toString()).isEmpty();

        Path headerOnly = dir.resolve("header.csv");
        Files.writeString(headerOnly, "dataElement,period,orgUnit,categoryOptionCombo,value\n");
        assertThat(run(headerOnly.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Import failed: header.csv has no data rows");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"dataValues\":[{\"dataElement\":\"x\",}]}");
        assertThat(run(broken.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Import failed: broken.json is not valid JSON (line 1");
    }
}
