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
 * {@code java -jar bluehelm.jar complaints ...}:
 *
 * <ul>
 *   <li>{@code import FILE [--dry-run]} imports cases from CSV as the system (every scope), all or
 *       nothing; prints the number of cases, or each problem with its line, and exits 1 when nothing
 *       was written;
 *   <li>{@code purge [--dry-run]} deletes the closed cases whose retention period has ended (or only
 *       counts them, by category) and republishes the accountability indicators;
 *   <li>{@code republish} recomputes those indicator values now.
 * </ul>
 *
 * Exit status 2 on a usage error.
 */
@Component
class ComplaintCommand implements Command {

    private final CaseService cases;
    private final RetentionService retention;
    private final AccountabilityIndicatorPublisher publisher;

    ComplaintCommand(CaseService cases, RetentionService retention, AccountabilityIndicatorPublisher publisher) {
        this.cases = cases;
        this.retention = retention;
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return "complaints";
    }

    @Override
    public String usage() {
        return "complaints import FILE [--dry-run] | purge [--dry-run] | republish   import cases from CSV, delete"
                + " cases past their retention period, or republish the accountability indicators";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean dryRun = args.contains("--dry-run");
        List<String> rest = args.stream().filter(a -> !a.equals("--dry-run")).toList();
        String action = rest.isEmpty() ? "" : rest.get(0);
        if (action.equals("import") && rest.size() == 2) {
            return importCases(Path.of(rest.get(1)), dryRun, out, err);
        }
        if (action.equals("purge") && rest.size() == 1) {
            RetentionService.Purge result = retention.purge(dryRun);
            out.println(
                    (dryRun ? "Would delete " : "Deleted ") + result.total() + " case(s) past their retention period");
            result.byCategory().forEach((category, n) -> out.println("  " + category + ": " + n));
            return 0;
        }
        if (action.equals("republish") && rest.size() == 1 && !dryRun) {
            AccountabilityIndicatorPublisher.Published p = publisher.republish();
            out.println("Republished: " + p.created() + " created, " + p.updated() + " updated, " + p.deleted()
                    + " deleted, " + p.unchanged() + " unchanged, " + p.locked() + " locked");
            return 0;
        }
        err.println("Usage: " + usage());
        return 2;
    }

    private int importCases(Path file, boolean dryRun, PrintStream out, PrintStream err) throws Exception {
        if (!Files.isReadable(file)) {
            err.println("Cannot read " + file);
            return 2;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int count = cases.importCsv(reader, dryRun, AccessScope.SYSTEM);
            out.println((dryRun ? "Would import " : "Imported ") + count + " case(s)");
            return 0;
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                err.println(p.field() + ": " + p.message());
            }
            err.println("Nothing imported");
            return 1;
        }
    }
}
