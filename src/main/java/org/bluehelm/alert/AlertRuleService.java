package org.bluehelm.alert;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bluehelm.alert.AlertStore.Rule;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alert rules. A rule belongs to its indicator's mission and country (for an indicator of the
 * shared library: to the country of the unit it is restricted to, or to everyone); users see the
 * rules in their scope, and administrators, mission managers and data stewards manage them there.
 * A rule seen by everyone is managed by administrators only. Rules take effect on the values that
 * arrive after they are saved (and, for MISSING, at the next check).
 */
@Service
@Transactional(readOnly = true)
public class AlertRuleService {

    static final Map<String, String> SORTS =
            Map.of("id", "r.id", "kind", "r.kind", "indicator", "r.indicator_id", "updatedAt", "r.updated_at");

    static final int MAX_DUE_DAYS = 3660;

    private final JdbcClient jdbc;
    private final AlertStore store;
    private final IndicatorService indicators;
    private final GeographyService geography;
    private final WatchedIndicators watched;
    private final Clock clock;

    AlertRuleService(
            JdbcClient jdbc,
            AlertStore store,
            IndicatorService indicators,
            GeographyService geography,
            WatchedIndicators watched,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.indicators = indicators;
        this.geography = geography;
        this.watched = watched;
        this.clock = clock;
    }

