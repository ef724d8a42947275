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
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.SearchText;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The report and report_schedule tables; reports and schedules are keyed by their subject. */
@Repository
class ReportStore {

    private static final String COLUMNS = """
            id, subject_kind, subject_id, programme_id, mission_id, country_code, period, language, title,
            scheduled, created_by, created_at, octet_length(html) as html_bytes, octet_length(pdf) as pdf_bytes""";

    private static final String SCHEDULE_COLUMNS = """
            select id, subject_kind, subject_id, programme_id, frequency, language, keep_last, last_period, version
            from report_schedule""";

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ProgressReport report, String title, boolean scheduled, String html, byte[] pdf) {
        ReportSubject subject = report.subject();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into report (subject_kind, subject_id, programme_id, mission_id, country_code, period,
                                            language, title, scheduled, created_by, created_at, html, pdf)
                        values (:kind, :subject, :programme, :mission, :country, :period,
                                :language, :title, :scheduled, :by, :at, :html, :pdf)""")
                .param("kind", subject.kind().name())
                .param("subject", subject.id())
                .param("programme", subject.programmeId())
                .param("mission", subject.missionId())
                .param("country", subject.countryCode())
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

    /**
     * The reports the scope may see, newest first, optionally of one subject. A country's report
     * (no mission) is listed only to users assigned to that country: users of a mission hosted there
     * see the country's records, but not a report gathering other missions' programmes. {@code
     * search} looks in the title and period.
     */
    PageResponse<StoredReport> list(
            AccessScope scope,
            @Nullable String search,
            ReportSubject.@Nullable Kind kind,
            @Nullable String subjectId,
            PageQuery page) {
        AccessScope.Filter filter = scope.filter("mission_id", "country_code");
        Map<String, Object> params = new HashMap<>(filter.params());
        StringBuilder where = new StringBuilder(filter.sql());
        if (!scope.global()) {
            where.append(" and (subject_kind <> 'COUNTRY' or country_code in (:reportCountries))");
            params.put("reportCountries", scope.countryCodes().isEmpty() ? List.of("-") : scope.countryCodes());
        }
        if (kind != null && subjectId != null) {
            where.append(" and subject_kind = :kind and subject_id = :subject");
            params.put("kind", kind.name());
            params.put("subject", subjectId);
        }
        if (search != null && !search.isBlank()) {
            where.append(" and (lower(title) like :q or lower(period) like :q)");
            params.put("q", SearchText.containing(search));
        }
        long total = jdbc.sql("select count(*) from report where " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<StoredReport> items = jdbc.sql("select " + COLUMNS + " from report where " + where + " order by "
                        + page.orderBy() + ", id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ReportStore::report)
                .list();
        return PageResponse.of(items, page, total);
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

    /** Deletes the subject's reports but the newest {@code keep}; returns how many went. */
    int keepLast(ReportSubject.Kind kind, String subjectId, int keep) {
        List<Long> ids = jdbc.sql("""
                        select id from report where subject_kind = :kind and subject_id = :subject
                        order by created_at desc, id desc""")
                .param("kind", kind.name())
                .param("subject", subjectId)
                .query(Long.class)
                .list();
        if (ids.size() <= keep) {
            return 0;
        }
        return jdbc.sql("delete from report where id in (:ids)")
                .param("ids", ids.subList(keep, ids.size()))
                .update();
    }

    Optional<ReportSchedule> schedule(ReportSubject.Kind kind, String subjectId) {
        return jdbc.sql(SCHEDULE_COLUMNS + " where subject_kind = :kind and subject_id = :subject")
                .param("kind", kind.name())
                .param("subject", subjectId)
                .query(ReportStore::schedule)
                .optional();
    }

    List<ReportSchedule> schedules() {
        return jdbc.sql(SCHEDULE_COLUMNS + " order by id")
                .query(ReportStore::schedule)
                .list();
    }

    void saveSchedule(
            ReportSubject subject,
            ReportSchedule.Frequency frequency,
            String language,
            int keepLast,
            String by,
            @Nullable Integer expectedVersion) {
        Optional<ReportSchedule> existing = schedule(subject.kind(), subject.id());
        if (existing.isEmpty()) {
            jdbc.sql("""
                            insert into report_schedule (subject_kind, subject_id, programme_id, mission_id, country_code,
                                                         frequency, language, keep_last, created_by, updated_at)
                            values (:kind, :subject, :programme, :mission, :country,
                                    :frequency, :language, :keep, :by, :at)""")
                    .param("kind", subject.kind().name())
                    .param("subject", subject.id())
                    .param("programme", subject.programmeId())
                    .param("mission", subject.missionId())
                    .param("country", subject.countryCode())
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
                        where subject_kind = :kind and subject_id = :subject and version = :version""")
                .param("kind", subject.kind().name())
                .param("subject", subject.id())
                .param("frequency", frequency.name())
                .param("language", language)
                .param("keep", keepLast)
                .param("at", OffsetDateTime.now())
                .param("version", version)
                .update();
        if (updated == 0) {
            throw org.bluehelm.shared.ConflictException.staleVersion(
                    "report schedule", subject.kind().path() + " " + subject.id());
        }
    }

    void deleteSchedule(ReportSubject.Kind kind, String subjectId) {
        jdbc.sql("delete from report_schedule where subject_kind = :kind and subject_id = :subject")
                .param("kind", kind.name())
                .param("subject", subjectId)
                .update();
    }

    void generated(long scheduleId, String period) {
        jdbc.sql("update report_schedule set last_period = :period where id = :id")
                .param("period", period)
                .param("id", scheduleId)
                .update();
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static StoredReport report(ResultSet rs, int n) throws SQLException {
        return new StoredReport(
                rs.getLong("id"),
                ReportSubject.Kind.valueOf(rs.getString("subject_kind")),
                rs.getString("subject_id"),
                nullableLong(rs, "programme_id"),
                nullableLong(rs, "mission_id"),
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
                ReportSubject.Kind.valueOf(rs.getString("subject_kind")),
                rs.getString("subject_id"),
                nullableLong(rs, "programme_id"),
                ReportSchedule.Frequency.valueOf(rs.getString("frequency")),
                rs.getString("language"),
                rs.getInt("keep_last"),
                rs.getString("last_period"),
                rs.getInt("version"));
    }
}
