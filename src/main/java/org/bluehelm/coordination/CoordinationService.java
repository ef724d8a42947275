package org.bluehelm.coordination;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bluehelm.actor.ActorCategory;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorView;
import org.bluehelm.audit.AuditAction;
import org.bluehelm.audit.AuditLog;
import org.bluehelm.capacity.TrainingService;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionView;
import org.bluehelm.mission.MissionService;
import org.bluehelm.programme.ProgrammeFilter;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.programme.ProgrammeStatus;
import org.bluehelm.programme.ProgrammeSummary;
import org.bluehelm.programme.ProgrammeView;
import org.bluehelm.progress.IndicatorProgress;
import org.bluehelm.progress.ProgressService;
import org.bluehelm.progress.ProgressStatus;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.Chunks;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Pillar;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities of the 3W/4W, their overlaps, the matrices and the recorded needs and gaps. A user
 * reads the activities of the missions and countries in their scope (others are not found) and
 * changes them within it. Every change is written to the audit log in the same transaction.
 *
 * <p>Two activities overlap when different actors that deliver support themselves (not funders)
 * give the same kind of support to the same institution at the same org unit (or both country-wide)
 * over periods that intersect, both still current, and they are not partners in the same programme.
 */
@Service
@Transactional(readOnly = true)
public class CoordinationService {

    static final Map<String, String> SORTS = Map.of(
            "id", "a.id",
            "title", "a.title",
            "start", "a.start_date",
            "end", "a.end_date",
            "pillar", "a.pillar",
            "kind", "a.support_kind",
            "status", "a.status",
            "country", "a.country_code",
            "budget", "a.budget_amount");

    /** Most activities drawn into a matrix or an export at once. */
    static final int MAX_ROWS = 20_000;

    private static final String COLUMNS = """
            select a.id, a.title, a.programme_id, a.actor_id, a.actor_role, a.pillar, a.support_kind,
                   a.institution_id, a.org_unit_id, a.country_code, a.mission_id, a.start_date, a.end_date,
                   a.status, a.budget_amount, a.budget_currency, a.iati_identifier, a.description, a.version
              from coordination_activity a
            """;

    /** The overlap rule between rows {@code a} and {@code b}, as described on the class. */
    private static final String OVERLAP = """
            b.id <> a.id and b.institution_id = a.institution_id and b.support_kind = a.support_kind
            and b.actor_id <> a.actor_id
            and coalesce(b.org_unit_id, -1) = coalesce(a.org_unit_id, -1)
            and a.actor_role <> 'FUNDING' and b.actor_role <> 'FUNDING'
            and a.status not in ('COMPLETED', 'CANCELLED') and b.status not in ('COMPLETED', 'CANCELLED')
            and b.start_date <= coalesce(a.end_date, date '9999-12-31')
            and a.start_date <= coalesce(b.end_date, date '9999-12-31')
            and (a.programme_id is null or b.programme_id is null or a.programme_id <> b.programme_id)
            """;

    private final JdbcClient jdbc;
    private final ActorService actors;
    private final ProgrammeService programmes;
    private final InstitutionService institutions;
    private final GeographyService geography;
    private final MissionService missions;
    private final AuditLog audit;
    private final Clock clock;
    private final ProgressService progress;

    private final TrainingService training;

