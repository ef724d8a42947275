package org.bluehelm.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.bluehelm.test.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An existing store upgraded to values kept in blocks (V0046-V0048): every value stored before is
 * read back through {@code data_value} with its key, period, number, comment, author, time and
 * version, from the blocks it was moved into.
 */
class DataBlockMigrationIT {

    private final String schema =
            "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final boolean postgres = TestDatabase.postgres();
    private final DataSource dataSource = dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    @AfterEach
    void dropSchema() throws SQLException {
        if (postgres) {
            try (Connection c = dataSource.getConnection()) {
                c.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    @Test
    void valuesStoredBeforeTheUpgradeAreReadFromTheirBlocks() {
        flyway("0045").migrate();
        jdbc.sql("insert into country (iso3, name_en, name_fr) values ('LBR', 'Liberia', 'Libéria')")
                .update();
        long unit = key("""
                insert into org_unit (code, name, kind, level, path, country_code)
                values ('MONTSERRADO', 'Montserrado', 'AREA', 1, '/', 'LBR')""");
        long indicator = key("""
                insert into indicator (code, name, unit, value_type, aggregation, direction, dimension)
                values ('TRAINED', 'Officers trained', 'officers', 'INTEGER', 'SUM', 'HIGHER_IS_BETTER', 'CAPACITY')""");
        String insert = """
                insert into data_value (indicator_id, org_unit_id, period_id, period_type, start_date, end_date,
                                        option_key, value, comment, country_code, stored_by, stored_at, version)
                values (:indicator, :unit, :period, :type, cast(:start as date), cast(:end as date), 0, :value,
                        :comment, 'LBR', :who, cast(:at as timestamp with time zone), :version)""";
        Object[][] rows = {
            {"202401", "MONTHLY", "2024-01-01", "2024-01-31", 12, null, "amara", 1},
            {"202403", "MONTHLY", "2024-03-01", "2024-03-31", 14.5, "recount", "amara", 3},
            {"202512", "MONTHLY", "2025-12-01", "2025-12-31", 9, null, "joseph", 1},
            {"2024Q2", "QUARTERLY", "2024-04-01", "2024-06-30", 40, null, "joseph", 2},
            {"2026W01", "WEEKLY", "2025-12-29", "2026-01-04", 3, null, "amara", 1},
            {"20241231", "DAILY", "2024-12-31", "2024-12-31", 1, null, "amara", 1},
            {"2024", "YEARLY", "2024-01-01", "2024-12-31", 150, "annual", "joseph", 1}
        };
        for (Object[] r : rows) {
            jdbc.sql(insert)
                    .param("indicator", indicator)
                    .param("unit", unit)
                    .param("period", r[0])
                    .param("type", r[1])
                    .param("start", r[2])
                    .param("end", r[3])
                    .param("value", new java.math.BigDecimal(r[4].toString()))
                    .param("comment", r[5])
                    .param("who", r[6])
                    .param("at", "2024-05-01T10:00:00Z")
                    .param("version", r[7])
                    .update();
        }

        flyway(null).migrate();

        List<Map<String, Object>> values = jdbc.sql("""
                        select period_id, period_type, start_date, end_date, value, comment, stored_by, version, id
                          from data_value where indicator_id = :indicator and org_unit_id = :unit
                         order by start_date, period_type""")
                .param("indicator", indicator)
                .param("unit", unit)
                .query()
                .listOfRows();
        assertThat(values)
                .extracting(v -> v.get("period_id"))
                .containsExactly("202401", "2024", "202403", "2024Q2", "20241231", "202512", "2026W01");
        Map<String, Object> march = values.get(2);
        assertThat(((Number) march.get("value")).doubleValue()).isEqualTo(14.5);
        assertThat(march.get("comment")).isEqualTo("recount");
        assertThat(march.get("stored_by")).isEqualTo("amara");
        assertThat(((Number) march.get("version")).intValue()).isEqualTo(3);
        assertThat(values.get(6).get("start_date").toString()).isEqualTo("2025-12-29");
        // one block per period type and year: months of 2024, of 2025, the quarter, the week's
        // year 2026, the day, the year
        assertThat(jdbc.sql("select count(*) from data_block").query(Long.class).single())
                .isEqualTo(6);
        assertThat(jdbc.sql("select sum(filled) from data_block")
                        .query(Long.class)
                        .single())
                .isEqualTo(7);
        // a value's id finds it again
        long id = ((Number) march.get("id")).longValue();
        assertThat(jdbc.sql("select period_id from data_value where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("202403");
    }

    private long key(String sql) {
        jdbc.sql(sql).update();
        return jdbc.sql("select max(id) from " + (sql.contains("org_unit") ? "org_unit" : "indicator"))
                .query(Long.class)
                .single();
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure()
                .dataSource(dataSource)
                .locations(
                        "classpath:db/migration/common", "classpath:db/migration/" + (postgres ? "postgresql" : "h2"));
        if (postgres) {
            config.schemas(schema).defaultSchema(schema);
        }
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private DataSource dataSource() {
        if (postgres) {
            String url = env("BLUEHELM_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/bluehelm_test")
                    .replaceAll("[?&]currentSchema=[^&]*", "");
            String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new DriverManagerDataSource(
                    withSchema, env("BLUEHELM_TEST_PG_USER", "bluehelm"), env("BLUEHELM_TEST_PG_PASSWORD", ""));
        }
        return new DriverManagerDataSource(
                "jdbc:h2:mem:" + schema + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,KEY;DB_CLOSE_DELAY=-1",
                "sa",
                "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
