package org.bluehelm.complaint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Feeds the cases to the indicator engine as de-identified ACCOUNTABILITY indicators (created by
 * migration V0022; codes in docs/accountability.md): per organisation unit of the institution
 * complained about and per quarter, the complaints received, cases closed, closed substantiated or
 * unsubstantiated ("decided") and substantiated, and the institutions' actual strength in thousands
 * (every quarter of a year with a strength). Complaints per 1,000 personnel and the share
 * substantiated are RATIO indicators over these, computed by the engine. Only counts leave the cases:
 * no case id, name or text.
 *
 * <p>A republish recomputes every value from the cases and writes only the differences through
 * {@link MeasurementService} (so the analytics rollups, dashboards, progress and the SSR index follow
 * as for any data value): new values are created, changed ones updated, and values whose count fell
 * to nothing (cases deleted at the end of their retention) deleted. It runs every hour
 * ({@code bluehelm.accountability.publish-cron}), after each purge, and on demand (an administrator's
 * button or API call): a schedule rather than an event per change, because cases change in many
 * places (intake, workflow, import) and a full recount is cheap, idempotent and heals any miss.
 * A value in a period locked by approval is left as it is (and logged).
 */
@Component
public class AccountabilityIndicatorPublisher {

    static final String RECEIVED = "acc_complaints_received";
    static final String PERSONNEL = "acc_personnel";
    static final String CLOSED = "acc_cases_closed";
    static final String DECIDED = "acc_cases_decided";
    static final String SUBSTANTIATED = "acc_cases_substantiated";
    static final List<String> PUBLISHED = List.of(RECEIVED, PERSONNEL, CLOSED, DECIDED, SUBSTANTIATED);

    private static final Logger log = LoggerFactory.getLogger(AccountabilityIndicatorPublisher.class);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final JdbcClient jdbc;
    private final IndicatorService indicators;
    private final ValueReconciler reconciler;
    private final InstitutionService institutions;

    AccountabilityIndicatorPublisher(
            JdbcClient jdbc, IndicatorService indicators, ValueReconciler reconciler, InstitutionService institutions) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.reconciler = reconciler;
        this.institutions = institutions;
    }

    /** What a republish changed. */
    public record Published(int created, int updated, int deleted, int unchanged, int locked) {}

    @Scheduled(cron = "${bluehelm.accountability.publish-cron:0 20 * * * *}")
    void scheduled() {
        Published p = republish();
        log.debug("Accountability indicators republished: {}", p);
    }

    /**
     * Recomputes every accountability indicator value from the cases and the institutions' strength
     * and writes the differences; runs as the caller (background work sees everything).
     */
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

    /** The values every indicator should have, by indicator code. */
    private Map<String, Map<ValueKey, BigDecimal>> wanted() {
        record Row(
                long institution,
                OffsetDateTime receivedAt,
                @Nullable OffsetDateTime closedAt,
                @Nullable String outcome) {}
        List<Row> cases = jdbc.sql("""
                        select institution_id, received_at, closed_at, outcome from complaint
                        where institution_id is not null""")
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4)))
                .list();
        Set<Long> ids = new HashSet<>();
        cases.forEach(c -> ids.add(c.institution()));
        Map<Long, Long> units = institutions.orgUnitsOf(ids);
        Map<String, Map<ValueKey, BigDecimal>> wanted = new HashMap<>();
        for (Row c : cases) {
            Long unit = units.get(c.institution());
            if (unit == null) {
                continue; // an institution without an org unit has nowhere to be counted
            }
            add(wanted, RECEIVED, new ValueKey(unit, quarter(c.receivedAt())), BigDecimal.ONE);
            if (c.closedAt() != null) {
                ValueKey key = new ValueKey(unit, quarter(c.closedAt()));
                add(wanted, CLOSED, key, BigDecimal.ONE);
                if ("SUBSTANTIATED".equals(c.outcome()) || "UNSUBSTANTIATED".equals(c.outcome())) {
                    add(wanted, DECIDED, key, BigDecimal.ONE);
                }
                if ("SUBSTANTIATED".equals(c.outcome())) {
                    add(wanted, SUBSTANTIATED, key, BigDecimal.ONE);
                }
            }
        }
        for (InstitutionService.UnitStrength s : institutions.actualStrengthByOrgUnit()) {
            BigDecimal thousands = BigDecimal.valueOf(s.actual()).divide(THOUSAND, 3, RoundingMode.HALF_UP);
            for (int q = 1; q <= 4; q++) {
                add(
                        wanted,
                        PERSONNEL,
                        new ValueKey(s.orgUnitId(), Period.quarter(s.year(), q).id()),
                        thousands);
            }
        }
        return wanted;
    }

    private static void add(
            Map<String, Map<ValueKey, BigDecimal>> wanted, String code, ValueKey key, BigDecimal value) {
        wanted.computeIfAbsent(code, c -> new HashMap<>()).merge(key, value, BigDecimal::add);
    }

    private static String quarter(OffsetDateTime at) {
        var day = at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        return Period.quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1).id();
    }
}
