package org.bluehelm.coordination;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bluehelm.actor.ActorCategory;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorView;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitKind;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.measurement.Reconciled;
import org.bluehelm.measurement.ValueKey;
import org.bluehelm.measurement.ValueReconciler;
import org.bluehelm.shared.Period;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Feeds the activities to the indicator engine as OWNERSHIP indicators (created by migration
 * V0028_1; codes in docs/coordination.md), per org unit and year: the activities with a lead or
 * co-lead running in the year and those led by national actors, and the budgets of the funding
 * actors of activities starting in the year and the national part of them. The shares are RATIO
 * indicators over these, computed by the engine, so that they add up over the org-unit hierarchy.
 * The org unit of an activity is its own, else its institution's, else the top unit of its country.
 *
 * <p>Like the accountability indicators, a republish recomputes every value and writes only the
 * differences through {@link MeasurementService}; it runs every hour
 * ({@code bluehelm.coordination.publish-cron}) and on demand. A value in a period locked by
 * approval is left as it is (and logged).
 */
@Component
public class OwnershipIndicatorPublisher {

    static final String LED = "own_led_activities";
    static final String LED_NATIONAL = "own_led_national";
    static final String FUNDING = "own_funding";
    static final String FUNDING_NATIONAL = "own_funding_national";
    static final List<String> PUBLISHED = List.of(LED, LED_NATIONAL, FUNDING, FUNDING_NATIONAL);

    /** An open activity counts up to the current year, and no activity over more years than this. */
    private static final int MAX_YEARS = 30;

    private static final Logger log = LoggerFactory.getLogger(OwnershipIndicatorPublisher.class);

    private final JdbcClient jdbc;
    private final IndicatorService indicators;
    private final ValueReconciler reconciler;
    private final InstitutionService institutions;
    private final GeographyService geography;
    private final ActorService actors;
    private final Clock clock;

    OwnershipIndicatorPublisher(
            JdbcClient jdbc,
            IndicatorService indicators,
            ValueReconciler reconciler,
            InstitutionService institutions,
            GeographyService geography,
            ActorService actors,
            Clock clock) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.reconciler = reconciler;
        this.institutions = institutions;
        this.geography = geography;
        this.actors = actors;
        this.clock = clock;
    }

    /** What a republish changed. */
    public record Published(int created, int updated, int deleted, int unchanged, int locked) {}

    @Scheduled(cron = "${bluehelm.coordination.publish-cron:0 25 * * * *}")
    void scheduled() {
        Published p = republish();
        log.debug("Ownership indicators republished: {}", p);
    }

    /** Recomputes every ownership indicator value from the activities and writes the differences. */
    public Published republish() {
        Map<String, Map<ValueKey, BigDecimal>> wanted = wanted();
        Reconciled total = Reconciled.NONE;
        for (String code : PUBLISHED) {
            Optional<IndicatorView> indicator = indicators.findByCodeIgnoringScope(code);
            if (indicator.isEmpty()) {
                continue; // removed by an administrator: nothing to feed
            }
            total = total.plus(reconciler.reconcile(indicator.get().id(), wanted.getOrDefault(code, Map.of())));
        }
        return new Published(total.created(), total.updated(), total.deleted(), total.unchanged(), total.locked());
    }

    private Map<String, Map<ValueKey, BigDecimal>> wanted() {
        record Row(
                long actorId,
                ActorRole role,
                @Nullable Long institutionId,
                @Nullable Long orgUnitId,
                String countryCode,
                LocalDate start,
                @Nullable LocalDate end,
                ActivityStatus status,
                @Nullable BigDecimal budget) {}
        List<Row> rows = jdbc.sql("""
                        select actor_id, actor_role, institution_id, org_unit_id, country_code, start_date, end_date,
                               status, budget_amount
                          from coordination_activity
                         where status <> 'CANCELLED'""")
                .query((rs, n) -> {
                    long institution = rs.getLong("institution_id");
                    Long institutionId = rs.wasNull() ? null : institution;
                    long unit = rs.getLong("org_unit_id");
                    Long unitId = rs.wasNull() ? null : unit;
                    return new Row(
                            rs.getLong("actor_id"),
                            ActorRole.valueOf(rs.getString("actor_role")),
                            institutionId,
                            unitId,
                            rs.getString("country_code"),
                            rs.getObject("start_date", LocalDate.class),
                            rs.getObject("end_date", LocalDate.class),
                            ActivityStatus.valueOf(rs.getString("status")),
                            rs.getBigDecimal("budget_amount"));
                })
                .list();
        Set<Long> institutionIds = new HashSet<>();
        rows.forEach(r -> {
            if (r.institutionId() != null) {
                institutionIds.add(r.institutionId());
            }
        });
        Map<Long, Long> institutionUnits = institutions.orgUnitsOf(institutionIds);
        Map<String, Long> countryUnits = new HashMap<>();
        for (OrgUnitView unit : geography.topLevels(1)) {
            if (unit.kind() == OrgUnitKind.AREA) {
                countryUnits.putIfAbsent(unit.countryCode(), unit.id());
            }
        }
        Map<Long, Boolean> national = new HashMap<>();
        int thisYear = LocalDate.now(clock).getYear();
        Map<String, Map<ValueKey, BigDecimal>> wanted = new HashMap<>();
        for (Row r : rows) {
            Long unit = r.orgUnitId() != null
                    ? r.orgUnitId()
                    : r.institutionId() != null && institutionUnits.get(r.institutionId()) != null
                            ? institutionUnits.get(r.institutionId())
                            : countryUnits.get(r.countryCode());
            if (unit == null) {
                continue; // nowhere to be counted
            }
            boolean isNational = national.computeIfAbsent(
                    r.actorId(),
                    id -> actors.view(id)
                            .map(ActorView::category)
                            .map(c -> c == ActorCategory.NATIONAL)
                            .orElse(false));
            if (r.role() == ActorRole.LEAD || r.role() == ActorRole.CO_LEAD) {
                int first = r.start().getYear();
                int last = r.end() != null ? r.end().getYear() : Math.max(first, thisYear);
                last = Math.min(last, first + MAX_YEARS - 1);
                for (int year = first; year <= last; year++) {
                    ValueKey key = new ValueKey(unit, Period.year(year).id());
                    add(wanted, LED, key, BigDecimal.ONE);
                    add(wanted, LED_NATIONAL, key, isNational ? BigDecimal.ONE : BigDecimal.ZERO);
                }
            }
            if (r.role() == ActorRole.FUNDING && r.budget() != null) {
                ValueKey key =
                        new ValueKey(unit, Period.year(r.start().getYear()).id());
                add(wanted, FUNDING, key, r.budget());
                add(wanted, FUNDING_NATIONAL, key, isNational ? r.budget() : BigDecimal.ZERO);
            }
        }
        return wanted;
    }

    private static void add(
            Map<String, Map<ValueKey, BigDecimal>> wanted, String code, ValueKey key, BigDecimal value) {
        wanted.computeIfAbsent(code, c -> new HashMap<>()).merge(key, value, BigDecimal::add);
    }
}
