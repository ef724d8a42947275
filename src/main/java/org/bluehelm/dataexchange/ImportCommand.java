package org.bluehelm.dataexchange;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bluehelm.cli.Command;
import org.bluehelm.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar bluehelm.jar import FILE [--dry-run] [--format csv|json|xlsx|dhis2-csv|dhis2-json]
 * [--id-scheme code|id] [--strategy create_and_update|create|update|delete] [--atomic-mode all|none]
 * [--user USERNAME]}: imports a file as the named user (within their scope; they need a role that
 * enters data) or, without {@code --user}, as the system (every scope). Prints the rows read while
 * it runs, then the summary and the conflicts; exits 0 when values were imported or deleted (or
 * would be, in a dry run), 1 when the import wrote nothing because of conflicts or failed, 2 on a usage error.
 */
@Component
class ImportCommand implements Command {

    private static final Set<String> ENTERS_DATA =
            Set.of("ROLE_ADMIN", "ROLE_MISSION_MANAGER", "ROLE_DATA_STEWARD", "ROLE_PARTNER");

    private final ImportService imports;
    private final UserDetailsService users;

    ImportCommand(ImportService imports, UserDetailsService users) {
        this.imports = imports;
        this.users = users;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "import FILE [--dry-run] [--format csv|json|xlsx|dhis2-csv|dhis2-json] [--id-scheme code|id]"
                + " [--strategy create_and_update|create|update|delete] [--atomic-mode all|none] [--user USERNAME]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path file = null;
        String format = null;
        String idScheme = null;
        String strategy = null;
        String atomicMode = null;
        String user = null;
        boolean dryRun = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--dry-run" -> dryRun = true;
                case "--format", "--id-scheme", "--strategy", "--atomic-mode", "--user" -> {
                    if (i + 1 >= args.size()) {
                        return usage(err, arg + " needs a value");
                    }
                    String value = args.get(++i);
                    switch (arg) {
                        case "--format" -> format = value;
                        case "--id-scheme" -> idScheme = value;
                        case "--strategy" -> strategy = value;
                        case "--atomic-mode" -> atomicMode = value;
                        default -> user = value;
                    }
                }
                default -> {
                    if (arg.startsWith("--") || file != null) {
                        return usage(err, "unexpected argument " + arg);
                    }
                    file = Path.of(arg);
                }
            }
        }
        if (file == null) {
            return usage(err, "name the file to import");
        }
        if (!Files.isReadable(file)) {
            err.println("Cannot read " + file);
            return 2;
        }
        ImportOptions options;
        try {
            ImportFormat chosen =
                    format != null ? ImportFormat.named("--format", format) : ImportFormat.ofFileName(file.toString());
            if (chosen == null) {
                return usage(err, "cannot tell the format from the file name; give --format");
            }
            options = DataValueSetApiController.options(
                            chosen, dryRun, strategy, idScheme, null, null, atomicMode, null)
                    .withFileName(file.getFileName().toString());
        } catch (InvalidInputException e) {
            return usage(err, e.getMessage());
        }
        try {
            if (user != null) {
                if (!signIn(user, err)) {
                    return 1;
                }
            }
            ImportSummary summary = imports.importFile(file, options, rows -> err.println("  " + rows + " rows read"));
            print(summary, out);
            return summary.status() == ImportSummary.Status.ERROR ? 1 : 0;
        } catch (InvalidInputException e) {
            // said as the API's errors are, each problem after its field; the file by its name
            Path named = file.getFileName();
            err.println("Import failed: "
                    + e.problems().stream()
                            .map(p -> (p.field().equals("file") ? named.toString() : p.field()) + " " + p.message())
                            .collect(Collectors.joining("; ")));
            return 1;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Runs the import as the user: their roles and scope, as if they had signed in. */
    private boolean signIn(String username, PrintStream err) {
        UserDetails details;
        try {
            details = users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            err.println("There is no user " + username);
            return false;
        }
        if (!details.isEnabled()) {
            err.println("User " + username + " is disabled");
            return false;
        }
        boolean entersData = details.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(ENTERS_DATA::contains);
        if (!entersData) {
            err.println("User " + username + " may not import data: it takes the role ADMIN, MISSION_MANAGER,"
                    + " DATA_STEWARD or PARTNER");
            return false;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return true;
    }

    private static void print(ImportSummary s, PrintStream out) {
        out.println("Import " + s.jobId() + ": " + s.status() + (s.dryRun() ? " (dry run: nothing written)" : ""));
        out.println("  rows read: " + s.rowsRead());
        out.println("  imported:  " + s.importCount().imported());
        out.println("  updated:   " + s.importCount().updated());
        out.println("  ignored:   " + s.importCount().ignored());
        if (s.strategy() == ImportStrategy.DELETE) {
            out.println("  deleted:   " + s.importCount().deleted());
        }
        out.println("  conflicts: " + s.conflictCount());
        for (ImportConflict c : s.conflicts()) {
            out.println("  line " + c.line() + ", " + c.field() + value(c.value()) + ": " + c.message());
        }
        if (s.conflictCount() > s.conflicts().size()) {
            out.println("  ... and " + (s.conflictCount() - s.conflicts().size()) + " more");
        }
    }

    private static String value(@Nullable String value) {
        return value == null ? "" : " '" + value + "'";
    }

    private int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("Usage: java -jar bluehelm.jar " + usage());
        return 2;
    }
}
