package org.bluehelm.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Which database a data source reaches, for the few statements that differ between H2 and PostgreSQL. */
public final class Databases {

    private Databases() {}

    /** Whether the data source is a PostgreSQL server (otherwise the embedded H2 store). */
    public static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }
}
