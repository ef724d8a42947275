package org.bluehelm.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bluehelm.audit.AuditAction;
import org.bluehelm.audit.AuditLog;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitFilter;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.measurement.BulkValueService;
import org.bluehelm.programme.ProgrammeFilter;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.programme.ProgrammeSummary;
import org.bluehelm.programme.ProgrammeView;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval of a programme's data per organisation unit and period (see {@link ApprovalAction} for
 * who may take which step). Scope: approvals belong to their programme's mission and country; a
 * programme outside the user's scope is not found. Rules beyond the states: a unit is approved only
 * when every unit directly below it that holds data (itself or below) for the programme's
 * indicators within the period is approved for the same programme and period; a unit is
 * un-approved only while no unit above it is approved for them.
 */
@Service
@Transactional(readOnly = true)
public class ApprovalService {

    static final Map<String, String> SORTS =
            Map.of("updatedAt", "a.updated_at", "period", "a.start_date", "orgUnit", "a.org_unit_id", "id", "a.id");

    private static final int IN_LIST = 1000;

    private final JdbcClient jdbc;
    private final ProgrammeService programmes;
    private final GeographyService geography;
    private final BulkValueService values;
    private final Clock clock;
    private final AuditLog audit;

    ApprovalService(
            JdbcClient jdbc,
            ProgrammeService programmes,
            GeographyService geography,
            BulkValueService values,
            Clock clock,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.geography = geography;
        this.values = values;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Refuses to open the approval of a period lying wholly outside the programme's dates (a period
     * overlapping them, such as the year a programme starts in, is fine): there is no data of the
     * programme to approve there, and a typo in the year would otherwise start an approval nobody
     * can find on the programme's screens.
     */
    private static void refuseOutsideProgramme(ProgrammeView programme, Period period) {
        boolean before = programme.startDate() != null && period.endDate().isBefore(programme.startDate());
        boolean after = programme.endDate() != null && period.startDate().isAfter(programme.endDate());
        if (before || after) {
            throw InvalidInputException.of(
                    "period",
                    period.id() + " lies outside the dates of programme " + programme.code() + " ("
                            + (programme.startDate() == null ? "open" : programme.startDate()) + " to "
                            + (programme.endDate() == null ? "open" : programme.endDate()) + ")");
        }
    }

