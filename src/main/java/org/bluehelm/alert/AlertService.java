package org.bluehelm.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bluehelm.alert.AlertStore.Stored;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts as users see them: only those in their scope (an alert carries the mission and country of
 * the data it is about); anyone but a viewer acknowledges them. Also the check for missing values,
 * which runs daily and can be run now by an administrator.
 */
@Service
@Transactional(readOnly = true)
public class AlertService {

    static final Map<String, String> SORTS =
            Map.of("raisedAt", "a.raised_at", "updatedAt", "a.updated_at", "period", "a.start_date", "id", "a.id");

    private final JdbcClient jdbc;
    private final AlertStore store;
    private final AlertViews views;
    private final AlertEvaluator evaluator;
    private final Clock clock;

    AlertService(JdbcClient jdbc, AlertStore store, AlertViews views, AlertEvaluator evaluator, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.views = views;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** The alerts in the user's scope that match the filter. */
    public PageResponse<AlertView> list(AlertFilter filter, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("a.mission_id", "a.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.state() != null) {
            where.append(" and a.state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.indicatorId() != null) {
            where.append(" and a.indicator_id = :indicator");
            params.put("indicator", filter.indicatorId());
        }
        if (filter.orgUnitId() != null) {
            where.append(" and a.org_unit_id = :unit");
            params.put("unit", filter.orgUnitId());
        }
        if (filter.ruleId() != null) {
            where.append(" and a.rule_id = :rule");
            params.put("rule", filter.ruleId());
        }
        long total = jdbc.sql("select count(*) from alert a" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Stored> rows = jdbc.sql(AlertStore.ALERT_COLUMNS + where + " order by " + page.orderBy()
                        + ", a.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(AlertStore::alert)
                .list();
        return PageResponse.of(views.of(rows), page, total);
    }

    /** The alert, if the user may see it (otherwise not found). */
    public AlertView get(long id) {
        return views.of(List.of(readable(id))).get(0);
    }

    /** How many open alerts the user's scope holds (for the navigation). */
    public long openCount() {
        AccessScope.Filter scope = AccessScope.current().filter("a.mission_id", "a.country_code");
        return jdbc.sql("select count(*) from alert a where a.state = 'OPEN' and " + scope.sql())
                .params(scope.params())
                .query(Long.class)
                .single();
    }

    /** The latest open alerts in the user's scope (for the home page). */
    public List<AlertView> latestOpen(int limit) {
        return list(
                        new AlertFilter(AlertState.OPEN, null, null, null),
                        new PageQuery(0, Math.max(1, Math.min(limit, 50)), "a.raised_at desc"))
                .items();
    }

    /**
     * The latest open alerts in the user's scope on the given countries, newest first: with a
     * mission, only the alerts of that mission or of no mission (for a mission's or programme's
     * report); without, every alert in those countries (for a country's report).
     */
    public List<AlertView> openIn(Collection<String> countryCodes, @Nullable Long missionId, int limit) {
        if (countryCodes.isEmpty()) {
            return List.of();
        }
        AccessScope.Filter scope = AccessScope.current().filter("a.mission_id", "a.country_code");
        StringBuilder where = new StringBuilder(" where a.state = 'OPEN' and a.country_code in (:countries) and ")
                .append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("countries", countryCodes);
        if (missionId != null) {
            where.append(" and (a.mission_id is null or a.mission_id = :mission)");
            params.put("mission", missionId);
        }
        List<Stored> rows = jdbc.sql(
                        AlertStore.ALERT_COLUMNS + where + " order by a.raised_at desc, a.id desc limit :limit")
                .params(params)
                .param("limit", Math.max(1, Math.min(limit, PageQuery.MAX_SIZE)))
                .query(AlertStore::alert)
                .list();
        return views.of(rows);
    }

    /** What the alert says, in the given language ("120 is above the threshold 100"). */
    public String sentence(AlertView alert, Locale locale) {
        return views.sentence(alert, locale);
    }

    /**
     * Acknowledges an open alert: someone has taken note of it. It stays acknowledged until the
     * data no longer breaches the rule. {@code expectedVersion} must be the stored one, as for every
     * change. Acknowledging an acknowledged alert changes nothing; a resolved one cannot be.
     */
    @Transactional
    public AlertView acknowledge(long id, int expectedVersion) {
        Stored alert = readable(id);
        if (!Roles.current(Roles.ACKNOWLEDGERS)) {
            throw new ForbiddenException("Your role does not allow you to acknowledge alerts");
        }
        if (expectedVersion != alert.version()) {
            throw ConflictException.staleVersion("Alert", id);
        }
        if (alert.state() == AlertState.RESOLVED) {
            throw new ConflictException(
                    "wrong-state", "Alert " + id + " is resolved: the data no longer breaches its rule");
        }
        if (alert.state() == AlertState.OPEN) {
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            int changed = jdbc.sql("""
                            update alert set state = 'ACKNOWLEDGED', acknowledged_by = :who, acknowledged_at = :now,
                                   updated_at = :now, version = version + 1
                             where id = :id and version = :version""")
                    .param("who", AccessScope.current().username())
                    .param("now", now)
                    .param("id", id)
                    .param("version", alert.version())
                    .update();
            if (changed == 0) {
                throw ConflictException.staleVersion("Alert", id);
            }
        }
        return get(id);
    }

    /**
     * Checks the MISSING rules now (as the daily job does), as of today by the given clock, and
     * mails the alerts it opens. Administrators only when someone is signed in.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public MissingCheckResult checkMissing(Clock asOf) {
        if (!Roles.current("ADMIN")) {
            throw new ForbiddenException("Only administrators check for missing values on demand");
        }
        AlertEvaluator.MissingCheck check = evaluator.checkMissing(LocalDate.now(asOf));
        return new MissingCheckResult(check.rules(), check.opened());
    }

    /** {@link #checkMissing(Clock)} as of today. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public MissingCheckResult checkMissing() {
        return checkMissing(clock);
    }

    /** What a check for missing values did: the rules it checked and the alerts it opened. */
    public record MissingCheckResult(int rulesChecked, int alertsOpened) {}

    private Stored readable(long id) {
        return store.alert(id)
                .filter(a -> AccessScope.current().canRead(a.missionId(), a.countryCode()))
                .orElseThrow(() -> new NotFoundException("Alert", id));
    }
}
