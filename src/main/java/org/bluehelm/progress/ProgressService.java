package org.bluehelm.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bluehelm.analytics.AnalyticsQuery;
import org.bluehelm.analytics.AnalyticsResult;
import org.bluehelm.analytics.AnalyticsService;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitFilter;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.Aggregation;
import org.bluehelm.indicator.BenchmarkKind;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.measurement.LatestPeriod;
import org.bluehelm.measurement.MeasurementService;
import org.bluehelm.measurement.ReportedPeriod;
import org.bluehelm.programme.ProgrammeIndicatorView;
import org.bluehelm.programme.ProgrammeService;
import org.bluehelm.programme.ProgrammeView;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress against baselines and targets, trends, and reporting completeness and timeliness; the
 * arithmetic is {@link ProgressJudge}'s.
 *
 * <p>For an indicator at a unit: the unit's own baseline (the latest whose period starts by the
 * as-of day) and target (the first whose period has not ended on the as-of day, else the last:
 * the target being worked towards, as the programme charts draw it). The current value is the
 * aggregate (analytics: the unit and every unit below it, ratios as sums over sums) of the latest
 * period holding a value that starts by the as-of day, in the type that value was recorded in (a
 * quarterly indicator is judged by its latest quarter). The trend looks back over the configured
 * number of periods of that type, ending with that period.
 *
 * <p>Scope: an indicator or programme outside the user's scope is not found; only values in scope
 * count, so a unit whose values the user may not see shows no data.
 */
@Service
@Transactional(readOnly = true)
public class ProgressService {

    /** Most rows of a programme's progress table (indicators x locations). */
    public static final int MAX_PROGRAMME_ROWS = 300;
    /** Most units shown for one indicator. */
    public static final int MAX_INDICATOR_UNITS = 50;
    /** Most periods of a reporting table. */
    public static final int MAX_REPORTING_PERIODS = 60;
    /** Periods of a reporting table when none are asked for. */
    static final int DEFAULT_REPORTING_PERIODS = 4;

    private final IndicatorService indicators;
    private final MeasurementService measurements;
    private final AnalyticsService analytics;
    private final ProgrammeService programmes;
    private final GeographyService geography;
    private final ProgressJudge judge;
    private final Clock clock;

    ProgressService(
            IndicatorService indicators,
            MeasurementService measurements,
            AnalyticsService analytics,
            ProgrammeService programmes,
            GeographyService geography,
            ProgressProperties properties,
            Clock clock) {
        this.indicators = indicators;
        this.measurements = measurements;
        this.analytics = analytics;
        this.programmes = programmes;
        this.geography = geography;
        this.judge = new ProgressJudge(properties);
        this.clock = clock;
    }

    /** Today, the default as-of day (UTC). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The indicator's progress at the unit today. */
    public IndicatorProgress progress(long indicatorId, long orgUnitId) {
        return progress(indicatorId, orgUnitId, today());
    }

    /**
     * The indicator's progress at the unit on the as-of day.
     *
     * @throws NotFoundException when the indicator does not exist or is outside the user's scope
     * @throws InvalidInputException naming {@code orgUnit} when the unit does not exist
     */
    public IndicatorProgress progress(long indicatorId, long orgUnitId, LocalDate asOf) {
        IndicatorView indicator = indicators.get(indicatorId);
        OrgUnitView unit = geography
                .findOrgUnit(orgUnitId)
                .orElseThrow(() ->
                        InvalidInputException.of("orgUnit", "organisation unit " + orgUnitId + " does not exist"));
        List<Pair> pairs = List.of(new Pair(indicator, unit));
        return progress(indicator, unit, asOf, trends(pairs, latestPeriods(List.of(indicator), List.of(unit), asOf)));
    }

