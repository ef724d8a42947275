package org.bluehelm.capacity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mentoring engagements with their sessions and progress ratings, and technical-assistance
 * deliverables with their milestones, scoped and audited like the rest of the module.
 */
@Service
@Transactional(readOnly = true)
public class AssistanceService {

    private final JdbcClient jdbc;
    private final InstitutionService institutions;
    private final AuditLog audit;
    private final Clock clock;

    AssistanceService(JdbcClient jdbc, InstitutionService institutions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- mentoring

    /** API sort keys of {@link #mentoring(String, Long, PageQuery)}. */
    public static final Map<String, String> MENTORING_SORTS = Map.of(
            "id", "m.id",
            "startsOn", "m.starts_on",
            "mentor", "m.mentor",
            "counterpart", "m.counterpart",
            "focus", "m.focus",
            "country", "m.country_code");

    /** The engagements in the user's scope, latest first (at most 500), of one institution when it is set. */
    public List<MentoringView> mentoring(@Nullable Long institutionId) {
        return mentoring(null, institutionId, new PageQuery(0, 500, "m.starts_on desc"))
                .items();
    }

    /**
     * One page of the engagements in the user's scope whose mentor or counterpart contains {@code
     * search}, of one institution when it is set.
     */
    public PageResponse<MentoringView> mentoring(
            @Nullable String search, @Nullable Long institutionId, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("m.mission_id", "m.country_code");
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        if (search != null && !search.isBlank()) {
            where.append(" and (lower(m.mentor) like :q or lower(m.counterpart) like :q)");
            params.put("q", SearchText.containing(search));
        }
        if (institutionId != null) {
            where.append(" and m.institution_id = :institution");
            params.put("institution", institutionId);
        }
        long total = jdbc.sql("select count(*) from cap_mentoring m" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<MentoringView> items = jdbc
                .sql("select m.* from cap_mentoring m" + where + " order by " + page.orderBy()
                        + ", m.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> mentoringRow(rs))
                .list()
                .stream()
                .map(this::withSessions)
                .toList();
        return PageResponse.of(items, page, total);
    }

    public MentoringView mentoringEngagement(long id) {
        return jdbc.sql("select m.* from cap_mentoring m where m.id = :id")
                .param("id", id)
                .query((rs, n) -> mentoringRow(rs))
                .optional()
                .filter(m -> AccessScope.current().canRead(m.missionId(), m.countryCode()))
                .map(this::withSessions)
                .orElseThrow(() -> new NotFoundException("Mentoring engagement", id));
    }

    @Transactional
    public MentoringView createMentoring(MentoringCommand command) {
        InstitutionView institution = validate(command);
        Records.requireWritable(institution.missionId(), institution.countryCode());
        long id = Records.insert(jdbc.sql("""
                        insert into cap_mentoring (mentor, counterpart, institution_id, focus, starts_on, ends_on,
                               mission_id, country_code, created_by, created_at, version)
                        values (:mentor, :counterpart, :institution, :focus, :starts, :ends, :mission, :country, :me,
                               :now, 1)""")
                .param("mentor", command.mentor().strip())
                .param("counterpart", command.counterpart().strip())
                .param("institution", institution.id())
                .param("focus", command.focus().name())
                .param("starts", command.startsOn())
                .param("ends", command.endsOn())
                .param("mission", institution.missionId())
                .param("country", institution.countryCode())
                .param("me", AccessScope.current().username())
                .param("now", OffsetDateTime.now(clock)));
        audit.record(
                AuditAction.CREATE,
                "cap_mentoring",
                String.valueOf(id),
                Map.of("institution", institution.id(), "focus", command.focus().name()));
        return mentoringEngagement(id);
    }

    @Transactional
    public MentoringView updateMentoring(long id, int expectedVersion, MentoringCommand command) {
        MentoringView current = mentoringEngagement(id);
        InstitutionView institution = validate(command);
        Records.requireWritable(current.missionId(), current.countryCode());
        Records.requireWritable(institution.missionId(), institution.countryCode());
        int changed = jdbc.sql("""
                        update cap_mentoring
                           set mentor = :mentor, counterpart = :counterpart, institution_id = :institution,
                               focus = :focus, starts_on = :starts, ends_on = :ends, mission_id = :mission,
                               country_code = :country, version = version + 1
                         where id = :id and version = :version""")
                .param("mentor", command.mentor().strip())
                .param("counterpart", command.counterpart().strip())
                .param("institution", institution.id())
                .param("focus", command.focus().name())
                .param("starts", command.startsOn())
                .param("ends", command.endsOn())
                .param("mission", institution.missionId())
                .param("country", institution.countryCode())
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Mentoring engagement", id);
        }
        audit.record(
                AuditAction.UPDATE,
                "cap_mentoring",
                String.valueOf(id),
                Map.of("focus", command.focus().name()));
        return mentoringEngagement(id);
    }

    @Transactional
    public MentoringView addSession(long mentoringId, SessionCommand command) {
        MentoringView m = mentoringEngagement(mentoringId);
        Records.requireWritable(m.missionId(), m.countryCode());
        Validation v = new Validation()
                .required("heldOn", command.heldOn())
                .required("rating", command.rating())
                .between("rating", command.rating(), 1, 5)
                .maxLength("note", command.note(), 2000);
        if (command.heldOn() != null && command.heldOn().isBefore(m.startsOn())) {
            v.coded(
                    "heldOn",
                    "must not be before the engagement starts (" + m.startsOn() + ")",
                    "capacity.validation.beforeStart",
                    m.startsOn().toString());
        }
        v.throwIfInvalid();
        long id = Records.insert(jdbc.sql("""
                        insert into cap_mentoring_session (mentoring_id, held_on, rating, note)
                        values (:m, :held, :rating, :note)""")
                .param("m", mentoringId)
                .param("held", command.heldOn())
                .param("rating", command.rating())
                .param("note", Records.blankToNull(command.note())));
        jdbc.sql("update cap_mentoring set version = version + 1 where id = :id")
                .param("id", mentoringId)
                .update();
        audit.record(
                AuditAction.CREATE,
                "cap_mentoring_session",
                String.valueOf(id),
                Map.of("mentoring", mentoringId, "rating", command.rating()));
        return mentoringEngagement(mentoringId);
    }

    // ---------------------------------------------------------------- deliverables

    /** API sort keys of {@link #deliverables(String, Long, PageQuery)}. */
    public static final Map<String, String> DELIVERABLE_SORTS = Map.of(
            "id", "d.id",
            "title", "d.title",
            "kind", "d.kind",
            "status", "d.status",
            "country", "d.country_code");

    public List<DeliverableView> deliverables(@Nullable Long institutionId) {
        return deliverables(null, institutionId, new PageQuery(0, 500, "d.id desc"))
                .items();
    }

    /** One page of the deliverables in the user's scope whose title contains {@code search}; of one institution when set. */
    public PageResponse<DeliverableView> deliverables(
            @Nullable String search, @Nullable Long institutionId, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("d.mission_id", "d.country_code");
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = " where " + scope.sql();
        if (search != null && !search.isBlank()) {
            where += " and lower(d.title) like :q";
            params.put("q", SearchText.containing(search));
        }
        if (institutionId != null) {
            where += " and d.institution_id = :institution";
            params.put("institution", institutionId);
        }
        long total = jdbc.sql("select count(*) from cap_deliverable d" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<DeliverableView> items = jdbc
                .sql("select d.* from cap_deliverable d" + where + " order by " + page.orderBy()
                        + ", d.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> deliverableRow(rs))
                .list()
                .stream()
                .map(this::withMilestones)
                .toList();
        return PageResponse.of(items, page, total);
    }

    public DeliverableView deliverable(long id) {
        return jdbc.sql("select d.* from cap_deliverable d where d.id = :id")
                .param("id", id)
                .query((rs, n) -> deliverableRow(rs))
                .optional()
                .filter(d -> AccessScope.current().canRead(d.missionId(), d.countryCode()))
                .map(this::withMilestones)
                .orElseThrow(() -> new NotFoundException("Deliverable", id));
    }

    @Transactional
    public DeliverableView createDeliverable(DeliverableCommand command) {
        InstitutionView institution = validate(command);
        Records.requireWritable(institution.missionId(), institution.countryCode());
        DeliverableStatus status = command.status() == null ? DeliverableStatus.PLANNED : command.status();
        long id = Records.insert(jdbc.sql("""
                        insert into cap_deliverable (title, kind, institution_id, status, mission_id, country_code,
                               created_by, created_at, version)
                        values (:title, :kind, :institution, :status, :mission, :country, :me, :now, 1)""")
                .param("title", command.title().strip())
                .param("kind", command.kind().name())
                .param("institution", institution.id())
                .param("status", status.name())
                .param("mission", institution.missionId())
                .param("country", institution.countryCode())
                .param("me", AccessScope.current().username())
                .param("now", OffsetDateTime.now(clock)));
        audit.record(AuditAction.CREATE, "cap_deliverable", String.valueOf(id), fields(command, status));
        return deliverable(id);
    }

    @Transactional
    public DeliverableView updateDeliverable(long id, int expectedVersion, DeliverableCommand command) {
        DeliverableView current = deliverable(id);
        InstitutionView institution = validate(command);
        Records.requireWritable(current.missionId(), current.countryCode());
        Records.requireWritable(institution.missionId(), institution.countryCode());
        DeliverableStatus status = command.status() == null ? current.status() : command.status();
        int changed = jdbc.sql("""
                        update cap_deliverable
                           set title = :title, kind = :kind, institution_id = :institution, status = :status,
                               mission_id = :mission, country_code = :country, version = version + 1
                         where id = :id and version = :version""")
                .param("title", command.title().strip())
                .param("kind", command.kind().name())
                .param("institution", institution.id())
                .param("status", status.name())
                .param("mission", institution.missionId())
                .param("country", institution.countryCode())
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Deliverable", id);
        }
        audit.record(AuditAction.UPDATE, "cap_deliverable", String.valueOf(id), fields(command, status));
        return deliverable(id);
    }

    @Transactional
    public DeliverableView addMilestone(long deliverableId, MilestoneCommand command) {
        DeliverableView d = deliverable(deliverableId);
        Records.requireWritable(d.missionId(), d.countryCode());
        MilestoneStatus status = validate(command);
        long id = Records.insert(jdbc.sql("""
                        insert into cap_milestone (deliverable_id, title, due_on, done_on, status)
                        values (:d, :title, :due, :done, :status)""")
                .param("d", deliverableId)
                .param("title", command.title().strip())
                .param("due", command.dueOn())
                .param("done", status == MilestoneStatus.DONE ? command.doneOn() : null)
                .param("status", status.name()));
        touch(deliverableId);
        audit.record(
                AuditAction.CREATE,
                "cap_milestone",
                String.valueOf(id),
                Map.of("deliverable", deliverableId, "status", status.name()));
        return deliverable(deliverableId);
    }

    @Transactional
    public DeliverableView updateMilestone(long deliverableId, long milestoneId, MilestoneCommand command) {
        DeliverableView d = deliverable(deliverableId);
        Records.requireWritable(d.missionId(), d.countryCode());
        MilestoneStatus status = validate(command);
        int changed = jdbc.sql("""
                        update cap_milestone set title = :title, due_on = :due, done_on = :done, status = :status
                         where id = :id and deliverable_id = :d""")
                .param("title", command.title().strip())
                .param("due", command.dueOn())
                .param("done", status == MilestoneStatus.DONE ? command.doneOn() : null)
                .param("status", status.name())
                .param("id", milestoneId)
                .param("d", deliverableId)
                .update();
        if (changed == 0) {
            throw new NotFoundException("Milestone", milestoneId);
        }
        touch(deliverableId);
        audit.record(
                AuditAction.UPDATE,
                "cap_milestone",
                String.valueOf(milestoneId),
                Map.of("deliverable", deliverableId, "status", status.name()));
        return deliverable(deliverableId);
    }

    // ---------------------------------------------------------------- internals

    private void touch(long deliverableId) {
        jdbc.sql("update cap_deliverable set version = version + 1 where id = :id")
                .param("id", deliverableId)
                .update();
    }

    private InstitutionView validate(MentoringCommand command) {
        Validation v = new Validation()
                .required("mentor", blank(command.mentor()))
                .maxLength("mentor", command.mentor(), 200)
                .required("counterpart", blank(command.counterpart()))
                .maxLength("counterpart", command.counterpart(), 200)
                .required("institutionId", command.institutionId())
                .required("focus", command.focus())
                .required("startsOn", command.startsOn())
                .datesInOrder("startsOn", command.startsOn(), "endsOn", command.endsOn());
        return institution(v, command.institutionId());
    }

    private InstitutionView validate(DeliverableCommand command) {
        Validation v = new Validation()
                .required("title", blank(command.title()))
                .maxLength("title", command.title(), 300)
                .required("kind", command.kind())
                .required("institutionId", command.institutionId());
        return institution(v, command.institutionId());
    }

    private MilestoneStatus validate(MilestoneCommand command) {
        MilestoneStatus status = command.status() == null ? MilestoneStatus.PENDING : command.status();
        Validation v = new Validation()
                .required("title", blank(command.title()))
                .maxLength("title", command.title(), 300)
                .required("dueOn", command.dueOn());
        if (status == MilestoneStatus.DONE && command.doneOn() == null) {
            v.coded("doneOn", "is required when the milestone is DONE", "capacity.validation.doneOn");
        }
        v.throwIfInvalid();
        return status;
    }

    private InstitutionView institution(Validation v, @Nullable Long id) {
        Optional<InstitutionView> institution = id == null ? Optional.empty() : institutions.view(id);
        if (id != null && institution.isEmpty()) {
            v.coded(
                    "institutionId",
                    "institution " + id + " does not exist",
                    "capacity.validation.institutionNotFound");
        }
        v.throwIfInvalid();
        return institution.orElseThrow();
    }

    private MentoringView mentoringRow(ResultSet rs) throws SQLException {
        long institution = rs.getLong("institution_id");
        return new MentoringView(
                rs.getLong("id"),
                rs.getString("mentor"),
                rs.getString("counterpart"),
                institution,
                Records.institutionName(institutions, institution),
                Competency.valueOf(rs.getString("focus")),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                Records.nullableLong(rs, "mission_id"),
                rs.getString("country_code"),
                List.of(),
                null,
                null,
                rs.getInt("version"));
    }

    private MentoringView withSessions(MentoringView m) {
        List<MentoringView.Session> sessions = jdbc.sql("""
                        select id, held_on, rating, note from cap_mentoring_session where mentoring_id = :id
                         order by held_on, id""")
                .param("id", m.id())
                .query((rs, n) -> new MentoringView.Session(
                        rs.getLong("id"),
                        rs.getObject("held_on", LocalDate.class),
                        rs.getInt("rating"),
                        rs.getString("note")))
                .list();
        Integer latest =
                sessions.isEmpty() ? null : sessions.get(sessions.size() - 1).rating();
        Integer progress = sessions.isEmpty() ? null : latest - sessions.get(0).rating();
        return new MentoringView(
                m.id(),
                m.mentor(),
                m.counterpart(),
                m.institutionId(),
                m.institutionName(),
                m.focus(),
                m.startsOn(),
                m.endsOn(),
                m.missionId(),
                m.countryCode(),
                sessions,
                latest,
                progress,
                m.version());
    }

    private DeliverableView deliverableRow(ResultSet rs) throws SQLException {
        long institution = rs.getLong("institution_id");
        return new DeliverableView(
                rs.getLong("id"),
                rs.getString("title"),
                DeliverableKind.valueOf(rs.getString("kind")),
                institution,
                Records.institutionName(institutions, institution),
                DeliverableStatus.valueOf(rs.getString("status")),
                Records.nullableLong(rs, "mission_id"),
                rs.getString("country_code"),
                List.of(),
                0,
                0,
                rs.getInt("version"));
    }

    private DeliverableView withMilestones(DeliverableView d) {
        LocalDate today = LocalDate.now(clock);
        List<DeliverableView.Milestone> milestones = jdbc.sql("""
                        select id, title, due_on, status, done_on from cap_milestone where deliverable_id = :id
                         order by due_on, id""")
                .param("id", d.id())
                .query((rs, n) -> {
                    MilestoneStatus status = MilestoneStatus.valueOf(rs.getString("status"));
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    return new DeliverableView.Milestone(
                            rs.getLong("id"),
                            rs.getString("title"),
                            due,
                            status,
                            rs.getObject("done_on", LocalDate.class),
                            status == MilestoneStatus.PENDING && due.isBefore(today));
                })
                .list();
        return new DeliverableView(
                d.id(),
                d.title(),
                d.kind(),
                d.institutionId(),
                d.institutionName(),
                d.status(),
                d.missionId(),
                d.countryCode(),
                milestones,
                milestones.stream()
                        .filter(m -> m.status() == MilestoneStatus.DONE)
                        .count(),
                milestones.stream().filter(DeliverableView.Milestone::overdue).count(),
                d.version());
    }

    private static Map<String, Object> fields(DeliverableCommand command, DeliverableStatus status) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("institution", command.institutionId());
        fields.put("kind", command.kind().name());
        fields.put("status", status.name());
        return fields;
    }

    private static @Nullable String blank(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
