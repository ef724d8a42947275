package org.bluehelm.test;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database an integration test runs on: an in-memory H2 in PostgreSQL mode (the default lane),
 * or a PostgreSQL server when the build runs the PostgreSQL lane ({@code -Dbluehelm.test.postgres},
 * which sets {@code bluehelm.test.db=postgres}).
 */
public final class TestDatabase {

    private TestDatabase() {}

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("bluehelm.test.db"));
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (postgres()) {
            registry.add(
                    "spring.datasource.url",
                    () -> env("BLUEHELM_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/bluehelm_test"));
            registry.add("spring.datasource.username", () -> env("BLUEHELM_TEST_PG_USER", "bluehelm"));
            registry.add("spring.datasource.password", () -> env("BLUEHELM_TEST_PG_PASSWORD", ""));
        } else {
            String name = "bluehelm-" + UUID.randomUUID();
            registry.add(
                    "spring.datasource.url",
                    () -> "jdbc:h2:mem:" + name
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,KEY;DB_CLOSE_DELAY=-1");
            registry.add("spring.datasource.username", () -> "sa");
            registry.add("spring.datasource.password", () -> "");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
