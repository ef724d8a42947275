package org.bluehelm.ssrindex;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The explicit weights of indicators (table {@code ssr_index_weight}); an indicator without one weighs 1. */
@Repository
class WeightRepository {

    /** Largest IN list sent in one statement. */
    private static final int CHUNK = 1000;

    record Stored(long indicatorId, BigDecimal weight, int version) {}

    private final JdbcClient jdbc;

    WeightRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The explicit weights of these indicators, by indicator id. */
    Map<Long, Stored> find(Collection<Long> indicatorIds) {
        Map<Long, Stored> found = new HashMap<>();
        List<Long> ids = List.copyOf(indicatorIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("""
                            select indicator_id, weight, version
                              from ssr_index_weight
                             where indicator_id in (:ids)""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query(Stored.class)
                    .list()
                    .forEach(s -> found.put(s.indicatorId(), s));
        }
        return found;
    }

    /** Stores a weight read at {@code expectedVersion} (0: none stored); false when the stored version differs. */
    boolean save(long indicatorId, BigDecimal weight, int expectedVersion, String username) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (expectedVersion == 0) {
            boolean exists = jdbc.sql("select count(*) from ssr_index_weight where indicator_id = :id")
                            .param("id", indicatorId)
                            .query(Long.class)
                            .single()
                    > 0;
            if (exists) {
                return false;
            }
            jdbc.sql("""
                            insert into ssr_index_weight (indicator_id, weight, version, updated_by, updated_at)
                            values (:id, :weight, 1, :user, :now)""")
                    .param("id", indicatorId)
                    .param("weight", weight)
                    .param("user", username)
                    .param("now", now)
                    .update();
            return true;
        }
        return jdbc.sql("""
                        update ssr_index_weight
                           set weight = :weight, version = version + 1, updated_by = :user, updated_at = :now
                         where indicator_id = :id and version = :version""")
                        .param("id", indicatorId)
                        .param("weight", weight)
                        .param("user", username)
                        .param("now", now)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }
}
