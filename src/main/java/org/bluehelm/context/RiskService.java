package org.bluehelm.context;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bluehelm.audit.AuditAction;
import org.bluehelm.audit.AuditLog;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.identity.UserService;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.measurement.DataValuesChanged;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
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
 * The risk register. A risk's triggers watch the total of an indicator for an org unit: when a
 * committed value crosses a trigger's threshold, the risk becomes TRIGGERED, its likelihood rises by
 * one step (at most 5) and a strategy review is requested from its owner; the trigger then stays
 * fired until a value of that period is back on the safe side. A closed risk is not raised again.
 */
@Service
@Transactional(readOnly = true)
public class RiskService {

    private static final String COLUMNS = """
            select r.id, r.mission_id, r.country_code, r.title, r.description, r.likelihood, r.impact,
                   r.owner_username, r.mitigation, r.review_date, r.status, r.review_requested_at, r.review_reason,
                   r.updated_at, r.version
              from risk r
            """;

    private final JdbcClient jdbc;
    private final ContextScope scopes;
    private final IndicatorService indicators;
    private final GeographyService geography;
    private final UserService users;
    private final AuditLog audit;
    private final Clock clock;

    RiskService(
            JdbcClient jdbc,
            ContextScope scopes,
            IndicatorService indicators,
            GeographyService geography,
            UserService users,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.indicators = indicators;
        this.geography = geography;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** API sort keys of {@link #list(RiskFilter, PageQuery)}; {@code level} is likelihood times impact. */
    public static final Map<String, String> SORTS = Map.of(
            "id", "r.id",
            "level", "r.likelihood * r.impact",
            "title", "r.title",
            "status", "r.status",
            "reviewDate", "r.review_date",
            "country", "r.country_code");

    /** The risks the user may see, highest level first; only those awaiting a review, or owned by someone, when asked. */
    public List<RiskView> list(
            @Nullable String country, @Nullable Long missionId, @Nullable String owner, boolean reviewRequested) {
        return list(
                        new RiskFilter(null, country, missionId, owner, reviewRequested),
                        new PageQuery(0, Integer.MAX_VALUE, "r.likelihood * r.impact desc"))
                .items();
    }

    /** One page of the risks the user may see that match {@code filter}. */
    public PageResponse<RiskView> list(RiskFilter filter, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("r.mission_id", "r.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" and (lower(r.title) like :q or lower(coalesce(r.description, '')) like :q"
                    + " or lower(coalesce(r.mitigation, '')) like :q or lower(r.owner_username) like :q)");
            params.put("q", SearchText.containing(filter.search()));
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            where.append(" and r.country_code = :country");
            params.put("country", filter.country().strip().toUpperCase(Locale.ROOT));
        }
        if (filter.missionId() != null) {
            where.append(" and r.mission_id = :mission");
            params.put("mission", filter.missionId());
        }
        if (filter.owner() != null && !filter.owner().isBlank()) {
            where.append(" and r.owner_username = :owner");
            params.put("owner", filter.owner().strip());
        }
        if (filter.reviewRequested()) {
            where.append(" and r.review_requested_at is not null");
        }
        long total = jdbc.sql("select count(*) from risk r" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<RiskView> items = jdbc.sql(
                        COLUMNS + where + " order by " + page.orderBy() + ", r.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(this::view)
                .list();
        return PageResponse.of(items, page, total);
    }

    public RiskView get(long id) {
        return jdbc.sql(COLUMNS + " where r.id = :id")
                .param("id", id)
                .query(this::view)
                .optional()
                .filter(r -> AccessScope.current().canRead(r.missionId(), r.countryCode()))
                .orElseThrow(() -> new NotFoundException("Risk", id));
    }

    /**
     * Checks {@code command} as {@link #create} would, writing nothing: throws every problem found
     * (for a form that found some of its own first and shows them all at once).
     */
    public void check(RiskCommand command) {
        validate(command);
    }

    @Transactional
    public RiskView create(RiskCommand command) {
        String country = validate(command);
        ContextScope.requireWritable(command.missionId(), country);
        String me = AccessScope.current().username();
        OffsetDateTime now = OffsetDateTime.now(clock);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into risk (mission_id, country_code, title, description, likelihood, impact, owner_username,
                               mitigation, review_date, status, created_by, created_at, updated_by, updated_at, version)
                        values (:mission, :country, :title, :description, :likelihood, :impact, :owner, :mitigation,
                               :review, :status, :me, :now, :me, :now, 1)
                        """)
                .param("mission", command.missionId())
                .param("country", country)
                .param("title", command.title().strip())
                .param("description", ContextService.blankToNull(command.description()))
                .param("likelihood", command.likelihood())
                .param("impact", command.impact())
                .param("owner", command.owner().strip())
                .param("mitigation", ContextService.blankToNull(command.mitigation()))
                .param("review", command.reviewDate())
                .param("status", (command.status() == null ? RiskStatus.OPEN : command.status()).name())
                .param("me", me)
                .param("now", now)
                .update(key, "id");
        long id = Objects.requireNonNull(key.getKey()).longValue();
        writeTriggers(id, command.triggers());
        audit.record(AuditAction.CREATE, "risk", String.valueOf(id), auditFields(command, country));
        return get(id);
    }

    /** Changes a risk; triggers whose indicator, unit, comparison and threshold are unchanged keep their state. */
    @Transactional
    public RiskView update(long id, int expectedVersion, RiskCommand command) {
        RiskView current = get(id);
        ContextScope.requireWritable(current.missionId(), current.countryCode());
        String country = validate(command);
        ContextScope.requireWritable(command.missionId(), country);
        RiskStatus status = command.status() == null ? current.status() : command.status();
        int changed = jdbc.sql("""
                        update risk
                           set mission_id = :mission, country_code = :country, title = :title,
                               description = :description, likelihood = :likelihood, impact = :impact,
                               owner_username = :owner, mitigation = :mitigation, review_date = :review, status = :status,
                               updated_by = :me, updated_at = :now, version = version + 1
                         where id = :id and version = :version
                        """)
                .param("mission", command.missionId())
                .param("country", country)
                .param("title", command.title().strip())
                .param("description", ContextService.blankToNull(command.description()))
                .param("likelihood", command.likelihood())
                .param("impact", command.impact())
                .param("owner", command.owner().strip())
                .param("mitigation", ContextService.blankToNull(command.mitigation()))
                .param("review", command.reviewDate())
                .param("status", status.name())
                .param("me", AccessScope.current().username())
                .param("now", OffsetDateTime.now(clock))
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Risk", id);
        }
        List<RiskView.TriggerView> kept = current.triggers();
        jdbc.sql("delete from risk_trigger where risk_id = :id").param("id", id).update();
        writeTriggers(id, command.triggers());
        for (RiskView.TriggerView old : kept) {
            if (old.firedAt() != null) {
                jdbc.sql("""
                                update risk_trigger set fired_period = :period, fired_value = :value, fired_at = :at
                                 where risk_id = :risk and indicator_id = :indicator and org_unit_id = :unit
                                   and operator = :operator and threshold = :threshold
                                """)
                        .param("period", old.firedPeriod())
                        .param("value", old.firedValue())
                        .param("at", old.firedAt())
                        .param("risk", id)
                        .param("indicator", old.indicatorId())
                        .param("unit", old.orgUnitId())
                        .param("operator", old.comparison().name())
                        .param("threshold", old.threshold())
                        .update();
            }
        }
        Map<String, Object> fields = auditFields(command, country);
        fields.put("status", status.name());
        audit.record(AuditAction.UPDATE, "risk", String.valueOf(id), fields);
        return get(id);
    }

    @Transactional
    public void delete(long id, int expectedVersion) {
        RiskView current = get(id);
        ContextScope.requireWritable(current.missionId(), current.countryCode());
        int deleted = jdbc.sql("delete from risk where id = :id and version = :version")
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (deleted == 0) {
            throw ConflictException.staleVersion("Risk", id);
        }
        audit.record(AuditAction.DELETE, "risk", String.valueOf(id), Map.of());
    }

    /** The indicators that at least one risk trigger watches (background work: sees every risk). */
    List<Long> watchedIndicators() {
        return jdbc.sql("select distinct indicator_id from risk_trigger")
                .query(Long.class)
                .list();
    }

    /**
     * Evaluates committed values against the triggers that watch them (background work: sees every
     * risk); returns the ids of the risks raised.
     */
    @Transactional
    List<Long> evaluate(List<DataValuesChanged.Change> changes) {
        List<Long> raised = new java.util.ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        // one query for the indicators any trigger watches, so that a large import of others costs nothing more
        java.util.Set<Long> watched = new java.util.HashSet<>(jdbc.sql("select distinct indicator_id from risk_trigger")
                .query(Long.class)
                .list());
        for (DataValuesChanged.Change c : changes) {
            if (c.optionKey() != 0 || !watched.contains(c.indicatorId())) {
                continue;
            }
            List<Trigger> triggers = jdbc.sql("""
                            select t.id, t.risk_id, t.operator, t.threshold, t.fired_period, r.status
                              from risk_trigger t join risk r on r.id = t.risk_id
                             where t.indicator_id = :indicator and t.org_unit_id = :unit
                            """)
                    .param("indicator", c.indicatorId())
                    .param("unit", c.orgUnitId())
                    .query((rs, n) -> new Trigger(
                            rs.getLong("id"),
                            rs.getLong("risk_id"),
                            Comparison.valueOf(rs.getString("operator")),
                            rs.getBigDecimal("threshold"),
                            rs.getString("fired_period"),
                            RiskStatus.valueOf(rs.getString("status"))))
                    .list();
            for (Trigger t : triggers) {
                boolean crossed = c.newValue() != null && t.comparison().crossed(c.newValue(), t.threshold());
                if (crossed && t.firedPeriod() == null && t.riskStatus() != RiskStatus.CLOSED) {
                    fire(t, c, now);
                    raised.add(t.riskId());
                } else if (!crossed && c.periodId().equals(t.firedPeriod())) {
                    jdbc.sql("update risk_trigger set fired_period = null, fired_value = null, fired_at = null"
                                    + " where id = :id")
                            .param("id", t.id())
                            .update();
                }
            }
        }
        return raised;
    }

    private record Trigger(
            long id,
            long riskId,
            Comparison comparison,
            BigDecimal threshold,
            @Nullable String firedPeriod,
            RiskStatus riskStatus) {}

    private void fire(Trigger t, DataValuesChanged.Change c, OffsetDateTime now) {
        jdbc.sql("update risk_trigger set fired_period = :period, fired_value = :value, fired_at = :now where id = :id")
                .param("period", c.periodId())
                .param("value", c.newValue())
                .param("now", now)
                .param("id", t.id())
                .update();
        String indicator = indicators
                .findIgnoringScope(c.indicatorId())
                .map(IndicatorView::name)
                .orElse("#" + c.indicatorId());
        String unit =
                geography.findOrgUnit(c.orgUnitId()).map(OrgUnitView::name).orElse("#" + c.orgUnitId());
        String reason = "%s in %s was %s in %s, %s the threshold %s"
                .formatted(
                        indicator,
                        unit,
                        c.newValue().stripTrailingZeros().toPlainString(),
                        c.periodId(),
                        t.comparison() == Comparison.ABOVE ? "above" : "below",
                        t.threshold().stripTrailingZeros().toPlainString());
        jdbc.sql("""
                        update risk
                           set status = 'TRIGGERED', likelihood = case when likelihood < 5 then likelihood + 1 else 5 end,
                               review_requested_at = :now, review_reason = :reason, updated_by = 'system',
                               updated_at = :now, version = version + 1
                         where id = :id
                        """)
                .param("now", now)
                .param("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .param("id", t.riskId())
                .update();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", RiskStatus.TRIGGERED.name());
        fields.put("trigger", t.id());
        fields.put("period", c.periodId());
        audit.record("system", AuditAction.UPDATE, "risk", String.valueOf(t.riskId()), fields);
    }

    private String validate(RiskCommand command) {
        Validation v = new Validation();
        String country = scopes.check(v, command.countryCode(), command.missionId());
        v.required("title", ContextService.blankToNull(command.title()))
                .maxLength("title", command.title(), 300)
                .maxLength("description", command.description(), 4000)
                .required("likelihood", command.likelihood())
                .between("likelihood", command.likelihood(), 1, 5)
                .required("impact", command.impact())
                .between("impact", command.impact(), 1, 5)
                .required("owner", ContextService.blankToNull(command.owner()))
                .maxLength("mitigation", command.mitigation(), 4000);
        if (command.owner() != null && !command.owner().isBlank()) {
            try {
                users.byUsername(command.owner().strip());
            } catch (NotFoundException e) {
                v.coded("owner", "is not a user: " + command.owner().strip(), "context.validation.owner");
            }
        }
        List<RiskCommand.Trigger> triggers = command.triggers() == null ? List.of() : command.triggers();
        for (int i = 0; i < triggers.size(); i++) {
            RiskCommand.Trigger t = triggers.get(i);
            String field = "triggers[" + i + "]";
            if (t == null) {
                v.required(field, null);
                continue;
            }
            v.required(field + ".indicatorId", t.indicatorId())
                    .required(field + ".orgUnitId", t.orgUnitId())
                    .required(field + ".comparison", t.comparison())
                    .required(field + ".threshold", t.threshold());
            if (t.indicatorId() != null) {
                try {
                    indicators.get(t.indicatorId());
                } catch (NotFoundException e) {
                    v.coded(field + ".indicatorId", "is not an indicator you can see", "context.validation.indicator");
                }
            }
            if (t.orgUnitId() != null && geography.findOrgUnit(t.orgUnitId()).isEmpty()) {
                v.coded(field + ".orgUnitId", "is not an organisation unit", "context.validation.orgUnit");
            }
        }
        v.throwIfInvalid();
        return Objects.requireNonNull(country);
    }

    private void writeTriggers(long riskId, @Nullable List<RiskCommand.Trigger> triggers) {
        if (triggers == null) {
            return;
        }
        int position = 0;
        for (RiskCommand.Trigger t : triggers) {
            jdbc.sql("""
                            insert into risk_trigger (risk_id, position, indicator_id, org_unit_id, operator, threshold)
                            values (:risk, :position, :indicator, :unit, :operator, :threshold)
                            """)
                    .param("risk", riskId)
                    .param("position", position++)
                    .param("indicator", t.indicatorId())
                    .param("unit", t.orgUnitId())
                    .param("operator", t.comparison().name())
                    .param("threshold", t.threshold())
                    .update();
        }
    }

    private static Map<String, Object> auditFields(RiskCommand command, String country) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("country", country);
        fields.put("mission", command.missionId());
        fields.put("title", command.title());
        fields.put("likelihood", command.likelihood());
        fields.put("impact", command.impact());
        fields.put("owner", command.owner());
        fields.put(
                "triggers", command.triggers() == null ? 0 : command.triggers().size());
        return fields;
    }

    private RiskView view(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        int likelihood = rs.getInt("likelihood");
        int impact = rs.getInt("impact");
        return new RiskView(
                id,
                rs.getString("country_code").strip(),
                ContextService.nullableLong(rs, "mission_id"),
                rs.getString("title"),
                rs.getString("description"),
                likelihood,
                impact,
                likelihood * impact,
                rs.getString("owner_username"),
                rs.getString("mitigation"),
                rs.getObject("review_date", LocalDate.class),
                RiskStatus.valueOf(rs.getString("status")),
                rs.getObject("review_requested_at", OffsetDateTime.class),
                rs.getString("review_reason"),
                triggers(id),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getInt("version"));
    }

    private List<RiskView.TriggerView> triggers(long riskId) {
        return jdbc.sql("""
                        select id, indicator_id, org_unit_id, operator, threshold, fired_period, fired_value, fired_at
                          from risk_trigger where risk_id = :risk order by position
                        """)
                .param("risk", riskId)
                .query((rs, n) -> {
                    long indicator = rs.getLong("indicator_id");
                    long unit = rs.getLong("org_unit_id");
                    return new RiskView.TriggerView(
                            rs.getLong("id"),
                            indicator,
                            indicators
                                    .findIgnoringScope(indicator)
                                    .map(IndicatorView::name)
                                    .orElse(null),
                            unit,
                            geography.findOrgUnit(unit).map(OrgUnitView::name).orElse(null),
                            Comparison.valueOf(rs.getString("operator")),
                            rs.getBigDecimal("threshold"),
                            rs.getString("fired_period"),
                            rs.getBigDecimal("fired_value"),
                            rs.getObject("fired_at", OffsetDateTime.class));
                })
                .list();
    }
}
