package org.bluehelm.report;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bluehelm.shared.AccessScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The report and report_schedule tables. */
@Repository
class ReportStore {

    private static final String COLUMNS = """
            id, programme_id, mission_id, country_code, period, language, title, scheduled, created_by,
            created_at, octet_length(html) as html_bytes, octet_length(pdf) as pdf_bytes""";

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ProgressReport report, String title, boolean scheduled, String html, byte[] pdf) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into report (programme_id, mission_id, country_code, period, language, title,
                                            scheduled, created_by, created_at, html, pdf)
                        values (:programme, :mission, :country, :period, :language, :title,
                                :scheduled, :by, :at, :html, :pdf)""")
                .param("programme", report.programmeId())
                .param("mission", report.missionId())
                .param("country", report.countryCode())
                .param("period", report.period())
                .param("language", report.language())
                .param("title", title)
                .param("scheduled", scheduled)
                .param("by", report.generatedBy())
                .param("at", report.generatedAt())
                .param("html", html.getBytes(StandardCharsets.UTF_8))
                .param("pdf", pdf)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** The reports the scope may see, newest first, optionally of one programme. */
    List<StoredReport> list(AccessScope scope, @Nullable Long programmeId, int limit) {
        AccessScope.Filter filter = scope.filter("mission_id", "country_code");
        Map<String, Object> params = new HashMap<>(filter.params());
        params.put("limit", limit);
        String programme = "";
        if (programmeId != null) {
            programme = " and programme_id = :programme";
            params.put("programme", programmeId);
        }
        return jdbc.sql("select " + COLUMNS + " from report where " + filter.sql() + programme
                        + " order by created_at desc, id desc limit :limit")
                .params(params)
                .query(ReportStore::report)
                .list();
    }

    Optional<StoredReport> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from report where id = :id")
                .param("id", id)
                .query(ReportStore::report)
                .optional();
    }

    Optional<byte[]> content(long id, boolean pdf) {
        return jdbc.sql(pdf ? "select pdf from report where id = :id" : "select html from report where id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    /** Deletes the programme's reports but the newest {@code keep}; returns how many went. */
    int keepLast(long programmeId, int keep) {
        List<Long> ids = jdbc.sql(
                        "select id from report where programme_id = :programme" + " order by created_at desc, id desc")
                .param("programme", programmeId)
                .query(Long.class)
                .list();
        if (ids.size() <= keep) {
            return 0;
        }
        return jdbc.sql("delete from report where id in (:ids)")
                .param("ids", ids.subList(keep, ids.size()))
                .update();
    }

    Optional<ReportSchedule> schedule(long programmeId) {
        return jdbc.sql("""
                        select id, programme_id, frequency, language, keep_last, last_period, version
                        from report_schedule where programme_id = :programme""")
                .param("programme", programmeId)
                .query(ReportStore::schedule)
                .optional();
    }

    List<ReportSchedule> schedules() {
        return jdbc.sql("""
                        select id, programme_id, frequency, language, keep_last, last_period, version
                        from report_schedule order by id""").query(ReportStore::schedule).list();
    }

    void saveSchedule(
            long programmeId,
            @Nullable Long missionId,
            String countryCode,
            ReportSchedule.Frequency frequency,
            String language,
            int keepLast,
            String by,
            @Nullable Integer expectedVersion) {
        Optional<ReportSchedule> existing = schedule(programmeId);
        if (existing.isEmpty()) {
            jdbc.sql("""
                            insert into report_schedule (programme_id, mission_id, country_code, frequency, language,
                                                         keep_last, created_by, updated_at)
                            values (:programme, :mission, :country, :frequency, :language, :keep, :by, :at)""")
                    .param("programme", programmeId)
                    .param("mission", missionId)
                    .param("country", countryCode)
                    .param("frequency", frequency.name())
                    .param("language", language)
                    .param("keep", keepLast)
                    .param("by", by)
                    .param("at", OffsetDateTime.now())
                    .update();
            return;
        }
        int version = expectedVersion == null ? existing.get().version() : expectedVersion;
        int updated = jdbc.sql("""
                        update report_schedule set frequency = :frequency, language = :language, keep_last = :keep,
                               updated_at = :at, version = version + 1
                        where programme_id = :programme and version = :version""")
                .param("programme", programmeId)
                .param("frequency", frequency.name())
                .param("language", language)
                .param("keep", keepLast)
                .param("at", OffsetDateTime.now())
                .param("version", version)
                .update();
        if (updated == 0) {
            throw org.bluehelm.shared.ConflictException.staleVersion("report schedule", programmeId);
        }
    }

    void deleteSchedule(long programmeId) {
        jdbc.sql("delete from report_schedule where programme_id = :programme")
                .param("programme", programmeId)
                .update();
    }

    void generated(long scheduleId, String period) {
        jdbc.sql("update report_schedule set last_period = :period where id = :id")
                .param("period", period)
                .param("id", scheduleId)
                .update();
    }

    private static StoredReport report(ResultSet rs, int n) throws SQLException {
        long mission = rs.getLong("mission_id");
        return new StoredReport(
                rs.getLong("id"),
                rs.getLong("programme_id"),
                rs.wasNull() ? null : mission,
                rs.getString("country_code").trim(),
                rs.getString("period"),
                rs.getString("language"),
                rs.getString("title"),
                rs.getBoolean("scheduled"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getInt("html_bytes"),
                rs.getInt("pdf_bytes"));
    }

    private static ReportSchedule schedule(ResultSet rs, int n) throws SQLException {
        return new ReportSchedule(
                rs.getLong("id"),
                rs.getLong("programme_id"),
                ReportSchedule.Frequency.valueOf(rs.getString("frequency")),
                rs.getString("language"),
                rs.getInt("keep_last"),
                rs.getString("last_period"),
                rs.getInt("version"));
    }
}
