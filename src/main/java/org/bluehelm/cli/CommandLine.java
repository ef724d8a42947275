package org.bluehelm.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a command instead of the web server when the jar's first argument is a word (not an
 * option such as {@code --server.port=9000}): starts the application without a web server, hands
 * the remaining arguments to the {@link Command} bean of that name, closes the application and
 * returns the command's exit status. Without arguments the server starts as usual.
 */
public final class CommandLine {

    /** The property naming the command being run (set for the whole application). */
    public static final String COMMAND_PROPERTY = "bluehelm.command.name";

    /** The command's arguments, separated by {@link #SEPARATOR}, for environment preparation. */
    public static final String ARGS_PROPERTY = "bluehelm.command.args";

    public static final String SEPARATOR = "\u001f";

    private CommandLine() {}

    /** Whether the arguments ask for a command rather than the server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].isBlank() && !args[0].startsWith("-");
    }

    /** The arguments of the running command, as {@link #ARGS_PROPERTY} holds them. */
    public static List<String> arguments(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR, -1));
    }

    /** Starts the application without a web server, runs the command and returns its exit status. */
    public static int run(Class<?> application, String[] args) {
        // the command's output alone goes to standard output; logs and banners go to standard error
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            return run(application, args, out, System.err);
        } finally {
            out.flush();
        }
    }

    static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String name = args[0];
        List<String> rest = List.of(args).subList(1, args.length);
        if (System.getProperty("logging.level.root") == null) {
            System.setProperty("logging.level.root", "WARN");
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(COMMAND_PROPERTY, name);
        properties.put(ARGS_PROPERTY, String.join(SEPARATOR, rest));
        app.setDefaultProperties(properties);
        try (ConfigurableApplicationContext context = app.run()) {
            Map<String, Command> commands = new LinkedHashMap<>();
            context.getBeansOfType(Command.class).values().stream()
                    .sorted(Comparator.comparing(Command::name))
                    .forEach(c -> commands.put(c.name(), c));
            Command command = commands.get(name);
            if (command == null) {
                err.println("Unknown command '" + name + "'. Commands:");
                commands.values().forEach(c -> err.println("  " + c.usage()));
                err.println("Without a command, the web server starts.");
                return 2;
            }
            return command.run(rest, out, err);
        } catch (Exception e) {
            err.println("Command '" + name + "' failed: " + e);
            return 1;
        }
    }
}
