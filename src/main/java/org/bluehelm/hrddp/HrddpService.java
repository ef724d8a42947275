package org.bluehelm.hrddp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bluehelm.audit.AuditAction;
import org.bluehelm.audit.AuditLog;
import org.bluehelm.complaint.CaseSubstantiated;
import org.bluehelm.complaint.ComplaintCategory;
import org.bluehelm.identity.UserService;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionView;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planned supports, their risk assessments, monitoring and flags. A user reads the supports of the
 * missions and countries in their scope (others are not found) and changes them within it (roles
 * are checked at the door). Every change is written to the audit log in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class HrddpService {

    static final Map<String, String> SORTS = Map.of(
            "id", "s.id",
            "from", "s.period_from",
            "to", "s.period_to",
            "type", "s.support_type",
            "status", "s.status",
            "country", "s.country_code",
            "review", "a.review_date");

    private static final Logger log = LoggerFactory.getLogger(HrddpService.class);

    /** Deeper than any real chain of command; stops the walk up should stored data ever loop. */
    private static final int MAX_DEPTH = 50;

    private static final int MAX_RESPONSIBLE = 20;

    private static final String SUPPORT_COLUMNS = """
            select s.id, s.recipient_institution_id, s.support_type, s.period_from, s.period_to, s.mission_id,
                   s.country_code, s.status, s.description, s.created_by, s.created_at, s.updated_by, s.updated_at,
                   s.version
              from hrddp_support s
            """;

    private final JdbcClient jdbc;
    private final InstitutionService institutions;
    private final MissionService missions;
    private final UserService users;
    private final AuditLog audit;
    private final Clock clock;

    HrddpService(
            JdbcClient jdbc,
            InstitutionService institutions,
            MissionService missions,
            UserService users,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.missions = missions;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- supports

    public PageResponse<SupportSummary> list(SupportFilter filter, PageQuery page) {
        AccessScope scope = AccessScope.current();
        AccessScope.Filter scopeFilter = scope.filter("s.mission_id", "s.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scopeFilter.sql());
        Map<String, Object> params = new HashMap<>(scopeFilter.params());
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" and lower(s.description) like :q");
            params.put("q", SearchText.containing(filter.search()));
        }
        if (filter.status() != null) {
            where.append(" and s.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.type() != null) {
            where.append(" and s.support_type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            where.append(" and s.country_code = :country");
            params.put("country", filter.country().strip().toUpperCase(Locale.ROOT));
        }
        if (filter.missionId() != null) {
            where.append(" and s.mission_id = :mission");
            params.put("mission", filter.missionId());
        }
        if (filter.recipientInstitutionId() != null) {
            where.append(" and s.recipient_institution_id = :recipient");
            params.put("recipient", filter.recipientInstitutionId());
        }
        if (filter.flagged()) {
            where.append(" and exists (select 1 from hrddp_flag f where f.support_id = s.id and f.state = 'OPEN')");
        }
        if (filter.mine()) {
            where.append(" and exists (select 1 from hrddp_support_person p"
                    + " where p.support_id = s.id and p.username = :me)");
            params.put("me", scope.username());
        }
        if (filter.overdue()) {
            where.append(" and s.status <> 'ENDED' and a.review_date < :today");
            params.put("today", today());
        }
        String from = """
                  from hrddp_support s
                  left join hrddp_assessment a
                    on a.id = (select max(x.id) from hrddp_assessment x where x.support_id = s.id)
                """;
        long total = jdbc.sql("select count(*)" + from + where)
                .params(params)
                .query(Long.class)
                .single();
        LocalDate today = today();
        List<SupportSummary> items = jdbc.sql(
                        """
                        select s.id, s.recipient_institution_id, s.support_type, s.period_from, s.period_to,
                               s.mission_id, s.country_code, s.status, s.version, a.decision, a.review_date,
                               (select count(*) from hrddp_flag f where f.support_id = s.id and f.state = 'OPEN')
                                   as open_flags
                        """ + from + where + " order by " + page.orderBy() + ", s.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> {
                    SupportStatus status = SupportStatus.valueOf(rs.getString("status"));
                    LocalDate review = rs.getObject("review_date", LocalDate.class);
                    String decision = rs.getString("decision");
                    long recipient = rs.getLong("recipient_institution_id");
                    return new SupportSummary(
                            rs.getLong("id"),
                            recipient,
                            recipientName(recipient),
                            SupportType.valueOf(rs.getString("support_type")),
                            rs.getObject("period_from", LocalDate.class),
                            rs.getObject("period_to", LocalDate.class),
                            nullableLong(rs, "mission_id"),
                            rs.getString("country_code"),
                            status,
                            decision == null ? null : Decision.valueOf(decision),
                            review,
                            overdue(status, review, today),
                            rs.getLong("open_flags"),
                            rs.getInt("version"));
                })
                .list();
        return PageResponse.of(items, page, total);
    }

    /** The support, if it exists and the current user's scope covers it. */
    public SupportView get(long id) {
        return view(readable(id));
    }

    @Transactional
    public SupportView create(SupportCommand given) {
        SupportCommand command = given.status() != null
                ? given
                : new SupportCommand(
                        given.recipientInstitutionId(),
                        given.type(),
                        given.periodFrom(),
                        given.periodTo(),
                        given.missionId(),
                        SupportStatus.PLANNED,
                        given.description(),
                        given.responsible());
        Validation v = new Validation();
        Optional<InstitutionView> recipient = validate(v, command);
        if (command.status() != null && command.status() != SupportStatus.PLANNED) {
            v.coded(
                    "status",
                    "a new support starts PLANNED: assess it before making it " + command.status(),
                    "hrddp.validation.newNotPlanned");
        }
        v.throwIfInvalid();
        String country = recipient.orElseThrow().countryCode();
        requireWritable(command.missionId(), country);
        String me = AccessScope.current().username();
        OffsetDateTime now = now();
        long id = insert(jdbc.sql("""
                        insert into hrddp_support (recipient_institution_id, support_type, period_from, period_to,
                               mission_id, country_code, status, description, created_by, created_at, updated_by,
                               updated_at, version)
                        values (:recipient, :type, :from, :to, :mission, :country, 'PLANNED', :description, :me, :now,
                               :me, :now, 1)
                        """)
                .param("recipient", command.recipientInstitutionId())
                .param("type", command.type().name())
                .param("from", command.periodFrom())
                .param("to", command.periodTo())
                .param("mission", command.missionId())
                .param("country", country)
                .param("description", blankToNull(command.description()))
                .param("me", me)
                .param("now", now));
        writePeople(id, me, command.responsible());
        audit.record(AuditAction.CREATE, "hrddp_support", String.valueOf(id), auditFields(command, country));
        return get(id);
    }

    @Transactional
    public SupportView update(long id, int expectedVersion, SupportCommand command) {
        Support current = readable(id);
        Validation v = new Validation();
        Optional<InstitutionView> recipient = validate(v, command);
        if (command.status() == SupportStatus.ACTIVE && current.status != SupportStatus.ACTIVE) {
            Optional<AssessmentView> assessment = currentAssessment(id);
            if (assessment.isEmpty()) {
                v.coded(
                        "status",
                        "can be ACTIVE only once a risk assessment decides to proceed; this support has none",
                        "hrddp.validation.activeWithoutAssessment");
            } else if (!assessment.get().decision().allowsSupport()) {
                v.coded(
                        "status",
                        "can be ACTIVE only when the current risk assessment decides PROCEED or"
                                + " PROCEED_WITH_MITIGATION; it decides "
                                + assessment.get().decision(),
                        "hrddp.validation.activeRefused",
                        assessment.get().decision());
            }
        }
        v.throwIfInvalid();
        requireWritable(current.missionId, current.countryCode);
        String country = recipient.orElseThrow().countryCode();
        requireWritable(command.missionId(), country);
        int changed = jdbc.sql("""
                        update hrddp_support
                           set recipient_institution_id = :recipient, support_type = :type, period_from = :from,
                               period_to = :to, mission_id = :mission, country_code = :country, status = :status,
                               description = :description, updated_by = :me, updated_at = :now,
                               version = version + 1
                         where id = :id and version = :version
                        """)
                .param("recipient", command.recipientInstitutionId())
                .param("type", command.type().name())
                .param("from", command.periodFrom())
                .param("to", command.periodTo())
                .param("mission", command.missionId())
                .param("country", country)
                .param("status", command.status().name())
                .param("description", blankToNull(command.description()))
                .param("me", AccessScope.current().username())
                .param("now", now())
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Support", id);
        }
        jdbc.sql("delete from hrddp_support_person where support_id = :id")
                .param("id", id)
                .update();
        writePeople(id, current.createdBy, command.responsible());
        Map<String, Object> fields = auditFields(command, country);
        fields.put("status", command.status().name());
        audit.record(AuditAction.UPDATE, "hrddp_support", String.valueOf(id), fields);
        return get(id);
    }

    @Transactional
    public void delete(long id, int expectedVersion) {
        Support current = readable(id);
        requireWritable(current.missionId, current.countryCode);
        int deleted = jdbc.sql("delete from hrddp_support where id = :id and version = :version")
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (deleted == 0) {
            throw ConflictException.staleVersion("Support", id);
        }
        audit.record(AuditAction.DELETE, "hrddp_support", String.valueOf(id), Map.of());
    }

    // ---------------------------------------------------------------- assessments

    /** Every assessment of the support, the current (latest) first. */
    public List<AssessmentView> assessments(long supportId) {
        readable(supportId);
        return assessmentsOf(supportId, Integer.MAX_VALUE);
    }

    /**
     * Records a new assessment, which becomes the current one: it clears the support's open flags,
     * and when it decides not to proceed (or to suspend) an ACTIVE support becomes SUSPENDED.
     */
    @Transactional
    public AssessmentView assess(long supportId, AssessmentCommand command) {
        Support support = readable(supportId);
        Validation v = new Validation()
                .required("violationsLevel", command.violationsLevel())
                .required("violationsRecord", command.violationsRecord())
                .maxLength("violationsRecord", command.violationsRecord(), 8000)
                .maxLength("commandResponsibility", command.commandResponsibility(), 8000)
                .required("overallRisk", command.overallRisk())
                .required("decision", command.decision())
                .required("reviewDate", command.reviewDate());
        if (command.reviewDate() != null && !command.reviewDate().isAfter(today())) {
            v.coded("reviewDate", "must be a date in the future", "hrddp.validation.reviewFuture");
        }
        List<AssessmentCommand.Mitigation> mitigations =
                command.mitigations() == null ? List.of() : command.mitigations();
        for (int i = 0; i < mitigations.size(); i++) {
            AssessmentCommand.Mitigation m = mitigations.get(i);
            String field = "mitigations[" + i + "].text";
            if (m == null) {
                v.required(field, null);
                continue;
            }
            v.required(field, m.text()).maxLength(field, m.text(), 1000);
        }
        if (command.decision() == Decision.PROCEED_WITH_MITIGATION && mitigations.isEmpty()) {
            v.coded(
                    "mitigations",
                    "at least one mitigation measure is needed to proceed with mitigation",
                    "hrddp.validation.mitigationNeeded");
        }
        v.throwIfInvalid();
        requireWritable(support.missionId, support.countryCode);
        String me = AccessScope.current().username();
        OffsetDateTime now = now();
        long id = insert(jdbc.sql("""
                        insert into hrddp_assessment (support_id, violations_level, violations_record,
                               command_responsibility, overall_risk, decision, review_date, assessed_by, assessed_at)
                        values (:support, :level, :record, :command, :risk, :decision, :review, :me, :now)
                        """)
                .param("support", supportId)
                .param("level", command.violationsLevel().name())
                .param("record", command.violationsRecord().strip())
                .param("command", blankToNull(command.commandResponsibility()))
                .param("risk", command.overallRisk().name())
                .param("decision", command.decision().name())
                .param("review", command.reviewDate())
                .param("me", me)
                .param("now", now));
        for (int i = 0; i < mitigations.size(); i++) {
            AssessmentCommand.Mitigation m = mitigations.get(i);
            jdbc.sql("insert into hrddp_mitigation (assessment_id, position, text, status)"
                            + " values (:assessment, :position, :text, :status)")
                    .param("assessment", id)
                    .param("position", i)
                    .param("text", m.text().strip())
                    .param("status", (m.status() == null ? MitigationStatus.OPEN : m.status()).name())
                    .update();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("support", supportId);
        fields.put("violationsLevel", command.violationsLevel().name());
        fields.put("overallRisk", command.overallRisk().name());
        fields.put("decision", command.decision().name());
        fields.put("reviewDate", command.reviewDate().toString());
        fields.put("mitigations", mitigations.size());
        audit.record(AuditAction.CREATE, "hrddp_assessment", String.valueOf(id), fields);
        for (FlagView flag : flags(supportId, FlagState.OPEN)) {
            jdbc.sql("""
                            update hrddp_flag set state = 'CLEARED', closed_at = :now, closed_by = :me,
                                   cleared_by_assessment = :assessment, version = version + 1
                             where id = :id
                            """)
                    .param("now", now)
                    .param("me", me)
                    .param("assessment", id)
                    .param("id", flag.id())
                    .update();
            audit.record(
                    AuditAction.UPDATE,
                    "hrddp_flag",
                    String.valueOf(flag.id()),
                    Map.of("state", FlagState.CLEARED.name(), "clearedByAssessment", id));
        }
        if (support.status == SupportStatus.ACTIVE && !command.decision().allowsSupport()) {
            jdbc.sql("update hrddp_support set status = 'SUSPENDED', updated_by = :me, updated_at = :now,"
                            + " version = version + 1 where id = :id")
                    .param("me", me)
                    .param("now", now)
                    .param("id", supportId)
                    .update();
            audit.record(
                    AuditAction.UPDATE,
                    "hrddp_support",
                    String.valueOf(supportId),
                    Map.of("status", SupportStatus.SUSPENDED.name(), "byAssessment", id));
        }
        return assessmentsOf(supportId, 1).get(0);
    }

    // ---------------------------------------------------------------- monitoring

    /** The monitoring entries of a support, the latest observation first. */
    public List<MonitoringView> monitoring(long supportId) {
        readable(supportId);
        return jdbc.sql("select * from hrddp_monitoring where support_id = :id order by observed_on desc, id desc")
                .param("id", supportId)
                .query((rs, n) -> new MonitoringView(
                        rs.getLong("id"),
                        rs.getLong("support_id"),
                        rs.getObject("observed_on", LocalDate.class),
                        rs.getString("observation"),
                        (Boolean) rs.getObject("mitigation_respected"),
                        rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }

    @Transactional
    public MonitoringView monitor(long supportId, MonitoringCommand command) {
        Support support = readable(supportId);
        Validation v = new Validation()
                .required("observedOn", command.observedOn())
                .required("observation", command.observation())
                .maxLength("observation", command.observation(), 4000);
        if (command.observedOn() != null && command.observedOn().isAfter(today())) {
            v.coded("observedOn", "must not be in the future", "hrddp.validation.notFuture");
        }
        v.throwIfInvalid();
        requireWritable(support.missionId, support.countryCode);
        long id = insert(jdbc.sql("""
                        insert into hrddp_monitoring (support_id, observed_on, observation, mitigation_respected,
                               recorded_by, recorded_at)
                        values (:support, :on, :observation, :respected, :me, :now)
                        """)
                .param("support", supportId)
                .param("on", command.observedOn())
                .param("observation", command.observation().strip())
                .param("respected", command.mitigationRespected())
                .param("me", AccessScope.current().username())
                .param("now", now()));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("support", supportId);
        fields.put("observedOn", command.observedOn().toString());
        fields.put("mitigationRespected", String.valueOf(command.mitigationRespected()));
        audit.record(AuditAction.CREATE, "hrddp_monitoring", String.valueOf(id), fields);
        return monitoring(supportId).stream()
                .filter(m -> m.id() == id)
                .findFirst()
                .orElseThrow();
    }

    // ---------------------------------------------------------------- flags

    /** Every flag of a support, open ones first, then the latest. */
    public List<FlagView> flags(long supportId) {
        readable(supportId);
        return flags(supportId, null);
    }

    /** Closes an open flag without a new assessment, with a note saying why. */
    @Transactional
    public FlagView acknowledge(long supportId, long flagId, int expectedVersion, @Nullable String note) {
        Support support = readable(supportId);
        FlagView flag = flags(supportId, null).stream()
                .filter(f -> f.id() == flagId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Flag", flagId));
        new Validation().required("note", note).maxLength("note", note, 2000).throwIfInvalid();
        requireWritable(support.missionId, support.countryCode);
        if (flag.state() != FlagState.OPEN) {
            throw new ConflictException("flag-closed", "Flag " + flagId + " is already " + flag.state());
        }
        int changed = jdbc.sql("""
                        update hrddp_flag set state = 'ACKNOWLEDGED', closed_at = :now, closed_by = :me, note = :note,
                               version = version + 1
                         where id = :id and version = :version and state = 'OPEN'
                        """)
                .param("now", now())
                .param("me", AccessScope.current().username())
                .param("note", note.strip())
                .param("id", flagId)
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Flag", flagId);
        }
        audit.record(
                AuditAction.UPDATE,
                "hrddp_flag",
                String.valueOf(flagId),
                Map.of("state", FlagState.ACKNOWLEDGED.name()));
        return flags(supportId, null).stream()
                .filter(f -> f.id() == flagId)
                .findFirst()
                .orElseThrow();
    }

    /**
     * The open flags on supports in the current user's scope that they are responsible for.
     */
    public long openFlagCountForCurrentUser() {
        AccessScope scope = AccessScope.current();
        AccessScope.Filter filter = scope.filter("s.mission_id", "s.country_code");
        return jdbc.sql("""
                        select count(*) from hrddp_flag f join hrddp_support s on s.id = f.support_id
                         where f.state = 'OPEN'
                           and exists (select 1 from hrddp_support_person p
                                        where p.support_id = s.id and p.username = :me)
                        """ + " and " + filter.sql())
                .params(filter.params())
                .param("me", scope.username())
                .query(Long.class)
                .single();
    }

    /**
     * Raises a flag on every support not ended whose recipient is implicated by the case: the unit
     * itself, any unit above it in the chain of command (command responsibility) and any unit below
     * it (which may have taken part), but not its sibling units. Runs as background work, in the
     * caller's transaction; a support already flagged open for the case is left as it is.
     *
     * @return the ids of the flags raised
     */
    @Transactional
    List<Long> raiseFlags(CaseSubstantiated event) {
        if (!GraveCategories.isGrave(event.category())
                || event.implicatedInstitutionIds().isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Long>> chains = new HashMap<>();
        Set<Long> implicatedAndAbove = new LinkedHashSet<>();
        for (long implicated : event.implicatedInstitutionIds()) {
            implicatedAndAbove.addAll(chains.computeIfAbsent(implicated, this::selfAndAncestors));
        }
        List<long[]> supports = jdbc.sql(
                        "select id, recipient_institution_id from hrddp_support where status <> 'ENDED'")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        OffsetDateTime now = now();
        List<Long> raised = new ArrayList<>();
        for (long[] support : supports) {
            long recipient = support[1];
            boolean implicated = implicatedAndAbove.contains(recipient)
                    || !Collections.disjoint(
                            chains.computeIfAbsent(recipient, this::selfAndAncestors),
                            event.implicatedInstitutionIds());
            if (!implicated || openFlagExists(support[0], event.caseId())) {
                continue;
            }
            long id = insert(jdbc.sql("""
                            insert into hrddp_flag (support_id, case_id, case_deleted, case_category, case_closed_at,
                                   state, raised_at, version)
                            values (:support, :case, false, :category, :closed, 'OPEN', :now, 1)
                            """)
                    .param("support", support[0])
                    .param("case", event.caseId())
                    .param("category", event.category().name())
                    .param("closed", event.closedAt())
                    .param("now", now));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("support", support[0]);
            fields.put("case", event.caseId());
            fields.put("category", event.category().name());
            audit.record(AuditAction.CREATE, "hrddp_flag", String.valueOf(id), fields);
            raised.add(id);
        }
        log.info("Case {} ({}) raised {} HRDDP flag(s)", event.caseId(), event.category(), raised.size());
        return raised;
    }

    /** Drops a deleted case's number from the flags that name it; the flags themselves stay. */
    @Transactional
    int forgetCase(long caseId) {
        List<Long> ids = jdbc.sql("select id from hrddp_flag where case_id = :case")
                .param("case", caseId)
                .query(Long.class)
                .list();
        for (long id : ids) {
            jdbc.sql("update hrddp_flag set case_id = null, case_deleted = true, version = version + 1 where id = :id")
                    .param("id", id)
                    .update();
            audit.record(AuditAction.UPDATE, "hrddp_flag", String.valueOf(id), Map.of("caseDeleted", true));
        }
        return ids.size();
    }

    // ---------------------------------------------------------------- internals

    /** A stored support's scope and state. */
    private record Support(
            long id, @Nullable Long missionId, String countryCode, SupportStatus status, String createdBy) {}

    private Support readable(long id) {
        return jdbc.sql("select id, mission_id, country_code, status, created_by from hrddp_support where id = :id")
                .param("id", id)
                .query((rs, n) -> new Support(
                        rs.getLong("id"),
                        nullableLong(rs, "mission_id"),
                        rs.getString("country_code"),
                        SupportStatus.valueOf(rs.getString("status")),
                        rs.getString("created_by")))
                .optional()
                .filter(s -> AccessScope.current().canRead(s.missionId(), s.countryCode()))
                .orElseThrow(() -> new NotFoundException("Support", id));
    }

    private static void requireWritable(@Nullable Long missionId, String countryCode) {
        if (!AccessScope.current().canRead(missionId, countryCode)) {
            throw new ForbiddenException(
                    missionId == null
                            ? "Your scope does not cover " + countryCode
                            : "Your scope does not cover mission " + missionId + " in " + countryCode);
        }
    }

    /** Checks a support command; returns the recipient when it exists and the user may see it. */
    private Optional<InstitutionView> validate(Validation v, SupportCommand command) {
        v.required("recipientInstitutionId", command.recipientInstitutionId())
                .required("type", command.type())
                .required("periodFrom", command.periodFrom())
                .datesInOrder("periodFrom", command.periodFrom(), "periodTo", command.periodTo())
                .required("status", command.status())
                .maxLength("description", command.description(), 4000);
        Optional<InstitutionView> recipient = Optional.empty();
        if (command.recipientInstitutionId() != null) {
            recipient = institutions.view(command.recipientInstitutionId());
            if (recipient.isEmpty()) {
                v.coded(
                        "recipientInstitutionId",
                        "institution " + command.recipientInstitutionId() + " does not exist",
                        "hrddp.validation.recipientNotFound");
            }
        }
        if (command.missionId() != null) {
            if (!missions.exists(command.missionId())) {
                v.coded(
                        "missionId",
                        "mission " + command.missionId() + " does not exist",
                        "hrddp.validation.missionNotFound");
            } else if (recipient.isPresent()
                    && !missions.hostCountries(Set.of(command.missionId()))
                            .contains(recipient.get().countryCode())) {
                v.coded(
                        "missionId",
                        "mission " + command.missionId() + " is not hosted by the recipient's country "
                                + recipient.get().countryCode(),
                        "hrddp.validation.missionNotHosted",
                        recipient.get().countryCode());
            }
        }
        List<String> people = command.responsible() == null ? List.of() : command.responsible();
        if (people.size() > MAX_RESPONSIBLE) {
            v.coded(
                    "responsible",
                    "must name at most " + MAX_RESPONSIBLE + " people",
                    "hrddp.validation.tooManyPeople",
                    MAX_RESPONSIBLE);
        }
        for (String username : people) {
            if (username == null || username.isBlank()) {
                continue;
            }
            try {
                users.byUsername(username.strip());
            } catch (NotFoundException e) {
                v.coded(
                        "responsible",
                        "no user is named '" + username.strip() + "'",
                        "hrddp.validation.unknownUser",
                        username.strip());
            }
        }
        return recipient;
    }

    private void writePeople(long supportId, String creator, @Nullable List<String> responsible) {
        Set<String> people = new LinkedHashSet<>();
        people.add(creator);
        if (responsible != null) {
            responsible.stream()
                    .filter(u -> u != null && !u.isBlank())
                    .map(String::strip)
                    .forEach(people::add);
        }
        for (String username : people) {
            jdbc.sql("insert into hrddp_support_person (support_id, username) values (:id, :username)")
                    .param("id", supportId)
                    .param("username", username)
                    .update();
        }
    }

    private SupportView view(Support s) {
        return jdbc.sql(SUPPORT_COLUMNS + " where s.id = :id")
                .param("id", s.id())
                .query((rs, n) -> {
                    SupportStatus status = SupportStatus.valueOf(rs.getString("status"));
                    Optional<AssessmentView> current = currentAssessment(s.id());
                    long recipient = rs.getLong("recipient_institution_id");
                    return new SupportView(
                            s.id(),
                            recipient,
                            recipientName(recipient),
                            SupportType.valueOf(rs.getString("support_type")),
                            rs.getObject("period_from", LocalDate.class),
                            rs.getObject("period_to", LocalDate.class),
                            nullableLong(rs, "mission_id"),
                            rs.getString("country_code"),
                            status,
                            rs.getString("description"),
                            people(s.id()),
                            rs.getString("created_by"),
                            rs.getObject("created_at", OffsetDateTime.class),
                            rs.getString("updated_by"),
                            rs.getObject("updated_at", OffsetDateTime.class),
                            current.orElse(null),
                            overdue(
                                    status,
                                    current.map(AssessmentView::reviewDate).orElse(null),
                                    today()),
                            flags(s.id(), FlagState.OPEN),
                            rs.getInt("version"));
                })
                .single();
    }

    private List<String> people(long supportId) {
        return jdbc.sql("select username from hrddp_support_person where support_id = :id order by username")
                .param("id", supportId)
                .query(String.class)
                .list();
    }

    private Optional<AssessmentView> currentAssessment(long supportId) {
        return assessmentsOf(supportId, 1).stream().findFirst();
    }

    private List<AssessmentView> assessmentsOf(long supportId, int limit) {
        List<AssessmentView> found = jdbc.sql(
                        "select * from hrddp_assessment where support_id = :id order by id desc limit :limit")
                .param("id", supportId)
                .param("limit", limit)
                .query((rs, n) -> new AssessmentView(
                        rs.getLong("id"),
                        rs.getLong("support_id"),
                        ViolationsLevel.valueOf(rs.getString("violations_level")),
                        rs.getString("violations_record"),
                        rs.getString("command_responsibility"),
                        OverallRisk.valueOf(rs.getString("overall_risk")),
                        List.of(),
                        Decision.valueOf(rs.getString("decision")),
                        rs.getObject("review_date", LocalDate.class),
                        rs.getString("assessed_by"),
                        rs.getObject("assessed_at", OffsetDateTime.class)))
                .list();
        return found.stream()
                .map(a -> new AssessmentView(
                        a.id(),
                        a.supportId(),
                        a.violationsLevel(),
                        a.violationsRecord(),
                        a.commandResponsibility(),
                        a.overallRisk(),
                        jdbc.sql(
                                        "select text, status from hrddp_mitigation where assessment_id = :id order by position")
                                .param("id", a.id())
                                .query((rs, n) -> new AssessmentView.MitigationView(
                                        rs.getString("text"), MitigationStatus.valueOf(rs.getString("status"))))
                                .list(),
                        a.decision(),
                        a.reviewDate(),
                        a.assessedBy(),
                        a.assessedAt()))
                .toList();
    }

    private List<FlagView> flags(long supportId, @Nullable FlagState state) {
        return jdbc.sql("""
                        select * from hrddp_flag where support_id = :id and (:state = '' or state = :state)
                         order by case when state = 'OPEN' then 0 else 1 end, id desc
                        """)
                .param("id", supportId)
                .param("state", state == null ? "" : state.name())
                .query((rs, n) -> new FlagView(
                        rs.getLong("id"),
                        rs.getLong("support_id"),
                        nullableLong(rs, "case_id"),
                        rs.getBoolean("case_deleted"),
                        ComplaintCategory.valueOf(rs.getString("case_category")),
                        rs.getObject("case_closed_at", OffsetDateTime.class),
                        FlagState.valueOf(rs.getString("state")),
                        rs.getObject("raised_at", OffsetDateTime.class),
                        rs.getObject("closed_at", OffsetDateTime.class),
                        rs.getString("closed_by"),
                        rs.getString("note"),
                        nullableLong(rs, "cleared_by_assessment"),
                        rs.getInt("version")))
                .list();
    }

    private boolean openFlagExists(long supportId, long caseId) {
        return jdbc.sql("select count(*) from hrddp_flag where support_id = :support and case_id = :case"
                                + " and state = 'OPEN'")
                        .param("support", supportId)
                        .param("case", caseId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The institution and every institution above it, read as background work sees them. */
    private Set<Long> selfAndAncestors(long institutionId) {
        Set<Long> chain = new LinkedHashSet<>();
        Long next = institutionId;
        for (int depth = 0; next != null && depth < MAX_DEPTH && chain.add(next); depth++) {
            next = institutions.view(next).map(InstitutionView::parentId).orElse(null);
        }
        return chain;
    }

    private String recipientName(long institutionId) {
        return institutions
                .view(institutionId)
                .map(i -> i.acronym() == null ? i.name() : i.name() + " (" + i.acronym() + ")")
                .orElse("#" + institutionId);
    }

    /** Runs an insert and returns the id the database generated. */
    private static long insert(JdbcClient.StatementSpec insert) {
        KeyHolder key = new GeneratedKeyHolder();
        insert.update(key, "id");
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    private static boolean overdue(SupportStatus status, @Nullable LocalDate review, LocalDate today) {
        return status != SupportStatus.ENDED && review != null && review.isBefore(today);
    }

    private static Map<String, Object> auditFields(SupportCommand command, String country) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("recipientInstitutionId", command.recipientInstitutionId());
        fields.put("type", command.type().name());
        fields.put("periodFrom", command.periodFrom().toString());
        fields.put("periodTo", String.valueOf(command.periodTo()));
        fields.put("missionId", String.valueOf(command.missionId()));
        fields.put("countryCode", country);
        return fields;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
