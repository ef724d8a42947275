package org.bluehelm.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of the jar ({@code java -jar bluehelm.jar <name> args...}): a bean that parses its
 * arguments, calls services and prints. The command line is another adapter: no logic of its own.
 */
public interface Command {

    /** The first argument that selects the command, e.g. {@code bench}. */
    String name();

    /** One line on how to call it, shown by the usage message. */
    String usage();

    /**
     * Runs with the arguments after the name; prints results to {@code out} and progress to
     * {@code err}.
     *
     * @return the process exit status: 0 for success, 2 for a usage error, 1 for a failure
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