    CoordinationService(
            JdbcClient jdbc,
            ActorService actors,
            ProgrammeService programmes,
            InstitutionService institutions,
            GeographyService geography,
            MissionService missions,
            AuditLog audit,
            Clock clock,
            ProgressService progress,
            TrainingService training) {
        this.progress = progress;
        this.training = training;
        this.jdbc = jdbc;
        this.actors = actors;
        this.programmes = programmes;
        this.institutions = institutions;
        this.geography = geography;
        this.missions = missions;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- activities

    public PageResponse<ActivityView> list(ActivityFilter filter, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("a.mission_id", "a.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" and (lower(a.title) like :q or lower(a.description) like :q)");
            params.put("q", SearchText.containing(filter.search()));
        }
        if (filter.pillar() != null) {
            where.append(" and a.pillar = :pillar");
            params.put("pillar", filter.pillar().name());
        }
        if (filter.supportKind() != null) {
            where.append(" and a.support_kind = :kind");
            params.put("kind", filter.supportKind().name());
        }
        if (filter.status() != null) {
            where.append(" and a.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            where.append(" and a.country_code = :country");
            params.put("country", filter.country().strip().toUpperCase(Locale.ROOT));
        }
        if (filter.actorId() != null) {
            where.append(" and a.actor_id = :actor");
            params.put("actor", filter.actorId());
        }
        if (filter.institutionId() != null) {
            where.append(" and a.institution_id = :institution");
            params.put("institution", filter.institutionId());
        }
        if (filter.programmeId() != null) {
            where.append(" and a.programme_id = :programme");
            params.put("programme", filter.programmeId());
        }
        if (filter.overlapping()) {
            AccessScope.Filter other = AccessScope.current().filter("b.mission_id", "b.country_code");
            where.append(" and exists (select 1 from coordination_activity b where ")
                    .append(OVERLAP)
                    .append(" and ")
                    .append(other.sql())
                    .append(")");
        }
        long total = jdbc.sql("select count(*) from coordination_activity a" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Row> rows = jdbc.sql(
                        COLUMNS + where + " order by " + page.orderBy() + ", a.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(CoordinationService::row)
                .list();
        return PageResponse.of(views(rows), page, total);
    }

    /** Every activity in the user's scope (at most {@link #MAX_ROWS}), with its overlaps. */
    public List<ActivityView> all() {
        return list(ActivityFilter.all(), everything()).items();
    }

    /** The first {@link #MAX_ROWS} activities by id: for matrices and exports, not for screens that page. */
    private static PageQuery everything() {
        return new PageQuery(0, MAX_ROWS, "a.id asc");
    }

    /** The activity, if it exists and the current user's scope covers it. */
    public ActivityView get(long id) {
        return views(List.of(readable(id))).get(0);
    }

    @Transactional
    public ActivityView create(ActivityCommand given) {
        ActivityCommand command = completed(given);
        Validation v = new Validation();
        validate(v, command);
        v.throwIfInvalid();
        requireWritable(command.missionId(), command.countryCode());
        String me = AccessScope.current().username();
        KeyHolder key = new GeneratedKeyHolder();
        bind(jdbc.sql("""
                                insert into coordination_activity (title, programme_id, actor_id, actor_role, pillar,
                                       support_kind, institution_id, org_unit_id, country_code, mission_id, start_date,
                                       end_date, status, budget_amount, budget_currency, iati_identifier, description,
                                       created_by, updated_by, updated_at, version)
                                values (:title, :programme, :actor, :role, :pillar, :kind, :institution, :orgUnit,
                                       :country, :mission, :start, :end, :status, :budget, :currency, :iati,
                                       :description, :me, :me, :now, 1)
                                """), command)
                .param("me", me)
                .param("now", OffsetDateTime.now(clock))
                .update(key, "id");
        long id = Objects.requireNonNull(key.getKey()).longValue();
        audit.record(AuditAction.CREATE, "coordination_activity", String.valueOf(id), auditFields(command));
        return get(id);
    }

    @Transactional
    public ActivityView update(long id, int expectedVersion, ActivityCommand given) {
        Row current = readable(id);
        ActivityCommand command = completed(given);
        Validation v = new Validation();
        validate(v, command);
        v.throwIfInvalid();
        requireWritable(current.missionId(), current.countryCode());
        requireWritable(command.missionId(), command.countryCode());
        int changed = bind(jdbc.sql("""
                                update coordination_activity
                                   set title = :title, programme_id = :programme, actor_id = :actor,
                                       actor_role = :role, pillar = :pillar, support_kind = :kind,
                                       institution_id = :institution, org_unit_id = :orgUnit, country_code = :country,
                                       mission_id = :mission, start_date = :start, end_date = :end, status = :status,
                                       budget_amount = :budget, budget_currency = :currency, iati_identifier = :iati,
                                       description = :description, updated_by = :me, updated_at = :now,
                                       version = version + 1
                                 where id = :id and version = :version
                                """), command)
                .param("me", AccessScope.current().username())
                .param("now", OffsetDateTime.now(clock))
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Activity", id);
        }
        audit.record(AuditAction.UPDATE, "coordination_activity", String.valueOf(id), auditFields(command));
        return get(id);
    }

    @Transactional
    public void delete(long id, int expectedVersion) {
        Row current = readable(id);
        requireWritable(current.missionId(), current.countryCode());
        int deleted = jdbc.sql("delete from coordination_activity where id = :id and version = :version")
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (deleted == 0) {
            throw ConflictException.staleVersion("Activity", id);
        }
        audit.record(AuditAction.DELETE, "coordination_activity", String.valueOf(id), Map.of());
    }

    /**
     * Creates every activity or none: the commands are checked first, and the problems of all of
     * them are reported with their {@code prefix[i].field} names before anything is written.
     */
    @Transactional
    public List<ActivityView> createAll(List<ActivityCommand> given, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        List<ActivityCommand> commands = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ActivityCommand command = completed(given.get(i));
            try {
                Validation one = new Validation();
                validate(one, command);
                one.throwIfInvalid();
            } catch (InvalidInputException e) {
                for (FieldProblem p : e.problems()) {
                    problems.add(
                            new FieldProblem(prefix + "[" + i + "]." + p.field(), p.message(), p.code(), p.args()));
                }
            }
            commands.add(command);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<ActivityView> created = new ArrayList<>();
        for (ActivityCommand command : commands) {
            created.add(create(command));
        }
        return created;
    }

    // ---------------------------------------------------------------- overlaps and matrices

    /**
     * Counts of activities by pillar and region, and by actor and institution, with the overlapping
     * ones counted per cell.
     */
    public MatrixView matrix(@Nullable String country) {
        List<ActivityView> activities = country == null || country.isBlank()
                ? all()
                : list(new ActivityFilter(null, null, null, null, country, null, null, null, false), everything())
                        .items();
        return MatrixView.of(activities);
    }

    /** Local ownership per country, programme and institution, over the activities the user may see. */
    public OwnershipView ownership() {
        return OwnershipView.of(
                all(),
                training.trainersByCountryAndInstitution(),
                id -> institutions.view(id).map(InstitutionView::name).orElse("#" + id));
    }

    // ---------------------------------------------------------------- needs and gaps

    @Transactional
    public NeedView recordNeed(NeedCommand command) {
        Validation v = new Validation()
                .required("pillar", command.pillar())
                .required("countryCode", command.countryCode())
                .iso3("countryCode", command.countryCode())
                .required("description", command.description())
                .maxLength("description", command.description(), 2000);
        String country = command.countryCode() == null
                ? null
                : command.countryCode().strip().toUpperCase(Locale.ROOT);
        if (command.institutionId() != null) {
            Optional<InstitutionView> institution = institutions.view(command.institutionId());
            if (institution.isEmpty()) {
                v.coded(
                        "institutionId",
                        "institution " + command.institutionId() + " does not exist",
                        "coordination.validation.institutionNotFound");
            } else if (country != null && !institution.get().countryCode().equals(country)) {
                v.coded(
                        "institutionId",
                        "is not an institution of " + country,
                        "coordination.validation.otherCountry",
                        country);
            }
        }
        checkOrgUnit(v, command.orgUnitId(), country);
        checkMission(v, command.missionId(), country);
        if (country != null && !v.hasProblem("countryCode") && !geography.countryExists(country)) {
            v.coded("countryCode", "country " + country + " does not exist", "coordination.validation.noCountry");
        }
        v.throwIfInvalid();
        requireWritable(command.missionId(), country);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into coordination_need (pillar, support_kind, institution_id, org_unit_id, country_code,
                               mission_id, description, created_by, created_at)
                        values (:pillar, :kind, :institution, :orgUnit, :country, :mission, :description, :me, :now)
                        """)
                .param("pillar", command.pillar().name())
                .param(
                        "kind",
                        command.supportKind() == null
                                ? null
                                : command.supportKind().name())
                .param("institution", command.institutionId())
                .param("orgUnit", command.orgUnitId())
                .param("country", country)
                .param("mission", command.missionId())
                .param("description", command.description().strip())
                .param("me", AccessScope.current().username())
                .param("now", OffsetDateTime.now(clock))
                .update(key, "id");
        long id = Objects.requireNonNull(key.getKey()).longValue();
        audit.record(
                AuditAction.CREATE,
                "coordination_need",
                String.valueOf(id),
                Map.of("pillar", command.pillar().name(), "countryCode", country));
        return needs(id).get(0);
    }

    @Transactional
    public void deleteNeed(long id) {
        NeedView need = needs(id).stream().findFirst().orElseThrow(() -> new NotFoundException("Need", id));
        requireWritable(need.missionId(), need.countryCode());
        jdbc.sql("delete from coordination_need where id = :id").param("id", id).update();
        audit.record(AuditAction.DELETE, "coordination_need", String.valueOf(id), Map.of());
    }

    /**
     * Every recorded need in the user's scope, each with the current activities that answer it: an
     * activity of the same country and pillar (and kind, when the need names one) that is not
     * completed or cancelled, has not ended before today, and supports the need's institution (when
     * it names one) at the need's org unit or below it (when it names one). A need no activity
     * answers is a gap.
     */
    public List<NeedView> needs() {
        List<NeedView> needs = new ArrayList<>(needs(null));
        needs.addAll(indicatorNeeds());
        return needs;
    }

    /** Most active programmes whose indicators are read for needs, so the gaps page stays quick. */
    static final int MAX_PROGRAMMES_FOR_NEEDS = 50;

    /**
     * Needs read from the progress of the active programmes in the user's scope: every institution a
     * programme supports needs support in the programme's pillar while one of the programme's
     * indicators is OFF_TRACK or AT_RISK somewhere (id 0, recorded by "progress"; they go when the
     * indicator is back on track). At most {@link #MAX_PROGRAMMES_FOR_NEEDS} programmes, latest first.
     */
    List<NeedView> indicatorNeeds() {
        List<ProgrammeSummary> active = programmes
                .list(
                        new ProgrammeFilter(null, null, ProgrammeStatus.ACTIVE, null, null, null, null),
                        PageQuery.of(0, MAX_PROGRAMMES_FOR_NEEDS, "-id", Map.of("id", "p.id"), "-id"))
                .items();
        LocalDate today = LocalDate.now(clock);
        Names names = new Names();
        List<NeedView> needs = new ArrayList<>();
        for (ProgrammeSummary summary : active) {
            Optional<ProgrammeView> programme = programmes.view(summary.id());
            if (programme.isEmpty() || programme.get().institutionIds().isEmpty()) {
                continue;
            }
            List<IndicatorProgress> behind = progress.programme(summary.id(), today).rows().stream()
                    .filter(r -> r.status() == ProgressStatus.OFF_TRACK || r.status() == ProgressStatus.AT_RISK)
                    .toList();
            if (behind.isEmpty()) {
                continue;
            }
            String why = behind.stream()
                            .limit(3)
                            .map(r -> r.indicatorName() + " ("
                                    + r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", "
                                    + r.orgUnitName() + ")")
                            .reduce((a, b) -> a + "; " + b)
                            .orElse("")
                    + (behind.size() > 3 ? "; …" : "");
            for (long institution : programme.get().institutionIds()) {
                needs.add(new NeedView(
                        0,
                        programme.get().pillar(),
                        null,
                        institution,
                        names.institution(institution),
                        null,
                        null,
                        programme.get().countryCode(),
                        programme.get().missionId(),
                        programme.get().code() + ": " + why,
                        "progress",
                        answers(
                                programme.get().countryCode(),
                                programme.get().pillar(),
                                null,
                                institution,
                                null,
                                today),
                        false));
            }
        }
        return needs;
    }

    /** The needs no current activity answers. */
    public List<NeedView> gaps() {
        return needs().stream().filter(NeedView::gap).toList();
    }

    /**
     * API sort keys of {@link #needs(String, String, boolean, PageQuery)}; the needs are computed
     * (recorded ones plus those read from at most {@link #MAX_PROGRAMMES_FOR_NEEDS} programmes), so
     * they are sorted and paged in memory.
     */
    public static final Map<String, Comparator<NeedView>> NEED_SORTS = Map.of(
            "id", Comparator.comparingLong(NeedView::id).thenComparing(NeedView::description),
            "country",
                    Comparator.comparing(NeedView::countryCode)
                            .thenComparing(NeedView::pillar)
                            .thenComparingLong(NeedView::id)
                            .thenComparing(NeedView::description),
            "pillar",
                    Comparator.comparing(NeedView::pillar)
                            .thenComparing(NeedView::countryCode)
                            .thenComparingLong(NeedView::id)
                            .thenComparing(NeedView::description));

    /** Allow-list of {@link PageQuery#of} for {@link #NEED_SORTS}. */
    public static final Map<String, String> NEED_SORT_KEYS = PageResponse.sortKeys(NEED_SORTS);

    /**
     * One page of the needs (only the gaps, the needs no activity answers, when {@code gapsOnly})
     * whose description, institution or unit contains {@code search}, of one country when set.
     */
    public PageResponse<NeedView> needs(
            @Nullable String search, @Nullable String country, boolean gapsOnly, PageQuery page) {
        String q = search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
        String iso3 =
                country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        List<NeedView> matching = needs().stream()
                .filter(n -> !gapsOnly || n.gap())
                .filter(n -> iso3 == null || n.countryCode().equals(iso3))
                .filter(n -> q == null
                        || contains(n.description(), q)
                        || contains(n.institutionName(), q)
                        || contains(n.orgUnitName(), q))
                .toList();
        return PageResponse.slice(matching, page, NEED_SORTS);
    }

    private static boolean contains(@Nullable String text, String lowerCaseSearch) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerCaseSearch);
    }

    private List<NeedView> needs(@Nullable Long onlyId) {
        AccessScope.Filter scope = AccessScope.current().filter("n.mission_id", "n.country_code");
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = " where " + scope.sql();
        if (onlyId != null) {
            where += " and n.id = :id";
            params.put("id", onlyId);
        }
        record NeedRow(
                long id,
                Pillar pillar,
                @Nullable SupportKind kind,
                @Nullable Long institutionId,
                @Nullable Long orgUnitId,
                String countryCode,
                @Nullable Long missionId,
                String description,
                String createdBy) {}
        List<NeedRow> rows = jdbc.sql("""
                        select n.id, n.pillar, n.support_kind, n.institution_id, n.org_unit_id, n.country_code,
                               n.mission_id, n.description, n.created_by
                          from coordination_need n""" + where + " order by n.country_code, n.pillar, n.id")
                .params(params)
                .query((rs, i) -> new NeedRow(
                        rs.getLong("id"),
                        Pillar.valueOf(rs.getString("pillar")),
                        rs.getString("support_kind") == null ? null : SupportKind.valueOf(rs.getString("support_kind")),
                        nullableLong(rs, "institution_id"),
                        nullableLong(rs, "org_unit_id"),
                        rs.getString("country_code"),
                        nullableLong(rs, "mission_id"),
                        rs.getString("description"),
                        rs.getString("created_by")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        Names names = new Names();
        List<NeedView> needs = new ArrayList<>();
        for (NeedRow n : rows) {
            List<NeedView.Answer> answers =
                    answers(n.countryCode(), n.pillar(), n.kind(), n.institutionId(), n.orgUnitId(), today);
            needs.add(new NeedView(
                    n.id(),
                    n.pillar(),
                    n.kind(),
                    n.institutionId(),
                    n.institutionId() == null ? null : names.institution(n.institutionId()),
                    n.orgUnitId(),
                    n.orgUnitId() == null ? null : names.orgUnit(n.orgUnitId()),
                    n.countryCode(),
                    n.missionId(),
                    n.description(),
                    n.createdBy(),
                    answers,
                    false));
        }
        return needs;
    }

    /** The current activities in scope that answer a need of this country, pillar, kind, institution and area. */
    private List<NeedView.Answer> answers(
            String country,
            Pillar pillar,
            @Nullable SupportKind kind,
            @Nullable Long institutionId,
            @Nullable Long orgUnitId,
            LocalDate today) {
        AccessScope.Filter scope = AccessScope.current().filter("a.mission_id", "a.country_code");
        Map<String, Object> p = new HashMap<>(scope.params());
        StringBuilder sql = new StringBuilder("select a.id, a.title from coordination_activity a where ")
                .append(scope.sql())
                .append(" and a.country_code = :country and a.pillar = :pillar")
                .append(" and a.status not in ('COMPLETED', 'CANCELLED')")
                .append(" and (a.end_date is null or a.end_date >= :today)");
        p.put("country", country);
        p.put("pillar", pillar.name());
        p.put("today", today);
        if (kind != null) {
            sql.append(" and a.support_kind = :kind");
            p.put("kind", kind.name());
        }
        if (institutionId != null) {
            sql.append(" and a.institution_id = :institution");
            p.put("institution", institutionId);
        }
        if (orgUnitId != null) {
            String path =
                    geography.findOrgUnit(orgUnitId).map(OrgUnitView::path).orElse("/-/");
            sql.append(" and a.org_unit_id in (select u.id from org_unit u where u.path like :path)");
            p.put("path", path + "%");
        }
        return jdbc.sql(sql + " order by a.id")
                .params(p)
                .query((rs, i) -> new NeedView.Answer(rs.getLong("id"), rs.getString("title")))
                .list();
    }

    // ---------------------------------------------------------------- internals

    /** A stored activity as read from its row. */
    private record Row(
            long id,
            String title,
            @Nullable Long programmeId,
            long actorId,
            ActorRole actorRole,
            Pillar pillar,
            SupportKind supportKind,
            @Nullable Long institutionId,
            @Nullable Long orgUnitId,
            String countryCode,
            @Nullable Long missionId,
            LocalDate startDate,
            @Nullable LocalDate endDate,
            ActivityStatus status,
            @Nullable BigDecimal budgetAmount,
            @Nullable String budgetCurrency,
            @Nullable String iatiIdentifier,
            @Nullable String description,
            int version) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("title"),
                nullableLong(rs, "programme_id"),
                rs.getLong("actor_id"),
                ActorRole.valueOf(rs.getString("actor_role")),
                Pillar.valueOf(rs.getString("pillar")),
                SupportKind.valueOf(rs.getString("support_kind")),
                nullableLong(rs, "institution_id"),
                nullableLong(rs, "org_unit_id"),
                rs.getString("country_code"),
                nullableLong(rs, "mission_id"),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                ActivityStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("budget_amount"),
                rs.getString("budget_currency"),
                rs.getString("iati_identifier"),
                rs.getString("description"),
                rs.getInt("version"));
    }

    private Row readable(long id) {
        return jdbc.sql(COLUMNS + " where a.id = :id")
                .param("id", id)
                .query(CoordinationService::row)
                .optional()
                .filter(r -> AccessScope.current().canRead(r.missionId(), r.countryCode()))
                .orElseThrow(() -> new NotFoundException("Activity", id));
    }

    private List<ActivityView> views(List<Row> rows) {
        Map<Long, List<OverlapView>> overlaps =
                overlapsOf(rows.stream().map(Row::id).toList());
        Names names = new Names();
        List<ActivityView> views = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Optional<ActorView> actor = names.actor(r.actorId());
            views.add(new ActivityView(
                    r.id(),
                    r.title(),
                    r.programmeId(),
                    r.programmeId() == null ? null : names.programme(r.programmeId()),
                    r.actorId(),
                    actor.map(CoordinationService::actorName).orElse(null),
                    actor.map(a -> a.category() == ActorCategory.NATIONAL).orElse(false),
                    r.actorRole(),
                    r.pillar(),
                    r.supportKind(),
                    r.institutionId(),
                    r.institutionId() == null ? null : names.institution(r.institutionId()),
                    r.orgUnitId(),
                    r.orgUnitId() == null ? null : names.orgUnit(r.orgUnitId()),
                    r.orgUnitId() == null ? null : names.region(r.orgUnitId()),
                    r.countryCode(),
                    r.missionId(),
                    r.startDate(),
                    r.endDate(),
                    r.status(),
                    r.budgetAmount(),
                    r.budgetCurrency(),
                    r.iatiIdentifier(),
                    r.description(),
                    overlaps.getOrDefault(r.id(), List.of()),
                    false,
                    r.version()));
        }
        return views;
    }

    /** For each of the activities, the other activities in the user's scope that it overlaps. */
    private Map<Long, List<OverlapView>> overlapsOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        AccessScope.Filter scope = AccessScope.current().filter("b.mission_id", "b.country_code");
        Names names = new Names();
        Map<Long, List<OverlapView>> overlaps = new HashMap<>();
        for (List<Long> chunk : Chunks.of(List.copyOf(ids), 500)) {
            jdbc.sql("select a.id as of_id, b.id, b.title, b.actor_id, b.actor_role, b.start_date, b.end_date"
                            + " from coordination_activity a join coordination_activity b on " + OVERLAP + " and "
                            + scope.sql() + " where a.id in (:ids) order by a.id, b.start_date, b.id")
                    .params(scope.params())
                    .param("ids", chunk)
                    .query((rs, n) -> {
                        long actor = rs.getLong("actor_id");
                        overlaps.computeIfAbsent(rs.getLong("of_id"), k -> new ArrayList<>())
                                .add(new OverlapView(
                                        rs.getLong("id"),
                                        rs.getString("title"),
                                        actor,
                                        names.actor(actor)
                                                .map(CoordinationService::actorName)
                                                .orElse(null),
                                        ActorRole.valueOf(rs.getString("actor_role")),
                                        rs.getObject("start_date", LocalDate.class),
                                        rs.getObject("end_date", LocalDate.class)));
                        return 0;
                    })
                    .list();
        }
        return overlaps;
    }

    /** Fills what a programme implies and the defaults (a new activity is PLANNED). */
    private ActivityCommand completed(ActivityCommand c) {
        String country = c.countryCode() == null || c.countryCode().isBlank()
                ? null
                : c.countryCode().strip().toUpperCase(Locale.ROOT);
        Long mission = c.missionId();
        Pillar pillar = c.pillar();
        if (c.programmeId() != null) {
            Optional<ProgrammeView> programme = programmes.view(c.programmeId());
            if (programme.isPresent()) {
                country = country == null ? programme.get().countryCode() : country;
                mission = mission == null ? programme.get().missionId() : mission;
                pillar = pillar == null ? programme.get().pillar() : pillar;
            }
        }
        if (country == null && c.institutionId() != null) {
            country = institutions
                    .view(c.institutionId())
                    .map(InstitutionView::countryCode)
                    .orElse(null);
        }
        return new ActivityCommand(
                c.title() == null ? null : c.title().strip(),
                c.programmeId(),
                c.actorId(),
                c.actorRole(),
                pillar,
                c.supportKind(),
                c.institutionId(),
                c.orgUnitId(),
                country,
                mission,
                c.startDate(),
                c.endDate(),
                c.status() == null ? ActivityStatus.PLANNED : c.status(),
                c.budgetAmount(),
                c.budgetCurrency() == null || c.budgetCurrency().isBlank()
                        ? null
                        : c.budgetCurrency().strip().toUpperCase(Locale.ROOT),
                blankToNull(c.iatiIdentifier()),
                blankToNull(c.description()));
    }

    private void validate(Validation v, ActivityCommand c) {
        v.required("title", c.title())
                .maxLength("title", c.title(), 300)
                .required("actorId", c.actorId())
                .required("actorRole", c.actorRole())
                .required("pillar", c.pillar())
                .required("supportKind", c.supportKind())
                .required("countryCode", c.countryCode())
                .iso3("countryCode", c.countryCode())
                .required("startDate", c.startDate())
                .datesInOrder("startDate", c.startDate(), "endDate", c.endDate())
                .notNegative("budgetAmount", c.budgetAmount())
                .maxLength("iatiIdentifier", c.iatiIdentifier(), 150)
                .maxLength("description", c.description(), 4000);
        if (c.budgetAmount() != null && c.budgetCurrency() == null) {
            v.coded("budgetCurrency", "is required with a budget", "coordination.validation.currencyRequired");
        } else if (c.budgetCurrency() != null && !c.budgetCurrency().matches("[A-Z]{3}")) {
            v.coded("budgetCurrency", "must be an ISO 4217 code of three letters", "coordination.validation.currency");
        }
        if (c.status() == ActivityStatus.COMPLETED && c.endDate() == null) {
            v.coded("endDate", "is required once the activity is completed", "coordination.validation.endRequired");
        }
        String country = c.countryCode();
        if (country != null && !v.hasProblem("countryCode") && !geography.countryExists(country)) {
            v.coded("countryCode", "country " + country + " does not exist", "coordination.validation.noCountry");
        }
        if (c.actorId() != null && actors.view(c.actorId()).isEmpty()) {
            v.coded("actorId", "actor " + c.actorId() + " does not exist", "coordination.validation.actorNotFound");
        }
        if (c.programmeId() != null) {
            Optional<ProgrammeView> programme = programmes.view(c.programmeId());
            if (programme.isEmpty()) {
                v.coded(
                        "programmeId",
                        "programme " + c.programmeId() + " does not exist",
                        "coordination.validation.programmeNotFound");
            } else if (country != null && !programme.get().countryCode().equals(country)) {
                v.coded(
                        "programmeId",
                        "is not a programme of " + country,
                        "coordination.validation.otherCountry",
                        country);
            }
        }
        if (c.institutionId() != null) {
            Optional<InstitutionView> institution = institutions.view(c.institutionId());
            if (institution.isEmpty()) {
                v.coded(
                        "institutionId",
                        "institution " + c.institutionId() + " does not exist",
                        "coordination.validation.institutionNotFound");
            } else if (country != null && !institution.get().countryCode().equals(country)) {
                v.coded(
                        "institutionId",
                        "is not an institution of " + country,
                        "coordination.validation.otherCountry",
                        country);
            }
        }
        checkOrgUnit(v, c.orgUnitId(), country);
        checkMission(v, c.missionId(), country);
    }

    private void checkOrgUnit(Validation v, @Nullable Long orgUnitId, @Nullable String country) {
        if (orgUnitId == null) {
            return;
        }
        Optional<OrgUnitView> unit = geography.findOrgUnit(orgUnitId);
        if (unit.isEmpty()) {
            v.coded(
                    "orgUnitId",
                    "org unit " + orgUnitId + " does not exist",
                    "coordination.validation.orgUnitNotFound");
        } else if (country != null && !unit.get().countryCode().equals(country)) {
            v.coded("orgUnitId", "is not an org unit of " + country, "coordination.validation.otherCountry", country);
        }
    }

    private void checkMission(Validation v, @Nullable Long missionId, @Nullable String country) {
        if (missionId == null) {
            return;
        }
        if (!missions.exists(missionId)) {
            v.coded("missionId", "mission " + missionId + " does not exist", "coordination.validation.missionNotFound");
        } else if (country != null && !missions.hostCountries(Set.of(missionId)).contains(country)) {
            v.coded(
                    "missionId",
                    "mission " + missionId + " is not hosted by " + country,
                    "coordination.validation.missionNotHosted",
                    country);
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ActivityCommand c) {
        return spec.param("title", c.title())
                .param("programme", c.programmeId())
                .param("actor", c.actorId())
                .param("role", Objects.requireNonNull(c.actorRole()).name())
                .param("pillar", Objects.requireNonNull(c.pillar()).name())
                .param("kind", Objects.requireNonNull(c.supportKind()).name())
                .param("institution", c.institutionId())
                .param("orgUnit", c.orgUnitId())
                .param("country", c.countryCode())
                .param("mission", c.missionId())
                .param("start", c.startDate())
                .param("end", c.endDate())
                .param("status", Objects.requireNonNull(c.status()).name())
                .param("budget", c.budgetAmount())
                .param("currency", c.budgetCurrency())
                .param("iati", c.iatiIdentifier())
                .param("description", c.description());
    }

    private static void requireWritable(@Nullable Long missionId, @Nullable String countryCode) {
        if (!AccessScope.current().canRead(missionId, countryCode)) {
            throw new ForbiddenException(
                    missionId == null
                            ? "Your scope does not cover " + countryCode
                            : "Your scope does not cover mission " + missionId + " in " + countryCode);
        }
    }

    private static Map<String, Object> auditFields(ActivityCommand c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("actorId", c.actorId());
        fields.put("actorRole", String.valueOf(c.actorRole()));
        fields.put("pillar", String.valueOf(c.pillar()));
        fields.put("supportKind", String.valueOf(c.supportKind()));
        fields.put("institutionId", String.valueOf(c.institutionId()));
        fields.put("countryCode", String.valueOf(c.countryCode()));
        fields.put("status", String.valueOf(c.status()));
        return fields;
    }

    static String actorName(ActorView a) {
        return a.acronym() == null ? a.name() : a.name() + " (" + a.acronym() + ")";
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Names looked up once per request: actors, programmes, institutions, org units and their regions. */
    private final class Names {
        private final Map<Long, Optional<ActorView>> actors = new HashMap<>();
        private final Map<Long, @Nullable String> programmes = new HashMap<>();
        private final Map<Long, @Nullable String> institutions = new HashMap<>();
        private final Map<Long, Optional<OrgUnitView>> units = new HashMap<>();

        Optional<ActorView> actor(long id) {
            return actors.computeIfAbsent(id, CoordinationService.this.actors::view);
        }

        @Nullable
        String programme(long id) {
            if (!programmes.containsKey(id)) {
                programmes.put(
                        id,
                        CoordinationService.this
                                .programmes
                                .view(id)
                                .map(p -> p.code() + " " + p.name())
                                .orElse(null));
            }
            return programmes.get(id);
        }

        @Nullable
        String institution(long id) {
            if (!institutions.containsKey(id)) {
                institutions.put(
                        id,
                        CoordinationService.this
                                .institutions
                                .view(id)
                                .map(i -> i.acronym() == null ? i.name() : i.name() + " (" + i.acronym() + ")")
                                .orElse(null));
            }
            return institutions.get(id);
        }

        private Optional<OrgUnitView> unit(long id) {
            return units.computeIfAbsent(id, geography::findOrgUnit);
        }

        @Nullable
        String orgUnit(long id) {
            return unit(id).map(OrgUnitView::name).orElse(null);
        }

        /** The unit's ancestor on level 2 (a region or county below the country), or null for a country-wide unit. */
        @Nullable
        String region(long id) {
            Optional<OrgUnitView> unit = unit(id);
            if (unit.isEmpty() || unit.get().level() < 2) {
                return null;
            }
            String[] path = unit.get().path().split("/");
            List<String> ids = new ArrayList<>();
            for (String part : path) {
                if (!part.isBlank()) {
                    ids.add(part);
                }
            }
            if (ids.size() < 2) {
                return unit.get().name();
            }
            try {
                return unit(Long.parseLong(ids.get(1))).map(OrgUnitView::name).orElse(null);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
