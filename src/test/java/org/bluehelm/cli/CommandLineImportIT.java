package org.bluehelm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bluehelm.BluehelmApplication;
import org.bluehelm.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar bluehelm.jar import FILE} in-process: the dispatcher starts the application
 * without a web server on a fresh H2 file (with the demo dataset, whose codes the file uses), runs
 * the import command and returns its exit status. H2 lane only: it makes its own database.
 */
class CommandLineImportIT {

    @TempDir
    Path dir;

    @Test
    void theJarRunsTheImportCommandInsteadOfTheServer() throws Exception {
        assumeFalse(TestDatabase.postgres());
        Path file = dir.resolve("hearings.csv");
        Files.writeString(file, "demo_oversight_hearings,2031Q1,DEMO-LBR,,,3\n");
        Map<String, String> properties = Map.of(
                "spring.datasource.url",
                "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,KEY",
                "bluehelm.data-dir",
                dir.toString(),
                "bluehelm.admin.password",
                "cli-test-password");
        properties.forEach(System::setProperty);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int status = CommandLine.run(
                    BluehelmApplication.class,
                    new String[] {"import", file.toString(), "--user", "admin"},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(status).as(err.toString()).isZero();
            assertThat(out.toString()).contains("SUCCESS", "imported:  1");

            // cases from CSV: a bad line writes nothing, a good file is imported; purge counts
            Path cases = dir.resolve("cases.csv");
            Files.writeString(cases, """
                    category,description,occurred_on,country,org_unit,institution_id
                    EXCESSIVE_FORCE,Beaten at a checkpoint,2026-01-03,LBR,,
                    NOT_A_CATEGORY,Second case,2026-01-04,LBR,,
                    """);
            ByteArrayOutputStream caseErr = new ByteArrayOutputStream();
            status = CommandLine.run(
                    BluehelmApplication.class,
                    new String[] {"complaints", "import", cases.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(caseErr, true, StandardCharsets.UTF_8));
            assertThat(status).as(caseErr.toString()).isEqualTo(1);
            assertThat(caseErr.toString()).contains("line 3 category", "Nothing imported");
            Files.writeString(cases, """
                    category,description,occurred_on,country,org_unit,institution_id
                    EXCESSIVE_FORCE,Beaten at a checkpoint,2026-01-03,LBR,,
                    OTHER,Second case,2026-01-04,LBR,,
                    """);
            ByteArrayOutputStream caseOut = new ByteArrayOutputStream();
            status = CommandLine.run(
                    BluehelmApplication.class,
                    new String[] {"complaints", "import", cases.toString()},
                    new PrintStream(caseOut, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(status).as(err.toString()).isZero();
            assertThat(caseOut.toString()).contains("Imported 2 case(s)");
            status = CommandLine.run(
                    BluehelmApplication.class,
                    new String[] {"complaints", "purge", "--dry-run"},
                    new PrintStream(caseOut, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(status).as(err.toString()).isZero();
            assertThat(caseOut.toString()).contains("Would delete 0 case(s)");

            status = CommandLine.run(
                    BluehelmApplication.class,
                    new String[] {"no-such-command"},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(status).isEqualTo(2);
            assertThat(err.toString())
                    .contains("Unknown command 'no-such-command'", "import FILE", "complaints import FILE");
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }
}
