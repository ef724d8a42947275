package org.bluehelm.capacity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionView;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ForbiddenException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Small things every capacity service does the same way: scope checks, generated ids, names. */
final class Records {

    private Records() {}

    static void requireWritable(@Nullable Long missionId, String countryCode) {
        if (!AccessScope.current().canRead(missionId, countryCode)) {
            throw new ForbiddenException(
                    missionId == null
                            ? "Your scope does not cover " + countryCode
                            : "Your scope does not cover mission " + missionId + " in " + countryCode);
        }
    }

    /** Runs an insert and returns the id the database generated. */
    static long insert(JdbcClient.StatementSpec insert) {
        KeyHolder key = new GeneratedKeyHolder();
        insert.update(key, "id");
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String institutionName(InstitutionService institutions, long id) {
        return institutions.view(id).map(Records::name).orElse("#" + id);
    }

    static String name(InstitutionView i) {
        return i.acronym() == null ? i.name() : i.name() + " (" + i.acronym() + ")";
    }
}