    /**
     * The indicator's progress at each unit that has a target for it, by unit name (at most
     * {@link #MAX_INDICATOR_UNITS}).
     */
    public List<IndicatorProgress> progressByUnit(long indicatorId, LocalDate asOf) {
        IndicatorView indicator = indicators.get(indicatorId);
        Set<Long> unitIds = new LinkedHashSet<>();
        indicator.baselinesAndTargets().stream()
                .filter(b -> b.kind() == BenchmarkKind.TARGET)
                .forEach(b -> unitIds.add(b.orgUnitId()));
        List<OrgUnitView> units = unitIds.stream()
                .map(geography::findOrgUnit)
                .flatMap(Optional::stream)
                .sorted(BY_NAME)
                .limit(MAX_INDICATOR_UNITS)
                .toList();
        List<Pair> pairs = units.stream().map(u -> new Pair(indicator, u)).toList();
        Trends trends = trends(pairs, latestPeriods(List.of(indicator), units, asOf));
        return pairs.stream()
                .map(p -> progress(p.indicator(), p.unit(), asOf, trends))
                .toList();
    }

    /**
     * The progress of every indicator of the programme's results chain at each of its locations
     * (or the top units of its country).
     *
     * @throws NotFoundException when the programme does not exist or is outside the user's scope
     */
    public ProgrammeProgress programme(long programmeId, LocalDate asOf) {
        ProgrammeView programme = programmes.get(programmeId);
        Locations where = locations(programme);
        List<IndicatorView> chain = programmes.indicators(programmeId).stream()
                .map(ProgrammeIndicatorView::id)
                .map(indicators::get)
                .toList();
        List<Pair> pairs = new ArrayList<>();
        boolean cut = false;
        for (IndicatorView indicator : chain) {
            for (OrgUnitView unit : where.units()) {
                if (pairs.size() == MAX_PROGRAMME_ROWS) {
                    cut = true;
                    break;
                }
                pairs.add(new Pair(indicator, unit));
            }
        }
        Trends trends = trends(pairs, latestPeriods(chain, where.units(), asOf));
        List<IndicatorProgress> rows = new ArrayList<>();
        for (Pair p : pairs) {
            rows.add(progress(p.indicator(), p.unit(), asOf, trends));
        }
        Map<ProgressStatus, Integer> counts = new EnumMap<>(ProgressStatus.class);
        for (ProgressStatus status : ProgressStatus.values()) {
            counts.put(status, 0);
        }
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return new ProgrammeProgress(
                programme.id(), programme.code(), programme.name(), asOf, where.countryRoot(), rows, counts, cut);
    }

