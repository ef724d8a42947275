package org.bluehelm.coordination;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.bluehelm.measurement.DataValueCommand;
import org.bluehelm.measurement.DataValueFilter;
import org.bluehelm.measurement.DataValueView;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
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
    private final MeasurementService measurements;
    private final InstitutionService institutions;
    private final GeographyService geography;
    private final ActorService actors;
    private final Clock clock;

    OwnershipIndicatorPublisher(
            JdbcClient jdbc,
            IndicatorService indicators,
            MeasurementService measurements,
            InstitutionService institutions,
            GeographyService geography,
            ActorService actors,
            Clock clock) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.measurements = measurements;
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
        Map<String, Map<Key, BigDecimal>> wanted = wanted();
        int created = 0;
        int updated = 0;
        int deleted = 0;
        int unchanged = 0;
        int locked = 0;
        for (String code : PUBLISHED) {
            Optional<IndicatorView> indicator = indicators.findByCodeIgnoringScope(code);
            if (indicator.isEmpty()) {
                continue; // removed by an administrator: nothing to feed
            }
            long id = indicator.get().id();
            Map<Key, BigDecimal> values = wanted.getOrDefault(code, Map.of());
            Map<Key, DataValueView> stored = stored(id);
            List<DataValueCommand> writes = new ArrayList<>();
            for (Map.Entry<Key, BigDecimal> e : values.entrySet()) {
                DataValueView existing = stored.get(e.getKey());
                if (existing == null) {
                    writes.add(command(id, e.getKey(), e.getValue(), null));
                } else if (existing.value().compareTo(e.getValue()) != 0) {
                    writes.add(command(id, e.getKey(), e.getValue(), existing.version()));
                } else {
                    unchanged++;
                }
            }
            for (int from = 0; from < writes.size(); from += 5000) {
                List<DataValueCommand> chunk = writes.subList(from, Math.min(writes.size(), from + 5000));
                try {
                    var result = measurements.recordBatch(chunk);
                    created += result.created();
                    updated += result.updated();
                } catch (ConflictException e) {
                    locked += chunk.size();
                    log.warn("Ownership indicator {}: {} values not written ({})", code, chunk.size(), e.getMessage());
                }
            }
            for (Map.Entry<Key, DataValueView> e : stored.entrySet()) {
                if (!values.containsKey(e.getKey())) {
                    try {
                        measurements.delete(e.getValue().id(), e.getValue().version());
                        deleted++;
                    } catch (ConflictException ex) {
                        locked++;
                        log.warn("Ownership indicator {}: a value not removed ({})", code, ex.getMessage());
                    }
                }
            }
        }
        return new Published(created, updated, deleted, unchanged, locked);
    }

    private record Key(long orgUnitId, String period) {}

    private Map<String, Map<Key, BigDecimal>> wanted() {
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
        Map<String, Map<Key, BigDecimal>> wanted = new HashMap<>();
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
                    Key key = new Key(unit, Period.year(year).id());
                    add(wanted, LED, key, BigDecimal.ONE);
                    add(wanted, LED_NATIONAL, key, isNational ? BigDecimal.ONE : BigDecimal.ZERO);
                }
            }
            if (r.role() == ActorRole.FUNDING && r.budget() != null) {
                Key key = new Key(unit, Period.year(r.start().getYear()).id());
                add(wanted, FUNDING, key, r.budget());
                add(wanted, FUNDING_NATIONAL, key, isNational ? r.budget() : BigDecimal.ZERO);
            }
        }
        return wanted;
    }

    private static void add(Map<String, Map<Key, BigDecimal>> wanted, String code, Key key, BigDecimal value) {
        wanted.computeIfAbsent(code, c -> new HashMap<>()).merge(key, value, BigDecimal::add);
    }

    private Map<Key, DataValueView> stored(long indicatorId) {
        Map<Key, DataValueView> stored = new HashMap<>();
        for (int page = 0; ; page++) {
            PageResponse<DataValueView> values = measurements.list(
                    new DataValueFilter(indicatorId, null, null, null, null, null, null),
                    PageQuery.of(page, PageQuery.MAX_SIZE, "id", Map.of("id", "d.id"), "id"));
            values.items().stream()
                    .filter(v -> v.optionId() == null)
                    .forEach(v -> stored.put(new Key(v.orgUnitId(), v.period()), v));
            if (page + 1 >= values.totalPages()) {
                return stored;
            }
        }
    }

    private static DataValueCommand command(long indicator, Key key, BigDecimal value, @Nullable Integer version) {
        return new DataValueCommand(indicator, key.orgUnitId(), key.period(), null, null, value, null, version);
    }
}
