package org.bluehelm.complaint;

import java.io.PrintStream;
import java.util.List;
import org.bluehelm.cli.Command;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar bluehelm.jar complaints purge [--dry-run]}: deletes the closed cases whose
 * retention period has ended (or only lists how many, by category) and republishes the accountability
 * indicators; {@code complaints republish} recomputes those indicator values now.
 */
@Component
class ComplaintCommand implements Command {

    private final RetentionService retention;
    private final AccountabilityIndicatorPublisher publisher;

    ComplaintCommand(RetentionService retention, AccountabilityIndicatorPublisher publisher) {
        this.retention = retention;
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return "complaints";
    }

    @Override
    public String usage() {
        return "complaints purge [--dry-run]|republish   delete cases past their retention period, or republish"
                + " the accountability indicators";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() == 1 && args.get(0).equals("republish")) {
            AccountabilityIndicatorPublisher.Published p = publisher.republish();
            out.println("Republished: " + p.created() + " created, " + p.updated() + " updated, " + p.deleted()
                    + " deleted, " + p.unchanged() + " unchanged, " + p.locked() + " locked");
            return 0;
        }
        boolean purge = !args.isEmpty() && args.get(0).equals("purge");
        boolean dryRun = args.size() == 2 && args.get(1).equals("--dry-run");
        if (!purge || args.size() > 2 || (args.size() == 2 && !dryRun)) {
            err.println("Usage: " + usage());
            return 2;
        }
        RetentionService.Purge result = retention.purge(dryRun);
        out.println((dryRun ? "Would delete " : "Deleted ") + result.total() + " case(s) past their retention period");
        result.byCategory().forEach((category, n) -> out.println("  " + category + ": " + n));
        return 0;
    }
}