    /**
     * The programme's reporting completeness and timeliness per unit and period, for the periods
     * from the one of {@code from} to the one containing {@code to} (of the type of {@code from},
     * else of {@code to}, else quarterly). Without {@code to}: the latest period whose due date has
     * passed (within the programme's dates), or {@code from} when that is later; without {@code
     * from}: {@value #DEFAULT_REPORTING_PERIODS} periods up to {@code to}, none before the programme
     * starts.
     *
     * @throws NotFoundException when the programme does not exist or is outside the user's scope
     * @throws InvalidInputException naming {@code from} or {@code to}
     */
    public ReportingView reporting(long programmeId, @Nullable String from, @Nullable String to) {
        ProgrammeView programme = programmes.get(programmeId);
        int dueDays = judge.properties().reportingDueDays();
        List<Period> periods = reportingPeriods(programme, from, to, dueDays);
        PeriodType type = periods.get(0).type();
        List<IndicatorView> chain = programmes.indicators(programmeId).stream()
                .map(i -> indicators.get(i.id()))
                .toList();
        Set<Long> sources = new LinkedHashSet<>();
        chain.forEach(i -> sources.addAll(sources(i)));
        Locations where = locations(programme);
        List<OrgUnitView> reporters = where.countryRoot() ? where.units() : lowest(where.units());

        List<ReportingView.PeriodItem> items = periods.stream()
                .map(p -> new ReportingView.PeriodItem(p.id(), p.startDate(), p.endDate(), dueDate(p, dueDays)))
                .toList();
        List<ReportingView.Counts> columns = new ArrayList<>();
        periods.forEach(p -> columns.add(ReportingView.Counts.of(p.id(), 0, 0, 0)));
        ReportingView.Counts total = ReportingView.Counts.of(null, 0, 0, 0);
        List<ReportingView.UnitRow> rows = new ArrayList<>();
        Period first = periods.get(0);
        Period last = periods.get(periods.size() - 1);
        for (OrgUnitView unit : reporters) {
            // the first time each source indicator was reported for each period, in the unit or below
            Map<String, OffsetDateTime> firstIn = new HashMap<>();
            for (ReportedPeriod r :
                    measurements.reportedPeriods(sources, unit.id(), first.startDate(), last.endDate())) {
                if (r.periodType() != type && !r.periodType().finerThan(type)) {
                    continue;
                }
                String key = r.indicatorId() + "|"
                        + Period.parse(r.period()).rollUpTo(type).id();
                firstIn.merge(key, r.firstStoredAt(), (a, b) -> a.isAfter(b) ? b : a);
            }
            List<ReportingView.Counts> cells = new ArrayList<>();
            ReportingView.Counts unitTotal = ReportingView.Counts.of(null, 0, 0, 0);
            for (int c = 0; c < periods.size(); c++) {
                Period period = periods.get(c);
                int reported = 0;
                int timely = 0;
                for (IndicatorView indicator : chain) {
                    OffsetDateTime in = reportedAt(indicator, period, firstIn);
                    if (in != null) {
                        reported++;
                        if (!in.withOffsetSameInstant(ZoneOffset.UTC)
                                .toLocalDate()
                                .isAfter(dueDate(period, dueDays))) {
                            timely++;
                        }
                    }
                }
                ReportingView.Counts cell = ReportingView.Counts.of(period.id(), chain.size(), reported, timely);
                cells.add(cell);
                unitTotal = unitTotal.plus(cell);
                columns.set(c, columns.get(c).plus(cell));
            }
            total = total.plus(unitTotal);
            rows.add(new ReportingView.UnitRow(unit.id(), unit.code(), unit.name(), cells, unitTotal));
        }
        return new ReportingView(
                programme.id(),
                programme.code(),
                programme.name(),
                type,
                dueDays,
                chain.size(),
                where.countryRoot(),
                items,
                rows,
                columns,
                total);
    }

    // ---- one indicator at one unit ---------------------------------------------------------------

    private IndicatorProgress progress(IndicatorView indicator, OrgUnitView unit, LocalDate asOf, Trends trends) {
        List<IndicatorView.Benchmark> own = indicator.baselinesAndTargets().stream()
                .filter(b -> b.orgUnitId() == unit.id())
                .toList();
        IndicatorProgress.Benchmark baseline = baseline(own, asOf);
        IndicatorProgress.Benchmark target = target(own, asOf);
        int window = judge.properties().trendPeriods();

        List<Trend.Point> points = new ArrayList<>();
        List<ProgressJudge.IndexedValue> indexed = new ArrayList<>();
        PeriodType type = null;
        Period last = trends.latest().get(latestKey(indicator, unit.id()));
        if (last != null) {
            type = last.type();
            List<AnalyticsResult.PeriodItem> periods = trends.periods().get(last);
            for (int i = 0; i < periods.size(); i++) {
                BigDecimal value = trends.values()
                        .get(trendKey(indicator.id(), unit.id(), periods.get(i).id()));
                if (value != null) {
                    points.add(new Trend.Point(periods.get(i).id(), value));
                    indexed.add(new ProgressJudge.IndexedValue(i, value.doubleValue()));
                }
            }
        }
        Trend.Point latestPoint = points.isEmpty() ? null : points.get(points.size() - 1);
        IndicatorProgress.Value current =
                latestPoint == null ? null : new IndicatorProgress.Value(latestPoint.period(), latestPoint.value());

        BigDecimal distance =
                baseline == null || target == null ? null : target.value().subtract(baseline.value());
        Double slope = ProgressJudge.slope(indexed);
        Trend trend = new Trend(
                points.isEmpty() ? null : type,
                window,
                points,
                slope == null
                        ? null
                        : ProgressJudge.plain(BigDecimal.valueOf(slope).setScale(4, RoundingMode.HALF_UP)),
                judge.trend(indexed, window, distance, indicator.direction()));

        ProgressStatus status;
        BigDecimal achieved = null;
        BigDecimal expected = null;
        if (baseline == null || target == null) {
            status = ProgressStatus.NO_TARGET;
        } else {
            double share = ProgressJudge.expected(baseline.endDate(), target.endDate(), asOf);
            expected = ProgressJudge.percent(share);
            if (current == null) {
                status = ProgressStatus.NO_DATA;
            } else {
                BigDecimal a = ProgressJudge.achieved(baseline.value(), target.value(), current.value());
                achieved = a == null ? null : ProgressJudge.percent(a);
                status = judge.status(baseline.value(), target.value(), current.value(), indicator.direction(), share);
            }
        }
        return new IndicatorProgress(
                indicator.id(),
                indicator.code(),
                indicator.name(),
                indicator.unit(),
                indicator.direction(),
                unit.id(),
                unit.code(),
                unit.name(),
                asOf,
                baseline,
                target,
                current,
                achieved,
                expected,
                status,
                trend);
    }

