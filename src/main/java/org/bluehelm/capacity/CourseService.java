package org.bluehelm.capacity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bluehelm.audit.AuditAction;
import org.bluehelm.audit.AuditLog;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionView;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The course catalogue. A user lists and reads the courses of the missions and countries in their
 * scope (others are not found) and changes them within it; every change is in the audit log.
 */
@Service
@Transactional(readOnly = true)
public class CourseService {

    static final Map<String, String> SORTS = Map.of(
            "id", "c.id",
            "title", "c.title",
            "competency", "c.competency",
            "duration", "c.duration_days",
            "country", "c.country_code");

    private static final String COLUMNS = """
            select c.id, c.title, c.competency, c.curriculum, c.duration_days, c.target_institution_id,
                   c.rank_levels, c.mission_id, c.country_code, c.description, c.version,
                   (select count(*) from cap_event e where e.course_id = c.id) as events
              from cap_course c
            """;

    private final JdbcClient jdbc;
    private final InstitutionService institutions;
    private final AuditLog audit;
    private final Clock clock;

    CourseService(JdbcClient jdbc, InstitutionService institutions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.audit = audit;
        this.clock = clock;
    }

    public PageResponse<CourseView> list(CourseFilter filter, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("c.mission_id", "c.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" and (lower(c.title) like :q or lower(coalesce(c.curriculum, '')) like :q)");
            params.put("q", SearchText.containing(filter.search()));
        }
        if (filter.competency() != null) {
            where.append(" and c.competency = :competency");
            params.put("competency", filter.competency().name());
        }
        if (filter.institutionId() != null) {
            where.append(" and c.target_institution_id = :institution");
            params.put("institution", filter.institutionId());
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            where.append(" and c.country_code = :country");
            params.put("country", filter.country().strip().toUpperCase(Locale.ROOT));
        }
        long total = jdbc.sql("select count(*) from cap_course c" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<CourseView> items = jdbc.sql(
                        COLUMNS + where + " order by " + page.orderBy() + ", c.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> row(rs))
                .list();
        return PageResponse.of(items, page, total);
    }

    /** The course, if it exists and the current user's scope covers it. */
    public CourseView get(long id) {
        return jdbc.sql(COLUMNS + " where c.id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional()
                .filter(c -> AccessScope.current().canRead(c.missionId(), c.countryCode()))
                .orElseThrow(() -> new NotFoundException("Course", id));
    }

    @Transactional
    public CourseView create(CourseCommand command) {
        InstitutionView target = validate(command);
        Records.requireWritable(target.missionId(), target.countryCode());
        String me = AccessScope.current().username();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = Records.insert(jdbc.sql("""
                        insert into cap_course (title, competency, curriculum, duration_days, target_institution_id,
                               rank_levels, mission_id, country_code, description, created_by, created_at,
                               updated_by, updated_at, version)
                        values (:title, :competency, :curriculum, :days, :target, :ranks, :mission, :country,
                               :description, :me, :now, :me, :now, 1)
                        """)
                .param("title", command.title().strip())
                .param("competency", command.competency().name())
                .param("curriculum", Records.blankToNull(command.curriculum()))
                .param("days", command.durationDays())
                .param("target", command.targetInstitutionId())
                .param("ranks", ranks(command.rankLevels()))
                .param("mission", target.missionId())
                .param("country", target.countryCode())
                .param("description", Records.blankToNull(command.description()))
                .param("me", me)
                .param("now", now));
        audit.record(AuditAction.CREATE, "cap_course", String.valueOf(id), auditFields(command));
        return get(id);
    }

    @Transactional
    public CourseView update(long id, int expectedVersion, CourseCommand command) {
        CourseView current = get(id);
        InstitutionView target = validate(command);
        Records.requireWritable(current.missionId(), current.countryCode());
        Records.requireWritable(target.missionId(), target.countryCode());
        int changed = jdbc.sql("""
                        update cap_course
                           set title = :title, competency = :competency, curriculum = :curriculum,
                               duration_days = :days, target_institution_id = :target, rank_levels = :ranks,
                               mission_id = :mission, country_code = :country, description = :description,
                               updated_by = :me, updated_at = :now, version = version + 1
                         where id = :id and version = :version
                        """)
                .param("title", command.title().strip())
                .param("competency", command.competency().name())
                .param("curriculum", Records.blankToNull(command.curriculum()))
                .param("days", command.durationDays())
                .param("target", command.targetInstitutionId())
                .param("ranks", ranks(command.rankLevels()))
                .param("mission", target.missionId())
                .param("country", target.countryCode())
                .param("description", Records.blankToNull(command.description()))
                .param("me", AccessScope.current().username())
                .param("now", OffsetDateTime.now(clock))
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Course", id);
        }
        audit.record(AuditAction.UPDATE, "cap_course", String.valueOf(id), auditFields(command));
        return get(id);
    }

    @Transactional
    public void delete(long id, int expectedVersion) {
        CourseView current = get(id);
        Records.requireWritable(current.missionId(), current.countryCode());
        if (current.events() > 0) {
            throw new ConflictException(
                    "course-in-use", "The course has " + current.events() + " training event(s); delete them first");
        }
        int deleted = jdbc.sql("delete from cap_course where id = :id and version = :version")
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (deleted == 0) {
            throw ConflictException.staleVersion("Course", id);
        }
        audit.record(AuditAction.DELETE, "cap_course", String.valueOf(id), Map.of());
    }

    private InstitutionView validate(CourseCommand command) {
        Validation v = new Validation();
        v.required("title", command.title() == null || command.title().isBlank() ? null : command.title())
                .maxLength("title", command.title(), 300)
                .required("competency", command.competency())
                .maxLength("curriculum", command.curriculum(), 300)
                .required("durationDays", command.durationDays())
                .between("durationDays", command.durationDays(), 1, 1000)
                .required("targetInstitutionId", command.targetInstitutionId())
                .maxLength("description", command.description(), 4000);
        if (command.rankLevels() == null || command.rankLevels().isEmpty()) {
            v.coded("rankLevels", "choose at least one rank level", "capacity.validation.rankLevels");
        }
        Optional<InstitutionView> target = Optional.empty();
        if (command.targetInstitutionId() != null) {
            target = institutions.view(command.targetInstitutionId());
            if (target.isEmpty()) {
                v.coded(
                        "targetInstitutionId",
                        "institution " + command.targetInstitutionId() + " does not exist",
                        "capacity.validation.institutionNotFound");
            }
        }
        v.throwIfInvalid();
        return target.orElseThrow();
    }

    private static String ranks(List<RankLevel> levels) {
        return String.join(
                ",", levels.stream().distinct().sorted().map(Enum::name).toList());
    }

    private CourseView row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long target = rs.getLong("target_institution_id");
        return new CourseView(
                rs.getLong("id"),
                rs.getString("title"),
                Competency.valueOf(rs.getString("competency")),
                rs.getString("curriculum"),
                rs.getInt("duration_days"),
                target,
                Records.institutionName(institutions, target),
                Arrays.stream(rs.getString("rank_levels").split(","))
                        .filter(s -> !s.isBlank())
                        .map(RankLevel::valueOf)
                        .toList(),
                Records.nullableLong(rs, "mission_id"),
                rs.getString("country_code"),
                rs.getString("description"),
                rs.getLong("events"),
                rs.getInt("version"));
    }

    private static Map<String, Object> auditFields(CourseCommand command) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", command.title());
        fields.put("competency", command.competency().name());
        fields.put("targetInstitutionId", command.targetInstitutionId());
        return fields;
    }
}
