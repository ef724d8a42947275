package org.bluehelm.audit;

import java.io.PrintStream;
import java.util.List;
import org.bluehelm.cli.Command;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar bluehelm.jar audit verify}: checks every entry, tree head and signature of the
 * audit log and prints OK or each problem (exit status 1); {@code audit sign} signs a tree head now.
 */
@Component
class AuditCommand implements Command {

    private final AuditVerifier verifier;
    private final AuditLog log;

    AuditCommand(AuditVerifier verifier, AuditLog log) {
        this.verifier = verifier;
        this.log = log;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String usage() {
        return "audit verify|sign   check the audit log's hashes and signed tree heads, or sign a tree head now";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("Usage: " + usage());
            return 2;
        }
        switch (args.get(0)) {
            case "verify" -> {
                List<String> problems = verifier.verify();
                if (problems.isEmpty()) {
                    out.println("OK");
                    return 0;
                }
                problems.forEach(p -> out.println("PROBLEM: " + p));
                return 1;
            }
            case "sign" -> {
                TreeHeadView head = log.signTreeHead();
                out.println(
                        "Signed tree head " + head.id() + ": " + head.treeSize() + " entries, root " + head.rootHash());
                return 0;
            }
            default -> {
                err.println("Usage: " + usage());
                return 2;
            }
        }
    }
}
