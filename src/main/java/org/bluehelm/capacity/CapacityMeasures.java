package org.bluehelm.capacity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.bluehelm.indicator.Aggregation;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.indicator.SmallCells;
import org.bluehelm.institution.InstitutionFilter;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionView;
import org.bluehelm.measurement.DataValueFilter;
import org.bluehelm.measurement.DataValueView;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Period;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The capacity measures of one institution for the screens and the API, computed from the training
 * records by pseudonymous person id (see {@link InstitutionCoverage}), and training set against an
 * outcome indicator (see {@link OutcomeComparison}). Small cells are suppressed as in the indicator
 * engine.
 */
@Service
@Transactional(readOnly = true)
public class CapacityMeasures {

    /** The outcome shown unless another is chosen: complaints per 1,000 personnel. */
    public static final String DEFAULT_OUTCOME = "acc_complaints_per_1000";

    private final JdbcClient jdbc;
    private final CapacityIndicatorPublisher publisher;
    private final InstitutionService institutions;
    private final IndicatorService indicators;
    private final MeasurementService measurements;
    private final Clock clock;

    CapacityMeasures(
            JdbcClient jdbc,
            CapacityIndicatorPublisher publisher,
            InstitutionService institutions,
            IndicatorService indicators,
            MeasurementService measurements,
            Clock clock) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.institutions = institutions;
        this.indicators = indicators;
        this.measurements = measurements;
        this.clock = clock;
    }

    public InstitutionCoverage coverage(long institutionId) {
        InstitutionView institution = readable(institutionId);
        List<InstitutionView> units = units(institutionId);
        Set<Long> ids = new HashSet<>();
        ids.add(institutionId);
        units.forEach(u -> ids.add(u.id()));
        List<CapacityIndicatorPublisher.Attendance> all = publisher.attendances().stream()
                .filter(a -> ids.contains(a.institutionId())
                        || (a.unitInstitutionId() != null && ids.contains(a.unitInstitutionId())))
                .toList();
        boolean small = SmallCells.visibleToCurrentUser();
        Integer[] strength = latestStrength(institution);
        long trained = distinct(all, a -> true);

        List<InstitutionCoverage.Row> byCompetency = new ArrayList<>();
        for (Competency c : Competency.values()) {
            long n = distinct(all, a -> a.competency().equals(c.name()));
            if (n > 0) {
                byCompetency.add(row(c.name(), c.name(), n, strength[1], small));
            }
        }
        List<InstitutionCoverage.Row> byUnit = new ArrayList<>();
        for (InstitutionView u : units) {
            long n = distinct(
                    all,
                    a -> a.institutionId() == u.id() || Long.valueOf(u.id()).equals(a.unitInstitutionId()));
            byUnit.add(row(String.valueOf(u.id()), Records.name(u), n, latestStrength(u)[1], small));
        }
        List<InstitutionCoverage.Row> bySex = new ArrayList<>();
        for (Sex s : Sex.values()) {
            long n = distinct(all, a -> a.sex().equals(s.name()));
            if (n > 0) {
                bySex.add(row(s.name(), s.name(), n, null, small));
            }
        }
        Double gain = mean(all.stream()
                .filter(a -> a.pre() != null && a.post() != null)
                .map(a -> a.post().subtract(a.pre()).doubleValue())
                .toList());
        long[] trainers = jdbc.sql("""
                        select coalesce(sum(e.national_trainers), 0), coalesce(sum(e.national_trainers
                               + e.international_trainers), 0)
                          from cap_event e join cap_course c on c.id = e.course_id
                         where c.target_institution_id in (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        Map<Long, Set<Long>> eventsByPerson = new HashMap<>();
        Map<Long, Boolean> inService = new HashMap<>();
        for (var a : all) {
            eventsByPerson.computeIfAbsent(a.personId(), p -> new HashSet<>()).add(a.eventId());
            inService.put(a.personId(), a.inService());
        }
        long repeat = eventsByPerson.values().stream().filter(e -> e.size() > 1).count();
        long retained =
                inService.values().stream().filter(Boolean::booleanValue).count();
        InstitutionCoverage.Cell trainedCell = cell(trained, small);
        return new InstitutionCoverage(
                institutionId,
                Records.name(institution),
                strength[0],
                strength[1],
                trainedCell,
                trainedCell.suppressed() ? null : percent(trained, strength[1]),
                byCompetency,
                byUnit,
                bySex,
                trained < 5 && !small ? null : gain,
                trainers[1] == 0 ? null : round(100.0 * trainers[0] / trainers[1]),
                cell(repeat, small),
                trainedCell.suppressed() ? null : percent(repeat, trained),
                cell(retained, small),
                trainedCell.suppressed() ? null : percent(retained, trained),
                oneOffs(ids));
    }

    public OutcomeComparison outcome(long institutionId, @Nullable String indicatorCode) {
        InstitutionView institution = readable(institutionId);
        String code = indicatorCode == null || indicatorCode.isBlank() ? DEFAULT_OUTCOME : indicatorCode.strip();
        Optional<IndicatorView> indicator = indicators.findByCodeIgnoringScope(code);
        List<InstitutionView> units = units(institutionId);
        Set<Long> ids = new HashSet<>();
        ids.add(institutionId);
        units.forEach(u -> ids.add(u.id()));
        List<CapacityIndicatorPublisher.Attendance> all = publisher.attendances().stream()
                .filter(a -> ids.contains(a.institutionId())
                        || (a.unitInstitutionId() != null && ids.contains(a.unitInstitutionId())))
                .toList();
        LocalDate today = LocalDate.now(clock);
        Period now = CapacityIndicatorPublisher.quarter(today);
        Period start = all.isEmpty()
                ? CapacityIndicatorPublisher.quarter(today.minusYears(1))
                : CapacityIndicatorPublisher.quarter(all.get(0).endsOn().minusYears(1));
        Map<String, Double> outcomes = institution.orgUnitId() == null || indicator.isEmpty()
                ? Map.of()
                : values(indicator.get(), institution.orgUnitId());
        Map<Long, LocalDate> firstTrained = new HashMap<>();
        all.forEach(a -> firstTrained.putIfAbsent(a.personId(), a.endsOn()));
        Map<Integer, Integer> strengthByYear = new HashMap<>();
        institution.strength().forEach(s -> {
            if (s.actual() != null) {
                strengthByYear.put(s.year(), s.actual());
            }
        });
        List<OutcomeComparison.Point> series = new ArrayList<>();
        for (Period q = start; !q.startDate().isAfter(now.startDate()); q = next(q)) {
            LocalDate end = q.endDate();
            long trained =
                    firstTrained.values().stream().filter(d -> !d.isAfter(end)).count();
            Integer strength = strengthByYear.get(q.startDate().getYear());
            series.add(new OutcomeComparison.Point(q.id(), percent(trained, strength), outcomes.get(q.id())));
        }
        // before / after each unit's first training
        Map<Long, LocalDate> unitFirst = new HashMap<>();
        for (var a : all) {
            long unit = a.unitInstitutionId() != null ? a.unitInstitutionId() : a.institutionId();
            unitFirst.merge(unit, a.endsOn(), (x, y) -> x.isBefore(y) ? x : y);
        }
        LocalDate earliest =
                unitFirst.values().stream().min(Comparator.naturalOrder()).orElse(null);
        List<OutcomeComparison.UnitRow> rows = new ArrayList<>();
        List<Double> trainedChanges = new ArrayList<>();
        List<Double> untrainedChanges = new ArrayList<>();
        for (InstitutionView u : units) {
            LocalDate first = unitFirst.get(u.id());
            LocalDate split = first != null ? first : earliest;
            Map<String, Double> values =
                    u.orgUnitId() == null || indicator.isEmpty() ? Map.of() : values(indicator.get(), u.orgUnitId());
            Double before = null;
            Double after = null;
            if (split != null) {
                String splitQuarter = CapacityIndicatorPublisher.quarter(split).id();
                before = mean(values.entrySet().stream()
                        .filter(e -> e.getKey().compareTo(splitQuarter) < 0)
                        .map(Map.Entry::getValue)
                        .toList());
                after = mean(values.entrySet().stream()
                        .filter(e -> e.getKey().compareTo(splitQuarter) >= 0)
                        .map(Map.Entry::getValue)
                        .toList());
            }
            Double change = before == null || after == null ? null : round(after - before);
            if (change != null) {
                (first != null ? trainedChanges : untrainedChanges).add(change);
            }
            rows.add(new OutcomeComparison.UnitRow(
                    u.id(),
                    Records.name(u),
                    first == null
                            ? null
                            : CapacityIndicatorPublisher.quarter(first).id(),
                    before,
                    after,
                    change));
        }
        return new OutcomeComparison(
                institutionId,
                Records.name(institution),
                indicator.map(IndicatorView::code).orElse(null),
                indicator.map(IndicatorView::name).orElse(null),
                series,
                rows,
                mean(trainedChanges),
                mean(untrainedChanges));
    }

    // ---------------------------------------------------------------- internals

    private InstitutionView readable(long id) {
        return institutions
                .view(id)
                .filter(i -> AccessScope.current().canRead(i.missionId(), i.countryCode()))
                .orElseThrow(() -> new NotFoundException("Institution", id));
    }

    private List<InstitutionView> units(long institutionId) {
        return institutions
                .list(
                        new InstitutionFilter(null, null, null, null, institutionId),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "i.name"), "name"))
                .items()
                .stream()
                .map(u -> institutions.view(u.id()))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The outcome indicator's values at an org unit by quarter id; a RATIO from its numerator and denominator. */
    private Map<String, Double> values(IndicatorView indicator, long orgUnitId) {
        if (indicator.aggregation() == Aggregation.RATIO
                && indicator.numeratorId() != null
                && indicator.denominatorId() != null) {
            Map<String, BigDecimal> n = stored(indicator.numeratorId(), orgUnitId);
            Map<String, BigDecimal> d = stored(indicator.denominatorId(), orgUnitId);
            Map<String, Double> ratio = new TreeMap<>();
            d.forEach((period, den) -> {
                if (den.signum() != 0) {
                    BigDecimal num = n.getOrDefault(period, BigDecimal.ZERO);
                    double value = num.doubleValue() / den.doubleValue();
                    ratio.put(period, round(indicator.valueType().name().equals("PERCENTAGE") ? value * 100 : value));
                }
            });
            return ratio;
        }
        Map<String, Double> values = new TreeMap<>();
        stored(indicator.id(), orgUnitId).forEach((p, v) -> values.put(p, v.doubleValue()));
        return values;
    }

    private Map<String, BigDecimal> stored(long indicatorId, long orgUnitId) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        PageResponse<DataValueView> page = measurements.list(
                new DataValueFilter(indicatorId, orgUnitId, null, null, null, null, null),
                PageQuery.of(0, PageQuery.MAX_SIZE, "id", Map.of("id", "d.id"), "id"));
        page.items().stream()
                .filter(v -> v.optionId() == null && v.period().contains("Q"))
                .forEach(v -> values.put(v.period(), v.value()));
        return values;
    }

    private List<InstitutionCoverage.OneOff> oneOffs(Set<Long> ids) {
        record CourseEvents(long id, String title, String competency, long events) {}
        List<CourseEvents> courses = jdbc.sql("""
                        select c.id, c.title, c.competency, (select count(*) from cap_event e where e.course_id = c.id)
                          from cap_course c where c.target_institution_id in (:ids) order by c.title""")
                .param("ids", ids)
                .query((rs, n) -> new CourseEvents(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
        Map<String, Long> eventsByCompetency = new HashMap<>();
        courses.forEach(c -> eventsByCompetency.merge(c.competency(), c.events(), Long::sum));
        return courses.stream()
                .filter(c -> c.events() == 1 && eventsByCompetency.get(c.competency()) == 1)
                .map(c -> new InstitutionCoverage.OneOff(c.id(), c.title(), Competency.valueOf(c.competency())))
                .toList();
    }

    private static Integer[] latestStrength(InstitutionView institution) {
        Integer year = null;
        Integer actual = null;
        for (InstitutionView.StrengthView s : institution.strength()) {
            if (s.actual() != null) {
                year = s.year();
                actual = s.actual();
            }
        }
        return new Integer[] {year, actual};
    }

    private static long distinct(
            List<CapacityIndicatorPublisher.Attendance> all, Predicate<CapacityIndicatorPublisher.Attendance> which) {
        return all.stream()
                .filter(which)
                .map(CapacityIndicatorPublisher.Attendance::personId)
                .distinct()
                .count();
    }

    private static InstitutionCoverage.Row row(
            String key, String label, long trained, @Nullable Integer strength, boolean small) {
        InstitutionCoverage.Cell cell = cell(trained, small);
        return new InstitutionCoverage.Row(key, label, cell, cell.suppressed() ? null : percent(trained, strength));
    }

    private static InstitutionCoverage.Cell cell(long count, boolean small) {
        return !small && count > 0 && count < SmallCells.DEFAULT_THRESHOLD
                ? new InstitutionCoverage.Cell(null, true)
                : new InstitutionCoverage.Cell(count, false);
    }

    private static @Nullable Double percent(long part, @Nullable Number whole) {
        return whole == null || whole.longValue() == 0 ? null : round(100.0 * part / whole.doubleValue());
    }

    private static @Nullable Double mean(List<Double> values) {
        return values.isEmpty()
                ? null
                : round(values.stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(0));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Period next(Period quarter) {
        return CapacityIndicatorPublisher.quarter(quarter.endDate().plusDays(1));
    }
}
