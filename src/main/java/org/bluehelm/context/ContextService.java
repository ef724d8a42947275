package org.bluehelm.context;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bluehelm.audit.AuditAction;
import org.bluehelm.audit.AuditLog;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Context assessments and the strategy revision log. An assessment is never changed: a new one is
 * recorded, and the history shows how the context moved. A revision linked to a risk answers the
 * strategy review the risk asked for.
 */
@Service
@Transactional(readOnly = true)
public class ContextService {

    private final JdbcClient jdbc;
    private final ContextScope scopes;
    private final AuditLog audit;
    private final Clock clock;

    ContextService(JdbcClient jdbc, ContextScope scopes, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The assessments the user may see, of a country and/or mission when given, newest first. */
    /** API sort keys of {@link #assessments(String, String, Long, PageQuery)}. */
    public static final Map<String, String> ASSESSMENT_SORTS = Map.of(
            "id", "a.id",
            "assessedOn", "a.assessed_on",
            "kind", "a.kind",
            "country", "a.country_code");

    /** API sort keys of {@link #revisions(String, String, Long, PageQuery)}. */
    public static final Map<String, String> REVISION_SORTS = Map.of(
            "id", "s.id",
            "revisedOn", "s.revised_on",
            "country", "s.country_code");

    public List<ContextAssessmentView> assessments(@Nullable String country, @Nullable Long missionId) {
        return assessments(null, country, missionId, new PageQuery(0, Integer.MAX_VALUE, "a.assessed_on desc"))
                .items();
    }

    /**
     * One page of the assessments the user may see whose summary contains {@code search}, of one
     * country or mission when set.
     */
    public PageResponse<ContextAssessmentView> assessments(
            @Nullable String search, @Nullable String country, @Nullable Long missionId, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("a.mission_id", "a.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (search != null && !search.isBlank()) {
            where.append(" and lower(coalesce(a.summary, '')) like :q");
            params.put("q", SearchText.containing(search));
        }
        if (country != null && !country.isBlank()) {
            where.append(" and a.country_code = :country");
            params.put("country", country.strip().toUpperCase(Locale.ROOT));
        }
        if (missionId != null) {
            where.append(" and a.mission_id = :mission");
            params.put("mission", missionId);
        }
        long total = jdbc.sql("select count(*) from context_assessment a" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Row> rows = jdbc.sql(
                        """
                        select a.id, a.mission_id, a.country_code, a.assessed_on, a.kind, a.summary, a.created_by,
                               a.created_at
                          from context_assessment a""" + where + " order by " + page.orderBy() + ", a.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ContextService::row)
                .list();
        return PageResponse.of(rows.stream().map(this::view).toList(), page, total);
    }

    /** The latest assessment of a country (and mission, when given), if any is visible. */
    public Optional<ContextAssessmentView> latest(String country, @Nullable Long missionId) {
        return assessments(country, missionId).stream().findFirst();
    }

    public ContextAssessmentView assessment(long id) {
        Row row = jdbc.sql("""
                        select a.id, a.mission_id, a.country_code, a.assessed_on, a.kind, a.summary, a.created_by,
                               a.created_at
                          from context_assessment a where a.id = :id""")
                .param("id", id)
                .query(ContextService::row)
                .optional()
                .filter(r -> AccessScope.current().canRead(r.missionId(), r.countryCode()))
                .orElseThrow(() -> new NotFoundException("Context assessment", id));
        return view(row);
    }

    @Transactional
    public ContextAssessmentView assess(ContextAssessmentCommand command) {
        Validation v = new Validation();
        String country = scopes.check(v, command.countryCode(), command.missionId());
        v.required("assessedOn", command.assessedOn())
                .required("kind", command.kind())
                .maxLength("summary", command.summary(), 4000);
        if (command.assessedOn() != null && command.assessedOn().isAfter(LocalDate.now(clock))) {
            v.coded("assessedOn", "cannot be in the future", "context.validation.future");
        }
        List<ContextAssessmentCommand.Score> scores = command.scores() == null ? List.of() : command.scores();
        Set<ContextFactor> seen = EnumSet.noneOf(ContextFactor.class);
        for (int i = 0; i < scores.size(); i++) {
            ContextAssessmentCommand.Score s = scores.get(i);
            String field = "scores[" + i + "]";
            if (s == null || s.factor() == null) {
                v.required(field + ".factor", null);
                continue;
            }
            if (!seen.add(s.factor())) {
                v.coded(field + ".factor", "is scored twice: " + s.factor(), "context.validation.twice", s.factor());
            }
            v.required(field + ".score", s.score())
                    .between(field + ".score", s.score(), 1, 5)
                    .maxLength(field + ".evidence", s.evidence(), 2000);
        }
        for (ContextFactor f : ContextFactor.values()) {
            if (!seen.contains(f)) {
                v.coded("scores", "every factor must be scored; missing " + f, "context.validation.missingFactor", f);
                break;
            }
        }
        v.throwIfInvalid();
        ContextScope.requireWritable(command.missionId(), country);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into context_assessment (mission_id, country_code, assessed_on, kind, summary, created_by,
                               created_at)
                        values (:mission, :country, :on, :kind, :summary, :me, :now)
                        """)
                .param("mission", command.missionId())
                .param("country", country)
                .param("on", command.assessedOn())
                .param("kind", command.kind().name())
                .param("summary", blankToNull(command.summary()))
                .param("me", AccessScope.current().username())
                .param("now", OffsetDateTime.now(clock))
                .update(key, "id");
        long id = Objects.requireNonNull(key.getKey()).longValue();
        for (ContextAssessmentCommand.Score s : scores) {
            jdbc.sql("insert into context_factor_score (assessment_id, factor, score, evidence)"
                            + " values (:id, :factor, :score, :evidence)")
                    .param("id", id)
                    .param("factor", s.factor().name())
                    .param("score", s.score())
                    .param("evidence", blankToNull(s.evidence()))
                    .update();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("country", country);
        fields.put("mission", command.missionId());
        fields.put("assessedOn", command.assessedOn().toString());
        scores.forEach(s -> fields.put(s.factor().name(), s.score()));
        audit.record(AuditAction.CREATE, "context_assessment", String.valueOf(id), fields);
        return assessment(id);
    }

    /** The strategy revisions the user may see, of a country and/or mission when given, newest first. */
    public List<RevisionView> revisions(@Nullable String country, @Nullable Long missionId) {
        return revisions(null, country, missionId, new PageQuery(0, Integer.MAX_VALUE, "s.revised_on desc"))
                .items();
    }

    /**
     * One page of the strategy revisions the user may see whose change or reason contains
     * {@code search}, of one country or mission when set.
     */
    public PageResponse<RevisionView> revisions(
            @Nullable String search, @Nullable String country, @Nullable Long missionId, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("s.mission_id", "s.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (search != null && !search.isBlank()) {
            where.append(" and (lower(s.what_changed) like :q or lower(s.reason) like :q)");
            params.put("q", SearchText.containing(search));
        }
        if (country != null && !country.isBlank()) {
            where.append(" and s.country_code = :country");
            params.put("country", country.strip().toUpperCase(Locale.ROOT));
        }
        if (missionId != null) {
            where.append(" and s.mission_id = :mission");
            params.put("mission", missionId);
        }
        long total = jdbc.sql("select count(*) from strategy_revision s" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<RevisionView> items = jdbc.sql(
                        """
                        select s.id, s.mission_id, s.country_code, s.revised_on, s.what_changed, s.reason, s.risk_id,
                               r.title as risk_title, s.assessment_id, s.created_by, s.created_at
                          from strategy_revision s
                          left join risk r on r.id = s.risk_id""" + where + " order by " + page.orderBy() + ", s.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ContextService::revision)
                .list();
        return PageResponse.of(items, page, total);
    }

    /** Logs a revision; one linked to a risk clears that risk's pending review request. */
    @Transactional
    public RevisionView revise(RevisionCommand command) {
        Validation v = new Validation();
        String country = scopes.check(v, command.countryCode(), command.missionId());
        v.required("revisedOn", command.revisedOn())
                .required("whatChanged", blankToNull(command.whatChanged()))
                .maxLength("whatChanged", command.whatChanged(), 4000)
                .required("reason", blankToNull(command.reason()))
                .maxLength("reason", command.reason(), 4000);
        if (command.riskId() != null && !visible("risk", command.riskId())) {
            v.coded("riskId", "is not a risk you can see", "context.validation.risk");
        }
        if (command.assessmentId() != null && !visible("context_assessment", command.assessmentId())) {
            v.coded("assessmentId", "is not an assessment you can see", "context.validation.assessment");
        }
        v.throwIfInvalid();
        ContextScope.requireWritable(command.missionId(), country);
        String me = AccessScope.current().username();
        OffsetDateTime now = OffsetDateTime.now(clock);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into strategy_revision (mission_id, country_code, revised_on, what_changed, reason, risk_id,
                               assessment_id, created_by, created_at)
                        values (:mission, :country, :on, :what, :reason, :risk, :assessment, :me, :now)
                        """)
                .param("mission", command.missionId())
                .param("country", country)
                .param("on", command.revisedOn())
                .param("what", command.whatChanged().strip())
                .param("reason", command.reason().strip())
                .param("risk", command.riskId())
                .param("assessment", command.assessmentId())
                .param("me", me)
                .param("now", now)
                .update(key, "id");
        long id = Objects.requireNonNull(key.getKey()).longValue();
        if (command.riskId() != null) {
            jdbc.sql("""
                            update risk set review_requested_at = null, review_reason = null, updated_by = :me,
                                   updated_at = :now, version = version + 1
                             where id = :id and review_requested_at is not null
                            """)
                    .param("me", me)
                    .param("now", now)
                    .param("id", command.riskId())
                    .update();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("country", country);
        fields.put("risk", command.riskId());
        fields.put("assessment", command.assessmentId());
        audit.record(AuditAction.CREATE, "strategy_revision", String.valueOf(id), fields);
        return revisions(country, command.missionId()).stream()
                .filter(r -> r.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private boolean visible(String table, long id) {
        String sql = switch (table) {
            case "risk" -> "select mission_id, country_code from risk where id = :id";
            default -> "select mission_id, country_code from context_assessment where id = :id";
        };
        return jdbc.sql(sql)
                .param("id", id)
                .query((rs, n) ->
                        AccessScope.current().canRead(nullableLong(rs, "mission_id"), rs.getString("country_code")))
                .optional()
                .orElse(false);
    }

    private record Row(
            long id,
            @Nullable Long missionId,
            String countryCode,
            LocalDate assessedOn,
            AssessmentKind kind,
            @Nullable String summary,
            String createdBy,
            OffsetDateTime createdAt) {}

    private ContextAssessmentView view(Row r) {
        List<ContextAssessmentView.Score> scores = new ArrayList<>(jdbc.sql(
                        "select factor, score, evidence from context_factor_score where assessment_id = :id")
                .param("id", r.id())
                .query((rs, n) -> new ContextAssessmentView.Score(
                        ContextFactor.valueOf(rs.getString("factor")), rs.getInt("score"), rs.getString("evidence")))
                .list());
        scores.sort((a, b) -> a.factor().compareTo(b.factor()));
        BigDecimal overall = scores.isEmpty()
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(scores.stream()
                                .mapToInt(ContextAssessmentView.Score::score)
                                .sum())
                        .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
        return new ContextAssessmentView(
                r.id(),
                r.countryCode(),
                r.missionId(),
                r.assessedOn(),
                r.kind(),
                r.summary(),
                scores,
                overall,
                r.createdBy(),
                r.createdAt());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                nullableLong(rs, "mission_id"),
                rs.getString("country_code").strip(),
                rs.getObject("assessed_on", LocalDate.class),
                AssessmentKind.valueOf(rs.getString("kind")),
                rs.getString("summary"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static RevisionView revision(ResultSet rs, int n) throws SQLException {
        return new RevisionView(
                rs.getLong("id"),
                rs.getString("country_code").strip(),
                nullableLong(rs, "mission_id"),
                rs.getObject("revised_on", LocalDate.class),
                rs.getString("what_changed"),
                rs.getString("reason"),
                nullableLong(rs, "risk_id"),
                rs.getString("risk_title"),
                nullableLong(rs, "assessment_id"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