    /** The latest baseline whose period starts by the as-of day, else the earliest one. */
    private static IndicatorProgress.@Nullable Benchmark baseline(List<IndicatorView.Benchmark> own, LocalDate asOf) {
        List<IndicatorView.Benchmark> baselines = own.stream()
                .filter(b -> b.kind() == BenchmarkKind.BASELINE)
                .sorted(Comparator.comparing(IndicatorView.Benchmark::startDate))
                .toList();
        IndicatorView.Benchmark chosen = baselines.isEmpty() ? null : baselines.get(0);
        for (IndicatorView.Benchmark b : baselines) {
            if (!b.startDate().isAfter(asOf)) {
                chosen = b;
            }
        }
        return chosen == null ? null : benchmark(chosen);
    }

    /** The first target whose period has not ended on the as-of day, else the last one. */
    private static IndicatorProgress.@Nullable Benchmark target(List<IndicatorView.Benchmark> own, LocalDate asOf) {
        List<IndicatorView.Benchmark> targets = own.stream()
                .filter(b -> b.kind() == BenchmarkKind.TARGET)
                .sorted(Comparator.comparing(IndicatorView.Benchmark::endDate))
                .toList();
        for (IndicatorView.Benchmark t : targets) {
            if (!t.endDate().isBefore(asOf)) {
                return benchmark(t);
            }
        }
        return targets.isEmpty() ? null : benchmark(targets.get(targets.size() - 1));
    }

    private static IndicatorProgress.Benchmark benchmark(IndicatorView.Benchmark b) {
        return new IndicatorProgress.Benchmark(b.period(), b.endDate(), ProgressJudge.plain(b.value()));
    }

    /**
     * The period of the latest value of each indicator (of its numerator, for a ratio) in each unit
     * or below it that starts by the as-of day, by {@link #latestKey}; none for a pair with no value
     * in the user's scope. One lookup for all pairs.
     */
    private Map<String, Period> latestPeriods(List<IndicatorView> chain, List<OrgUnitView> units, LocalDate asOf) {
        Set<Long> sources = new LinkedHashSet<>();
        chain.forEach(i -> sources.add(latestSource(i)));
        Map<String, Period> latest = new HashMap<>();
        for (LatestPeriod l : measurements.latestPeriods(
                sources, units.stream().map(OrgUnitView::id).toList(), asOf)) {
            latest.put(l.indicatorId() + "|" + l.orgUnitId(), Period.parse(l.period()));
        }
        return latest;
    }

    /** An indicator at a unit: one row of progress. */
    private record Pair(IndicatorView indicator, OrgUnitView unit) {}

    /**
     * The trend windows of a set of pairs: the latest period of each pair (by {@link #latestKey}),
     * the periods of the window ending with each such period, and the aggregated values by {@link
     * #trendKey}.
     */
    private record Trends(
            Map<String, Period> latest,
            Map<Period, List<AnalyticsResult.PeriodItem>> periods,
            Map<String, BigDecimal> values) {}

