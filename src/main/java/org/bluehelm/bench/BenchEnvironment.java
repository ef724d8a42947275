package org.bluehelm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bluehelm.cli.CommandLine;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at a fresh database before it starts, when it runs {@code bench}: an H2
 * file in a new temporary folder, or a new schema in the configured PostgreSQL database
 * ({@code BLUEHELM_DB_URL}, {@code _USER}, {@code _PASSWORD}). Does nothing otherwise. Registered
 * in {@code META-INF/spring.factories}.
 */
public class BenchEnvironment implements EnvironmentPostProcessor {

    static final String SCHEMA_PROPERTY = "bluehelm.bench.schema";
    static final String FOLDER_PROPERTY = "bluehelm.bench.folder";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"bench".equals(environment.getProperty(CommandLine.COMMAND_PROPERTY))) {
            return;
        }
        List<String> args = CommandLine.arguments(environment.getProperty(CommandLine.ARGS_PROPERTY, ""));
        Map<String, Object> p = new HashMap<>();
        if (!args.isEmpty() && args.get(0).equals("report") && ReportBench.postgres(args)) {
            p.put("bluehelm.demo.enabled", "false");
            p.put("bluehelm.lessons.catch-up", "PT24H"); // the bench drops its schema while the application still runs
            postgres(p, ReportBench.schema(args));
            environment.getPropertySources().addFirst(new MapPropertySource("bluehelm-bench", p));
            return;
        }
        if (!args.isEmpty() && (args.get(0).equals("synth") || args.get(0).equals("report"))) {
            // no database work: an empty in-memory store and a data folder removed when the run ends
            Path folder = temporaryFolder();
            deleteOnExit(folder);
            p.put("bluehelm.demo.enabled", "false");
            p.put("bluehelm.lessons.catch-up", "PT24H"); // the bench drops its schema while the application still runs
            p.put("bluehelm.data-dir", folder.toString());
            p.put(
                    "spring.datasource.url",
                    "jdbc:h2:mem:bench-" + args.get(0)
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,KEY");
            p.put("spring.datasource.username", "sa");
            p.put("spring.datasource.password", "");
            environment.getPropertySources().addFirst(new MapPropertySource("bluehelm-bench", p));
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            return; // the command reports it
        }
        p.put("bluehelm.demo.enabled", "false");
        p.put("bluehelm.lessons.catch-up", "PT24H"); // the bench drops its schema while the application still runs
        p.put("spring.datasource.hikari.maximum-pool-size", "6");
        if (options.store().equals("postgres")) {
            postgres(p, options.schema());
        } else {
            Path folder = options.folder() != null ? Path.of(options.folder()) : temporaryFolder();
            p.put("bluehelm.data-dir", folder.toString());
            p.put(
                    "spring.datasource.url",
                    "jdbc:h2:file:" + folder.resolve("bluehelm")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,KEY;WRITE_DELAY=0;TRACE_LEVEL_FILE=0;"
                            // measure the work, not H2 handing back the previous result of an identical query
                            + "OPTIMIZE_REUSE_RESULTS=FALSE");
            p.put("spring.datasource.username", "sa");
            p.put("spring.datasource.password", "");
            p.put(FOLDER_PROPERTY, folder.toString());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("bluehelm-bench", p));
    }

    /** A new schema (or the given one) in the configured PostgreSQL database. */
    private static void postgres(Map<String, Object> p, @Nullable String given) {
        String schema = given != null
                ? given
                : "bluehelm_bench_" + UUID.randomUUID().toString().substring(0, 8);
        String url = env("BLUEHELM_DB_URL", "jdbc:postgresql://127.0.0.1:5432/bluehelm");
        url = url.replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
        url += (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&reWriteBatchedInserts=true"
                + "&ApplicationName=bluehelm-bench-" + schema;
        p.put("spring.datasource.url", url);
        p.put("spring.datasource.username", env("BLUEHELM_DB_USER", "bluehelm"));
        p.put("spring.datasource.password", env("BLUEHELM_DB_PASSWORD", ""));
        p.put("spring.flyway.schemas", schema);
        p.put("spring.flyway.default-schema", schema);
        p.put(SCHEMA_PROPERTY, schema);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("bluehelm-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteOnExit(Path folder) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is harmless
            }
        }));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
