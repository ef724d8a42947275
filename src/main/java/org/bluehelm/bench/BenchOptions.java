package org.bluehelm.bench;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of {@code bench analytics}: {@code --values N} (default 10,000,000),
 * {@code --store h2|postgres} (default h2), {@code --runs N} timed queries per measure (default
 * 100), {@code --schema NAME} for PostgreSQL (default a fresh {@code bluehelm_bench_*} schema,
 * dropped afterwards), {@code --keep} to keep the database, and {@code --load import|direct}: load
 * the values through the import users take (a DHIS2 CSV file through the import service, rollups
 * kept up to date as it writes; the default) or straight into the table followed by a rebuild.
 * {@code --reuse} measures a database kept by an earlier {@code --keep} run instead of loading one
 * (with {@code --schema} on PostgreSQL, {@code --folder} on H2), so that two builds of the code can
 * be measured on the same data, one after the other; the database is kept. {@code --reimport}
 * imports the same file a second time after the first import (every row repeats its stored value,
 * so every row is checked and ignored, nothing written), as users re-send a data set they sent before.
 */
record BenchOptions(
        String target,
        long values,
        String store,
        int runs,
        @Nullable String schema,
        boolean keep,
        String load,
        boolean reuse,
        @Nullable String folder,
        boolean reimport) {

    static final long DEFAULT_VALUES = 10_000_000;

    /** Parses the arguments, or throws {@link IllegalArgumentException} with what is wrong. */
    static BenchOptions parse(List<String> args) {
        String target = null;
        long values = DEFAULT_VALUES;
        String store = "h2";
        int runs = 100;
        String schema = null;
        boolean keep = false;
        String load = "import";
        boolean reuse = false;
        String folder = null;
        boolean reimport = false;
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
                case "--reuse" -> reuse = true;
                case "--folder" -> folder = inline != null ? inline : next(args, ++i, name);
                case "--reimport" -> reimport = true;
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
        if (reuse && store.equals("postgres") && schema == null) {
            throw new IllegalArgumentException("--reuse on PostgreSQL needs the --schema of the kept database");
        }
        if (reuse && store.equals("h2") && folder == null) {
            throw new IllegalArgumentException("--reuse on H2 needs the --folder of the kept database");
        }
        if (folder != null && (!reuse || !store.equals("h2"))) {
            throw new IllegalArgumentException("--folder names a kept H2 database, with --reuse");
        }
        if (reimport && (reuse || !load.equals("import"))) {
            throw new IllegalArgumentException("--reimport re-imports the file of --load import, without --reuse");
        }
        return new BenchOptions(target, values, store, runs, schema, keep || reuse, load, reuse, folder, reimport);
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