    /**
     * The values of the trend windows of the pairs, from analytics: one query per window (the pairs
     * whose latest value is in the same period share it: usually all of them) for all their
     * indicators and units, instead of one query per pair. A query holds at most {@link
     * AnalyticsService#MAX_ITEMS} indicators and {@link #MAX_INDICATOR_UNITS} units; values of
     * indicator x unit cells that no pair asked for are read too and left unused.
     */
    private Trends trends(List<Pair> pairs, Map<String, Period> latest) {
        int window = judge.properties().trendPeriods();
        Map<Period, Set<Long>> indicatorsByWindow = new LinkedHashMap<>();
        Map<Period, Set<Long>> unitsByWindow = new LinkedHashMap<>();
        for (Pair p : pairs) {
            Period last = latest.get(latestKey(p.indicator(), p.unit().id()));
            if (last != null) {
                indicatorsByWindow
                        .computeIfAbsent(last, l -> new LinkedHashSet<>())
                        .add(p.indicator().id());
                unitsByWindow
                        .computeIfAbsent(last, l -> new LinkedHashSet<>())
                        .add(p.unit().id());
            }
        }
        Map<Period, List<AnalyticsResult.PeriodItem>> periods = new HashMap<>();
        Map<String, BigDecimal> values = new HashMap<>();
        indicatorsByWindow.forEach((last, indicatorSet) -> {
            Period first = last;
            for (int i = 1; i < window && first.startDate().getYear() > 1900; i++) {
                first = previous(first);
            }
            List<Long> ids = List.copyOf(indicatorSet);
            List<Long> units = List.copyOf(unitsByWindow.get(last));
            for (int i = 0; i < ids.size(); i += AnalyticsService.MAX_ITEMS) {
                for (int u = 0; u < units.size(); u += MAX_INDICATOR_UNITS) {
                    AnalyticsResult result = analytics.aggregate(AnalyticsQuery.of(
                                    ids.subList(i, Math.min(ids.size(), i + AnalyticsService.MAX_ITEMS)),
                                    units.subList(u, Math.min(units.size(), u + MAX_INDICATOR_UNITS)),
                                    first.id(),
                                    last.id())
                            .by(last.type()));
                    periods.putIfAbsent(last, result.periods());
                    for (AnalyticsResult.Row r : result.rows()) {
                        if (r.indicator() != null && r.value() != null) {
                            values.put(trendKey(r.indicator(), r.orgUnit(), r.period()), r.value());
                        }
                    }
                }
            }
        });
        return new Trends(latest, periods, values);
    }

    private static String trendKey(long indicatorId, long unitId, String period) {
        return indicatorId + "|" + unitId + "|" + period;
    }

    private static String latestKey(IndicatorView indicator, long unitId) {
        return latestSource(indicator) + "|" + unitId;
    }

    /** The indicator whose values tell when the indicator was last reported: a ratio's numerator. */
    private static long latestSource(IndicatorView indicator) {
        return indicator.aggregation() == Aggregation.RATIO
                ? Objects.requireNonNull(indicator.numeratorId())
                : indicator.id();
    }

    // ---- reporting -------------------------------------------------------------------------------

    /** The indicators whose values make up the indicator's reports: a ratio's numerator and denominator. */
    private static List<Long> sources(IndicatorView indicator) {
        return indicator.aggregation() == Aggregation.RATIO
                ? List.of(
                        Objects.requireNonNull(indicator.numeratorId()),
                        Objects.requireNonNull(indicator.denominatorId()))
                : List.of(indicator.id());
    }

    /** When the indicator's report for the period was in (the last of its sources), or null when it is not. */
    private static @Nullable OffsetDateTime reportedAt(
            IndicatorView indicator, Period period, Map<String, OffsetDateTime> firstIn) {
        OffsetDateTime in = null;
        for (long source : sources(indicator)) {
            OffsetDateTime at = firstIn.get(source + "|" + period.id());
            if (at == null) {
                return null;
            }
            in = in == null || at.isAfter(in) ? at : in;
        }
        return in;
    }

