package org.bluehelm.complaint;

import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bluehelm.cli.Command;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar bluehelm.jar complaints import FILE [--dry-run]}: imports cases from CSV as the
 * system (every scope), all or nothing. Prints the number of cases, or each problem with its line;
 * exits 0 when imported (or importable, in a dry run), 1 when nothing was written, 2 on a usage error.
 */
@Component
class CaseImportCommand implements Command {

    private final CaseService cases;

    CaseImportCommand(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public String name() {
        return "complaints";
    }

    @Override
    public String usage() {
        return "complaints import FILE [--dry-run]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean dryRun = args.contains("--dry-run");
        List<String> rest = args.stream().filter(a -> !a.equals("--dry-run")).toList();
        if (rest.size() != 2 || !rest.get(0).equals("import")) {
            err.println("usage: " + usage());
            return 2;
        }
        Path file = Path.of(rest.get(1));
        if (!Files.isReadable(file)) {
            err.println("cannot read " + file);
            return 2;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int count = cases.importCsv(reader, dryRun, AccessScope.SYSTEM);
            out.println((dryRun ? "would import " : "imported ") + count + " case(s)");
            return 0;
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                err.println(p.field() + ": " + p.message());
            }
            err.println("nothing imported");
            return 1;
        }
    }
}
