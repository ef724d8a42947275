package org.bluehelm.capacity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
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
 * Feeds the training records to the indicator engine as de-identified CAPACITY and OWNERSHIP
 * indicators (created by migration V0027_1; codes in docs/capacity.md): per org unit and quarter,
 * the actual strength, the personnel trained to date and those of them still in service, the
 * participants who attended and those following up earlier training in the same competency, the
 * scored participants and their summed score gain, and the trainers and national trainers. Coverage,
 * retention, knowledge gain, continuity and the national trainers' share are RATIO indicators over
 * these. Only counts leave the registry: no person id, service number or name. People count where
 * their unit (else their institution) is placed; trainers where the event took place (else where the
 * course's target institution is).
 *
 * <p>Like the accountability indicators, a republish recomputes every value and writes only the
 * differences through {@link MeasurementService}; it runs every hour
 * ({@code bluehelm.capacity.publish-cron}) and on demand (an administrator's button or API call).
 */
@Component
public class CapacityIndicatorPublisher {

    static final String PERSONNEL = "cap_personnel";
    static final String TRAINED = "cap_personnel_trained";
    static final String IN_SERVICE = "cap_trained_in_service";
    static final String SCORED = "cap_scored_participants";
    static final String GAIN = "cap_score_gain_points";
    static final String TRAINERS = "cap_trainers";
    static final String NATIONAL = "cap_national_trainers";
    static final String ATTENDED = "cap_participants_attended";
    static final String FOLLOW_UP = "cap_followup_participants";
    static final List<String> PUBLISHED =
            List.of(PERSONNEL, TRAINED, IN_SERVICE, SCORED, GAIN, TRAINERS, NATIONAL, ATTENDED, FOLLOW_UP);

    private static final Logger log = LoggerFactory.getLogger(CapacityIndicatorPublisher.class);

    private final JdbcClient jdbc;
    private final IndicatorService indicators;
    private final ValueReconciler reconciler;
    private final InstitutionService institutions;
    private final Clock clock;

    CapacityIndicatorPublisher(
            JdbcClient jdbc,
            IndicatorService indicators,
            ValueReconciler reconciler,
            InstitutionService institutions,
            Clock clock) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.reconciler = reconciler;
        this.institutions = institutions;
        this.clock = clock;
    }

    /** What a republish changed. */
    public record Published(int created, int updated, int deleted, int unchanged, int locked) {}

    @Scheduled(cron = "${bluehelm.capacity.publish-cron:0 25 * * * *}")
    void scheduled() {
        Published p = republish();
        log.debug("Capacity indicators republished: {}", p);
    }

    /** Recomputes every capacity indicator value and writes the differences; runs as the caller. */
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

    /** One attendance, as the measures need it: who (pseudonymous), where, when, what, scores. */
    record Attendance(
            long personId,
            long institutionId,
            @Nullable Long unitInstitutionId,
            String sex,
            boolean inService,
            long eventId,
            LocalDate endsOn,
            String competency,
            @Nullable BigDecimal pre,
            @Nullable BigDecimal post) {}

    /** Every attendance (attended participants only), oldest event first. */
    List<Attendance> attendances() {
        return jdbc.sql("""
                        select x.id as person_id, x.institution_id, x.unit_institution_id, x.sex, x.in_service,
                               e.id as event_id, e.ends_on, c.competency, p.pre_score, p.post_score
                          from cap_participant p
                          join cap_person x on x.id = p.person_id
                          join cap_event e on e.id = p.event_id
                          join cap_course c on c.id = e.course_id
                         where p.attended
                         order by e.ends_on, e.id""")
                .query((rs, n) -> new Attendance(
                        rs.getLong("person_id"),
                        rs.getLong("institution_id"),
                        Records.nullableLong(rs, "unit_institution_id"),
                        rs.getString("sex"),
                        rs.getBoolean("in_service"),
                        rs.getLong("event_id"),
                        rs.getObject("ends_on", LocalDate.class),
                        rs.getString("competency"),
                        rs.getBigDecimal("pre_score"),
                        rs.getBigDecimal("post_score")))
                .list();
    }

    /** The values every indicator should have, by indicator code. */
    private Map<String, Map<ValueKey, BigDecimal>> wanted() {
        Map<String, Map<ValueKey, BigDecimal>> wanted = new HashMap<>();
        List<Attendance> all = attendances();
        Set<Long> ids = new HashSet<>();
        all.forEach(a -> {
            ids.add(a.institutionId());
            if (a.unitInstitutionId() != null) {
                ids.add(a.unitInstitutionId());
            }
        });
        record EventRow(long id, LocalDate endsOn, @Nullable Long location, long target, int national, int intl) {}
        List<EventRow> events = jdbc.sql("""
                        select e.id, e.ends_on, e.location_org_unit_id, c.target_institution_id,
                               e.national_trainers, e.international_trainers
                          from cap_event e join cap_course c on c.id = e.course_id""")
                .query((rs, n) -> new EventRow(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        Records.nullableLong(rs, "location_org_unit_id"),
                        rs.getLong(4),
                        rs.getInt(5),
                        rs.getInt(6)))
                .list();
        events.forEach(e -> ids.add(e.target()));
        Map<Long, Long> units = institutions.orgUnitsOf(ids);

        // per quarter: attended, follow-up, scored, gain
        Map<Long, Set<String>> competenciesBefore = new HashMap<>();
        Map<Long, LocalDate> firstTrained = new HashMap<>();
        Map<Long, Long> personUnit = new HashMap<>();
        Map<Long, Boolean> personInService = new HashMap<>();
        for (Attendance a : all) {
            Long unit = orgUnit(a, units);
            if (unit == null) {
                continue; // a person whose institution has no org unit has nowhere to be counted
            }
            ValueKey key = new ValueKey(unit, quarter(a.endsOn()).id());
            add(wanted, ATTENDED, key, BigDecimal.ONE);
            Set<String> before = competenciesBefore.computeIfAbsent(a.personId(), p -> new HashSet<>());
            if (before.contains(a.competency())) {
                add(wanted, FOLLOW_UP, key, BigDecimal.ONE);
            }
            before.add(a.competency());
            if (a.pre() != null && a.post() != null) {
                add(wanted, SCORED, key, BigDecimal.ONE);
                add(wanted, GAIN, key, a.post().subtract(a.pre()));
            }
            firstTrained.putIfAbsent(a.personId(), a.endsOn());
            personUnit.put(a.personId(), unit);
            personInService.put(a.personId(), a.inService());
        }
        // cumulative: trained to date and still in service, every quarter from the first training to now
        Period now = quarter(LocalDate.now(clock));
        for (Map.Entry<Long, LocalDate> e : firstTrained.entrySet()) {
            long unit = personUnit.get(e.getKey());
            boolean inService = personInService.get(e.getKey());
            for (Period q = quarter(e.getValue()); !q.startDate().isAfter(now.startDate()); q = next(q)) {
                add(wanted, TRAINED, new ValueKey(unit, q.id()), BigDecimal.ONE);
                if (inService) {
                    add(wanted, IN_SERVICE, new ValueKey(unit, q.id()), BigDecimal.ONE);
                }
            }
        }
        for (EventRow e : events) {
            Long unit = e.location() != null ? e.location() : units.get(e.target());
            if (unit == null || e.national() + e.intl() == 0) {
                continue;
            }
            ValueKey key = new ValueKey(unit, quarter(e.endsOn()).id());
            add(wanted, TRAINERS, key, BigDecimal.valueOf((long) e.national() + e.intl()));
            add(wanted, NATIONAL, key, BigDecimal.valueOf(e.national()));
        }
        for (InstitutionService.UnitStrength s : institutions.actualStrengthByOrgUnit()) {
            for (int q = 1; q <= 4; q++) {
                add(
                        wanted,
                        PERSONNEL,
                        new ValueKey(s.orgUnitId(), Period.quarter(s.year(), q).id()),
                        BigDecimal.valueOf(s.actual()));
            }
        }
        return wanted;
    }

    private static @Nullable Long orgUnit(Attendance a, Map<Long, Long> units) {
        Long unit = a.unitInstitutionId() == null ? null : units.get(a.unitInstitutionId());
        return unit != null ? unit : units.get(a.institutionId());
    }

    private static void add(
            Map<String, Map<ValueKey, BigDecimal>> wanted, String code, ValueKey key, BigDecimal value) {
        wanted.computeIfAbsent(code, c -> new HashMap<>()).merge(key, value, BigDecimal::add);
    }

    static Period quarter(LocalDate day) {
        return Period.quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    private static Period next(Period quarter) {
        return quarter(quarter.endDate().plusDays(1));
    }
}