    /** Takes one step of approval and logs it; returns the approval as it now stands. */
    @Transactional
    public ApprovalView act(ApprovalAction action, ApprovalCommand command) {
        Validation v = new Validation()
                .required("programmeId", command.programmeId())
                .required("orgUnitId", command.orgUnitId())
                .required("period", command.period())
                .maxLength("comment", command.comment(), 1000);
        Period period = null;
        if (command.period() != null && !command.period().isBlank()) {
            try {
                period = Period.parse("period", command.period());
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> v.add(p.field(), p.message()));
            }
        }
        v.throwIfInvalid();
        ProgrammeView programme = programmes.get(command.programmeId());
        OrgUnitView unit = unit(command.orgUnitId(), programme);
        if (!Roles.current(action.roles())) {
            throw new ForbiddenException("Your role does not allow you to " + action.path() + " data: it takes "
                    + String.join(" or ", action.roles()));
        }
        if (!AccessScope.current().canRead(programme.missionId(), programme.countryCode())) {
            throw new ForbiddenException("Your scope does not cover programme " + programme.code());
        }
        Period p = java.util.Objects.requireNonNull(period);
        if (action == ApprovalAction.SUBMIT) {
            refuseOutsideProgramme(programme, p);
        }
        Optional<Stored> stored = find(programme.id(), unit.id(), p.id());
        ApprovalState state = stored.map(Stored::state).orElse(ApprovalState.OPEN);
        if (!action.allowedFrom(state)) {
            throw new ConflictException(
                    "wrong-state",
                    "The data of programme " + programme.code() + " for " + unit.code() + " and " + p.id() + " is "
                            + state + "; it cannot be " + past(action) + " now");
        }
        if (action == ApprovalAction.APPROVE) {
            List<String> waiting = childrenNotApproved(programme, unit, p);
            if (!waiting.isEmpty()) {
                throw new ConflictException(
                        "children-not-approved",
                        "Approve the units below " + unit.code() + " first: " + String.join(", ", waiting)
                                + " hold data of programme " + programme.code() + " for " + p.id()
                                + " and are not approved");
            }
        }
        if (action == ApprovalAction.UNAPPROVE) {
            Optional<String> above = approvedAncestor(programme.id(), unit, p);
            if (above.isPresent()) {
                throw new ConflictException(
                        "parent-approved",
                        above.get() + " is approved for programme " + programme.code() + " and " + p.id()
                                + "; un-approve it first");
            }
        }
        String who = AccessScope.current().username();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        long id;
        if (stored.isPresent()) {
            id = stored.get().id();
            int changed = jdbc.sql("""
                            update approval set state = :state, updated_by = :who, updated_at = :now, version = version + 1
                             where id = :id and version = :version""")
                    .param("state", action.to().name())
                    .param("who", who)
                    .param("now", now)
                    .param("id", id)
                    .param("version", stored.get().version())
                    .update();
            if (changed == 0) {
                throw ConflictException.staleVersion("Approval", id);
            }
        } else {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into approval (programme_id, org_unit_id, period_id, period_type, start_date, end_date,
                                                  state, mission_id, country_code, updated_by, updated_at)
                            values (:programme, :unit, :period, :type, :start, :end, :state, :mission, :country, :who,
                                    :now)""")
                    .param("programme", programme.id())
                    .param("unit", unit.id())
                    .param("period", p.id())
                    .param("type", p.type().name())
                    .param("start", p.startDate())
                    .param("end", p.endDate())
                    .param("state", action.to().name())
                    .param("mission", programme.missionId())
                    .param("country", programme.countryCode())
                    .param("who", who)
                    .param("now", now)
                    .update(key, "id");
            id = java.util.Objects.requireNonNull(key.getKey()).longValue();
        }
        jdbc.sql("""
                        insert into approval_log (approval_id, action, state_after, username, acted_at, comment)
                        values (:id, :action, :state, :who, :now, :comment)""")
                .param("id", id)
                .param("action", action.name())
                .param("state", action.to().name())
                .param("who", who)
                .param("now", now)
                .param("comment", blankToNull(command.comment()))
                .update();
        audit.record(
                AuditAction.valueOf(action.name()),
                "approval",
                String.valueOf(id),
                Map.of(
                        "programmeId",
                        programme.id(),
                        "orgUnitId",
                        unit.id(),
                        "period",
                        p.id(),
                        "state",
                        action.to().name()));
        return view(id);
    }

    /** The approvals in the current user's scope, filtered by programme, unit and period. */
    public PageResponse<ApprovalView> list(
            @Nullable Long programmeId, @Nullable Long orgUnitId, @Nullable String period, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("a.mission_id", "a.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (programmeId != null) {
            where.append(" and a.programme_id = :programme");
            params.put("programme", programmeId);
        }
        if (orgUnitId != null) {
            where.append(" and a.org_unit_id = :unit");
            params.put("unit", orgUnitId);
        }
        if (period != null && !period.isBlank()) {
            where.append(" and a.period_id = :period");
            params.put("period", Period.parse("period", period).id());
        }
        long total = jdbc.sql("select count(*) from approval a" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("select a.id from approval a" + where + " order by " + page.orderBy()
                        + ", a.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Long.class)
                .list();
        return PageResponse.of(ids.stream().map(this::view).toList(), page, total);
    }

    /**
     * The state of a programme for a period at a unit and the units directly below it (or, without
     * a unit, at the top units of the programme's country), with the steps the user may take.
     */
    public ApprovalOverview overview(long programmeId, String periodText, @Nullable Long orgUnitId) {
        ProgrammeView programme = programmes.get(programmeId);
        Period period = Period.parse("period", periodText);
        OrgUnitView parent = orgUnitId == null ? null : unit(orgUnitId, programme);
        List<OrgUnitView> shown = new ArrayList<>();
        if (parent != null) {
            shown.add(parent);
            shown.addAll(units(new OrgUnitFilter(null, parent.id(), null, null, null, null)));
        } else {
            shown.addAll(units(new OrgUnitFilter(programme.countryCode(), null, null, 1, null, null)));
        }
        List<Long> indicatorIds = programmes.indicatorIds(programmeId);
        Map<Long, Boolean> hasData = new HashMap<>();
        Map<Long, Boolean> hasChildren = new HashMap<>();
        for (OrgUnitView u : shown) {
            List<OrgUnitView> subtree = units(new OrgUnitFilter(null, null, u.id(), null, null, null));
            hasChildren.put(u.id(), subtree.size() > 1);
            hasData.put(
                    u.id(),
                    !values.unitsWithValues(
                                    indicatorIds,
                                    subtree.stream().map(OrgUnitView::id).toList(),
                                    period.startDate(),
                                    period.endDate())
                            .isEmpty());
        }
        Map<Long, Stored> states = new HashMap<>();
        if (!shown.isEmpty()) {
            jdbc.sql("""
                            select id, org_unit_id, state, updated_by, updated_at, version from approval
                             where programme_id = :programme and period_id = :period and org_unit_id in (:units)""")
                    .param("programme", programmeId)
                    .param("period", period.id())
                    .param("units", shown.stream().map(OrgUnitView::id).toList())
                    .query((ResultSet rs) -> {
                        states.put(rs.getLong("org_unit_id"), stored(rs));
                    });
        }
        List<ApprovalOverview.Row> rows = new ArrayList<>();
        ApprovalOverview.Row parentRow = null;
        for (OrgUnitView u : shown) {
            Stored s = states.get(u.id());
            ApprovalState state = s == null ? ApprovalState.OPEN : s.state();
            List<ApprovalAction> actions = Arrays.stream(ApprovalAction.values())
                    .filter(a -> a.allowedFrom(state) && Roles.current(a.roles()))
                    .toList();
            ApprovalOverview.Row row = new ApprovalOverview.Row(
                    u.id(),
                    u.code(),
                    u.name(),
                    u.level(),
                    u.parentId(),
                    hasChildren.getOrDefault(u.id(), false),
                    hasData.getOrDefault(u.id(), false),
                    state,
                    s == null ? null : s.updatedBy(),
                    s == null ? null : s.updatedAt(),
                    actions);
            if (parent != null && u.id() == parent.id()) {
                parentRow = row;
            } else {
                rows.add(row);
            }
        }
        List<ApprovalOverview.History> history = new ArrayList<>();
        if (!shown.isEmpty()) {
            Map<Long, String> codes = shown.stream()
                    .collect(Collectors.toMap(OrgUnitView::id, OrgUnitView::code, (a, b) -> a, LinkedHashMap::new));
            jdbc.sql("""
                            select a.org_unit_id, l.action, l.state_after, l.username, l.acted_at, l.comment
                              from approval_log l join approval a on a.id = l.approval_id
                             where a.programme_id = :programme and a.period_id = :period and a.org_unit_id in (:units)
                             order by l.acted_at desc, l.id desc limit 50""")
                    .param("programme", programmeId)
                    .param("period", period.id())
                    .param("units", List.copyOf(codes.keySet()))
                    .query((ResultSet rs) -> {
                        history.add(new ApprovalOverview.History(
                                codes.get(rs.getLong("org_unit_id")),
                                ApprovalAction.valueOf(rs.getString("action")),
                                ApprovalState.valueOf(rs.getString("state_after")),
                                rs.getString("username"),
                                rs.getObject("acted_at", OffsetDateTime.class),
                                rs.getString("comment")));
                    });
        }
        return new ApprovalOverview(
                programme.id(), programme.code(), programme.name(), period.id(), parentRow, rows, history);
    }

    /**
     * The state of a programme's data at each of the units, by unit and then period id, for the
     * periods that have an approval (any other unit and period is {@link ApprovalState#OPEN}). One
     * query, for reports that show the state behind many figures; the same states as {@link
     * #overview} shows.
     *
     * @throws NotFoundException when the programme does not exist or is outside the user's scope
     */
    public Map<Long, Map<String, ApprovalState>> states(long programmeId, Collection<Long> orgUnitIds) {
        programmes.get(programmeId);
        Map<Long, Map<String, ApprovalState>> states = new HashMap<>();
        List<Long> units = List.copyOf(new java.util.LinkedHashSet<>(orgUnitIds));
        for (int i = 0; i < units.size(); i += IN_LIST) {
            jdbc.sql("""
                            select org_unit_id, period_id, state from approval
                             where programme_id = :programme and org_unit_id in (:units)""")
                    .param("programme", programmeId)
                    .param("units", units.subList(i, Math.min(units.size(), i + IN_LIST)))
                    .query((ResultSet rs) -> {
                        states.computeIfAbsent(rs.getLong("org_unit_id"), u -> new HashMap<>())
                                .put(rs.getString("period_id"), ApprovalState.valueOf(rs.getString("state")));
                    });
        }
        return states;
    }

    /** The programmes in the user's scope, for choosing one (at most 200, by code). */
    public List<ProgrammeSummary> programmesInScope() {
        return programmes
                .list(
                        new ProgrammeFilter(null, null, null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "code", Map.of("code", "p.code"), "code"))
                .items();
    }

    private List<String> childrenNotApproved(ProgrammeView programme, OrgUnitView unit, Period period) {
        List<OrgUnitView> children = units(new OrgUnitFilter(null, unit.id(), null, null, null, null));
        if (children.isEmpty()) {
            return List.of();
        }
        List<OrgUnitView> below = units(new OrgUnitFilter(null, null, unit.id(), null, null, null));
        Set<Long> withData = values.unitsWithValues(
                programmes.indicatorIds(programme.id()),
                below.stream()
                        .filter(u -> u.id() != unit.id())
                        .map(OrgUnitView::id)
                        .toList(),
                period.startDate(),
                period.endDate());
        Map<Long, String> paths =
                below.stream().collect(Collectors.toMap(OrgUnitView::id, OrgUnitView::path, (a, b) -> a));
        List<String> waiting = new ArrayList<>();
        for (OrgUnitView child : children) {
            boolean childHasData =
                    withData.stream().anyMatch(id -> paths.getOrDefault(id, "").startsWith(child.path()));
            if (childHasData
                    && find(programme.id(), child.id(), period.id())
                                    .map(Stored::state)
                                    .orElse(ApprovalState.OPEN)
                            != ApprovalState.APPROVED) {
                waiting.add(child.code());
            }
        }
        return waiting;
    }

    private Optional<String> approvedAncestor(long programmeId, OrgUnitView unit, Period period) {
        for (String part : unit.path().split("/")) {
            if (part.isEmpty() || part.equals(String.valueOf(unit.id()))) {
                continue;
            }
            long ancestor = Long.parseLong(part);
            List<String> approved = jdbc.sql("""
                            select period_id from approval
                             where programme_id = :programme and org_unit_id = :unit and state = 'APPROVED'
                               and start_date <= :start and end_date >= :end""")
                    .param("programme", programmeId)
                    .param("unit", ancestor)
                    .param("start", period.startDate())
                    .param("end", period.endDate())
                    .query(String.class)
                    .list();
            if (!approved.isEmpty()) {
                return Optional.of(
                        "Organisation unit " + geography.orgUnit(ancestor).code());
            }
        }
        return Optional.empty();
    }

    private OrgUnitView unit(long orgUnitId, ProgrammeView programme) {
        OrgUnitView unit;
        try {
            unit = geography.orgUnit(orgUnitId);
        } catch (NotFoundException e) {
            throw InvalidInputException.of("orgUnitId", "organisation unit " + orgUnitId + " does not exist");
        }
        if (!unit.countryCode().equals(programme.countryCode())) {
            throw InvalidInputException.of(
                    "orgUnitId",
                    "organisation unit " + unit.code() + " is in " + unit.countryCode() + ", outside the programme's"
                            + " country " + programme.countryCode());
        }
        return unit;
    }

    private List<OrgUnitView> units(OrgUnitFilter filter) {
        List<OrgUnitView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResponse<OrgUnitView> result = geography.orgUnits(
                    filter, PageQuery.of(page, PageQuery.MAX_SIZE, null, Map.of("path", "path"), "path"));
            all.addAll(result.items());
            if (result.items().isEmpty() || all.size() >= result.total()) {
                return all;
            }
        }
    }

    private record Stored(long id, ApprovalState state, String updatedBy, OffsetDateTime updatedAt, int version) {}

    private Optional<Stored> find(long programmeId, long orgUnitId, String periodId) {
        return jdbc.sql("""
                        select id, state, updated_by, updated_at, version from approval
                         where programme_id = :programme and org_unit_id = :unit and period_id = :period""")
                .param("programme", programmeId)
                .param("unit", orgUnitId)
                .param("period", periodId)
                .query((rs, n) -> stored(rs))
                .optional();
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(
                rs.getLong("id"),
                ApprovalState.valueOf(rs.getString("state")),
                rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getInt("version"));
    }

    private ApprovalView view(long id) {
        record Head(
                long id,
                long programmeId,
                long orgUnitId,
                String period,
                ApprovalState state,
                String updatedBy,
                OffsetDateTime updatedAt,
                int version) {}
        Head head = jdbc.sql("""
                        select id, programme_id, org_unit_id, period_id, state, updated_by, updated_at, version
                          from approval where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Head(
                        rs.getLong("id"),
                        rs.getLong("programme_id"),
                        rs.getLong("org_unit_id"),
                        rs.getString("period_id"),
                        ApprovalState.valueOf(rs.getString("state")),
                        rs.getString("updated_by"),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getInt("version")))
                .single();
        List<ApprovalView.LogEntry> log = jdbc.sql("""
                        select action, state_after, username, acted_at, comment from approval_log
                         where approval_id = :id order by acted_at, id""")
                .param("id", id)
                .query((rs, n) -> new ApprovalView.LogEntry(
                        ApprovalAction.valueOf(rs.getString("action")),
                        ApprovalState.valueOf(rs.getString("state_after")),
                        rs.getString("username"),
                        rs.getObject("acted_at", OffsetDateTime.class),
                        rs.getString("comment")))
                .list();
        String programmeCode =
                programmes.view(head.programmeId()).map(ProgrammeView::code).orElse("");
        return new ApprovalView(
                head.id(),
                head.programmeId(),
                programmeCode,
                head.orgUnitId(),
                geography.orgUnit(head.orgUnitId()).code(),
                head.period(),
                head.state(),
                head.updatedBy(),
                head.updatedAt(),
                head.version(),
                log);
    }

    private static String past(ApprovalAction action) {
        return switch (action) {
            case SUBMIT -> "submitted";
            case WITHDRAW -> "withdrawn";
            case APPROVE -> "approved";
            case UNAPPROVE -> "un-approved";
        };
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
