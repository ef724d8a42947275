package org.bluehelm.bench;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of {@code bench analytics}: {@code --values N} (default 10,000,000),
 * {@code --store h2|postgres} (default h2), {@code --runs N} timed queries per measure (default
 * 30), {@code --schema NAME} for PostgreSQL (default a fresh {@code bluehelm_bench_*} schema,
 * dropped afterwards), {@code --keep} to keep the database, and {@code --load import|direct}: load
 * the values through the import users take (a DHIS2 CSV file through the import service, rollups
 * kept up to date as it writes; the default) or straight into the table followed by a rebuild.
 */
record BenchOptions(
        String target,
        long values,
        String store,
        int runs,
        @Nullable String schema,
        boolean keep,
        String load) {

    static final long DEFAULT_VALUES = 10_000_000;

    /** Parses the arguments, or throws {@link IllegalArgumentException} with what is wrong. */
    static BenchOptions parse(List<String> args) {
        String target = null;
        long values = DEFAULT_VALUES;
        String store = "h2";
        int runs = 30;
        String schema = null;
        boolean keep = false;
        String load = "import";
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--values" -> values = parseLong(name, inline != null ? inline : next(args, ++i, name));
                case "--store" -> store = inline != null ? inline : next(args, ++i, name);
                case "--runs" -> runs = (int) parseLong(name, inline != null ? inline : next(args, ++i, name));
                case "--schema" -> schema = inline != null ? inline : next(args, ++i, name);
                case "--keep" -> keep = true;
                case "--load" -> load = inline != null ? inline : next(args, ++i, name);
                default -> {
                    if (arg.startsWith("-") || target != null) {
                        throw new IllegalArgumentException("unknown argument '" + arg + "'");
                    }
                    target = arg;
                }
            }
        }
        if (!"analytics".equals(target)) {
            throw new IllegalArgumentException("name what to benchmark: 'analytics'");
        }
        if (!store.equals("h2") && !store.equals("postgres")) {
            throw new IllegalArgumentException("--store must be h2 or postgres");
        }
        if (!load.equals("import") && !load.equals("direct")) {
            throw new IllegalArgumentException("--load must be import or direct");
        }
        if (values < 1000 || values > 100_000_000) {
            throw new IllegalArgumentException("--values must be between 1000 and 100000000");
        }
        if (runs < 1 || runs > 10_000) {
            throw new IllegalArgumentException("--runs must be between 1 and 10000");
        }
        if (schema != null && !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("--schema must be a lower-case identifier");
        }
        return new BenchOptions(target, values, store, runs, schema, keep, load);
    }

    private static String next(List<String> args, int i, String name) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(i);
    }

    private static long parseLong(String name, String text) {
        try {
            return Long.parseLong(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
        }
    }
}