    /** The rules in the user's scope, of one indicator when given. */
    public PageResponse<AlertRuleView> list(@Nullable Long indicatorId, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("r.mission_id", "r.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (indicatorId != null) {
            where.append(" and r.indicator_id = :indicator");
            params.put("indicator", indicatorId);
        }
        long total = jdbc.sql("select count(*) from alert_rule r" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Rule> rules = jdbc.sql(AlertStore.RULE_COLUMNS + where + " order by " + page.orderBy()
                        + ", r.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(AlertStore::rule)
                .list();
        return PageResponse.of(rules.stream().map(this::view).toList(), page, total);
    }

    /** The rule, if the user may see it (otherwise not found). */
    public AlertRuleView get(long id) {
        return view(readable(id));
    }

    /** Whether the user's role manages rules at all (their scope decides which). */
    public boolean canManageRules() {
        return Roles.current(Roles.RULE_EDITORS);
    }

    @Transactional
    public AlertRuleView create(AlertRuleCommand command) {
        Checked checked = validate(command);
        requireWritable(checked);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into alert_rule (indicator_id, kind, operator, threshold, percent, due_days, period_type,
                                                org_unit_id, active, mission_id, country_code, updated_by, updated_at)
                        values (:indicator, :kind, :operator, :threshold, :percent, :dueDays, :periodType, :unit, :active,
                                :mission, :country, :who, :now)""").params(params(command, checked)).update(key, "id");
        watched.forgetAfterCommit();
        return get(Objects.requireNonNull(key.getKey()).longValue());
    }

    @Transactional
    public AlertRuleView update(long id, int expectedVersion, AlertRuleCommand command) {
        Rule stored = readable(id);
        requireWritable(stored.missionId(), stored.countryCode());
        Checked checked = validate(command);
        requireWritable(checked);
        Map<String, Object> params = params(command, checked);
        params.put("id", id);
        params.put("version", expectedVersion);
        int changed = jdbc.sql("""
                        update alert_rule
                           set indicator_id = :indicator, kind = :kind, operator = :operator, threshold = :threshold,
                               percent = :percent, due_days = :dueDays, period_type = :periodType, org_unit_id = :unit,
                               active = :active, mission_id = :mission, country_code = :country, updated_by = :who,
                               updated_at = :now, version = version + 1
                         where id = :id and version = :version""").params(params).update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Alert rule", id);
        }
        watched.forgetAfterCommit();
        return get(id);
    }

    /** Deletes the rule and its alerts. */
    @Transactional
    public void delete(long id, int expectedVersion) {
        Rule stored = readable(id);
        requireWritable(stored.missionId(), stored.countryCode());
        int deleted = jdbc.sql("delete from alert_rule where id = :id and version = :version")
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (deleted == 0) {
            throw ConflictException.staleVersion("Alert rule", id);
        }
        watched.forgetAfterCommit();
    }

    /**
     * Reports every problem of the command as {@link #create} would, without writing anything; does
     * nothing when it is valid. Lets a form report its own problems together with these.
     */
    public void check(AlertRuleCommand command) {
        validate(command);
    }

    /** A command that passed validation, with the scope the rule gets. */
    private record Checked(
            IndicatorView indicator,
            @Nullable OrgUnitView orgUnit,
            @Nullable Long missionId,
            @Nullable String countryCode) {}

    /**
     * Checks every field (problems named after the command's fields) before anything is written.
     * An indicator outside the user's scope reads as unknown.
     */
    private Checked validate(AlertRuleCommand c) {
        Validation v = new Validation().required("indicatorId", c.indicatorId()).required("kind", c.kind());
        IndicatorView indicator = null;
        if (c.indicatorId() != null) {
            try {
                indicator = indicators.get(c.indicatorId());
            } catch (NotFoundException e) {
                v.coded(
                        "indicatorId",
                        "indicator " + c.indicatorId() + " does not exist or is outside your scope",
                        "alert.validation.indicator",
                        String.valueOf(c.indicatorId()));
            }
        }
        if (c.kind() == AlertKind.THRESHOLD) {
            v.required("operator", c.operator()).required("threshold", c.threshold());
            fits(v, "threshold", c.threshold(), indicator);
        } else if (c.kind() == AlertKind.DETERIORATION) {
            v.required("percent", c.percent());
            if (c.percent() != null && c.percent().signum() <= 0) {
                v.coded("percent", "must be more than 0", "alert.validation.positive");
            } else {
                fits(v, "percent", c.percent(), indicator);
            }
        } else if (c.kind() == AlertKind.MISSING) {
            v.required("dueDays", c.dueDays())
                    .between("dueDays", c.dueDays(), 0, MAX_DUE_DAYS)
                    .required("periodType", c.periodType());
        }
        OrgUnitView unit = null;
        if (c.orgUnitId() != null) {
            unit = geography.findOrgUnit(c.orgUnitId()).orElse(null);
            if (unit == null) {
                v.coded(
                        "orgUnitId",
                        "organisation unit " + c.orgUnitId() + " does not exist",
                        "alert.validation.orgUnit",
                        String.valueOf(c.orgUnitId()));
            } else if (indicator != null) {
                String problem = indicators.checkOrgUnit(indicator, unit);
                if (problem != null && indicator.countryCode() != null) {
                    v.coded(
                            "orgUnitId",
                            problem,
                            "alert.validation.orgUnitOutsideCountry",
                            unit.code(),
                            unit.countryCode(),
                            indicator.countryCode());
                } else if (problem != null) {
                    v.coded(
                            "orgUnitId",
                            problem,
                            "alert.validation.orgUnitOutsideMission",
                            unit.code(),
                            unit.countryCode());
                }
            }
        }
        v.throwIfInvalid();
        IndicatorView i = Objects.requireNonNull(indicator);
        String country = i.countryCode() != null || i.missionId() != null
                ? i.countryCode()
                : unit == null ? null : unit.countryCode();
        return new Checked(i, unit, i.missionId(), country);
    }

    /**
     * Adds the problem of a number that its column (numeric(20,6), as data values) cannot hold: at
     * least 10^14 in magnitude or more than 6 decimal places, which the database would refuse or
     * silently round. Not checked while the indicator is unknown (that problem is reported first).
     */
    private static void fits(
            Validation v, String field, @Nullable BigDecimal value, @Nullable IndicatorView indicator) {
        if (value == null || indicator == null) {
            return;
        }
        FieldProblem problem = IndicatorService.checkSize(field, value);
        if (problem != null) {
            v.coded(
                    field,
                    problem.message(),
                    Objects.requireNonNull(problem.code()),
                    problem.args().toArray());
        }
    }

    private Map<String, Object> params(AlertRuleCommand c, Checked checked) {
        AlertKind kind = Objects.requireNonNull(c.kind());
        Map<String, Object> params = new HashMap<>();
        params.put("indicator", checked.indicator().id());
        params.put("kind", kind.name());
        params.put("operator", kind == AlertKind.THRESHOLD ? name(c.operator()) : null);
        params.put("threshold", kind == AlertKind.THRESHOLD ? c.threshold() : null);
        params.put("percent", kind == AlertKind.DETERIORATION ? c.percent() : null);
        params.put("dueDays", kind == AlertKind.MISSING ? c.dueDays() : null);
        params.put("periodType", name(c.periodType()));
        params.put("unit", checked.orgUnit() == null ? null : checked.orgUnit().id());
        params.put("active", c.active() == null || c.active());
        params.put("mission", checked.missionId());
        params.put("country", checked.countryCode());
        params.put("who", AccessScope.current().username());
        params.put("now", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        return params;
    }

    private void requireWritable(Checked checked) {
        requireWritable(checked.missionId(), checked.countryCode());
    }

    private void requireWritable(@Nullable Long missionId, @Nullable String countryCode) {
        if (!Roles.current(Roles.RULE_EDITORS)) {
            throw new ForbiddenException(
                    "Your role does not allow you to manage alert rules: it takes ADMIN, MISSION_MANAGER or DATA_STEWARD");
        }
        if (missionId == null && countryCode == null) {
            if (!Roles.current("ADMIN")) {
                throw new ForbiddenException(
                        "A rule on a shared library indicator without an organisation unit concerns everyone;"
                                + " only administrators manage it (restrict it to a unit of your country)");
            }
        } else if (!AccessScope.current().canRead(missionId, countryCode)) {
            throw new ForbiddenException("Your scope does not cover this rule");
        }
    }

    private Rule readable(long id) {
        return store.rule(id)
                .filter(r -> AccessScope.current().canRead(r.missionId(), r.countryCode()))
                .orElseThrow(() -> new NotFoundException("Alert rule", id));
    }

    private AlertRuleView view(Rule r) {
        Optional<IndicatorView> indicator = indicators.findIgnoringScope(r.indicatorId());
        String unitCode = r.orgUnitId() == null
                ? null
                : geography.findOrgUnit(r.orgUnitId()).map(OrgUnitView::code).orElse(null);
        return new AlertRuleView(
                r.id(),
                r.indicatorId(),
                indicator.map(IndicatorView::code).orElse(""),
                indicator.map(IndicatorView::name).orElse(""),
                r.kind(),
                r.operator(),
                plain(r.threshold()),
                plain(r.percent()),
                r.dueDays(),
                r.periodType(),
                r.orgUnitId(),
                unitCode,
                r.active(),
                r.missionId(),
                r.countryCode(),
                r.updatedBy(),
                r.updatedAt(),
                r.version());
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static @Nullable BigDecimal plain(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