    private static LocalDate dueDate(Period period, int dueDays) {
        return period.endDate().plusDays(dueDays);
    }

    private List<Period> reportingPeriods(
            ProgrammeView programme, @Nullable String fromText, @Nullable String toText, int dueDays) {
        Validation v = new Validation();
        Period from = parse("from", fromText, v);
        Period to = parse("to", toText, v);
        v.throwIfInvalid();
        PeriodType type = from != null ? from.type() : to != null ? to.type() : PeriodType.QUARTERLY;
        Period last = to != null ? containing(to.endDate(), type) : defaultLast(programme, type, dueDays);
        Period first;
        if (from != null) {
            first = from;
            if (to == null && last.startDate().isBefore(first.startDate())) {
                // a period not yet due, asked for on its own
                last = first;
            }
        } else {
            first = last;
            for (int i = 1; i < DEFAULT_REPORTING_PERIODS && first.startDate().getYear() > 1900; i++) {
                Period before = previous(first);
                if (programme.startDate() != null && before.endDate().isBefore(programme.startDate())) {
                    break;
                }
                first = before;
            }
        }
        if (last.startDate().isBefore(first.startDate())) {
            throw InvalidInputException.of("to", "must not be before from");
        }
        List<Period> periods = new ArrayList<>();
        for (Period p = first; ; p = containing(p.endDate().plusDays(1), type)) {
            if (periods.size() == MAX_REPORTING_PERIODS) {
                throw InvalidInputException.of("to", "at most " + MAX_REPORTING_PERIODS + " periods at once");
            }
            periods.add(p);
            if (!p.startDate().isBefore(last.startDate())) {
                return periods;
            }
        }
    }

    /** The latest period whose due date has passed, or the one the programme ends in when that is earlier. */
    private Period defaultLast(ProgrammeView programme, PeriodType type, int dueDays) {
        LocalDate today = today();
        Period last = containing(today, type);
        while (!dueDate(last, dueDays).isBefore(today)) {
            last = previous(last);
        }
        if (programme.endDate() != null && last.startDate().isAfter(programme.endDate())) {
            last = containing(programme.endDate(), type);
        }
        return last;
    }

    private static @Nullable Period parse(String field, @Nullable String text, Validation v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Period.parse(field, text);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> v.add(p.field(), p.message()));
            return null;
        }
    }

    // ---- units and periods -----------------------------------------------------------------------

    private static final Comparator<OrgUnitView> BY_NAME = Comparator.comparing(
                    (OrgUnitView u) -> u.name().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(OrgUnitView::id);

    /** The units a programme works in, by name: its locations, or the top units of its country. */
    private record Locations(List<OrgUnitView> units, boolean countryRoot) {}

    private Locations locations(ProgrammeView programme) {
        List<OrgUnitView> listed = programme.locationIds().stream()
                .map(geography::findOrgUnit)
                .flatMap(Optional::stream)
                .sorted(BY_NAME)
                .toList();
        if (!listed.isEmpty()) {
            return new Locations(listed, false);
        }
        List<OrgUnitView> roots = geography
                .orgUnits(
                        new OrgUnitFilter(programme.countryCode(), null, null, 1, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "name", Map.of("name", "name, id"), "name"))
                .items();
        return new Locations(roots, true);
    }

    /** The units with no other unit of the list below them (so that no value is counted twice). */
    static List<OrgUnitView> lowest(List<OrgUnitView> units) {
        return units.stream()
                .filter(u -> units.stream()
                        .noneMatch(o -> o.id() != u.id() && o.path().startsWith(u.path())))
                .toList();
    }

    /** The period of a type that contains a day. */
    static Period containing(LocalDate day, PeriodType type) {
        return Period.day(day).rollUpTo(type);
    }

    /** The period of the same type just before. */
    static Period previous(Period period) {
        return containing(period.startDate().minusDays(1), period.type());
    }
}
