package org.bluehelm.ssrindex;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bluehelm.analytics.AnalyticsQuery;
import org.bluehelm.analytics.AnalyticsResult;
import org.bluehelm.analytics.AnalyticsService;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.indicator.IndicatorFilter;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorSummary;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionView;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SSR composite index of an organisation unit or an institution, for a period or a series of
 * periods, and the weights of its indicators. The arithmetic is in {@link IndexMethod}; this
 * class finds what it works on.
 *
 * <p>Scope: only indicators the user may read take part, and their values are aggregated from
 * the data values the user may see (analytics applies the same scope). A unit in a country outside
 * the user's scope is refused (403: units are reference data, so their existence is no secret); an
 * institution outside it is not found (404), as everywhere else. Weights are read by everyone in
 * scope and changed by administrators and mission managers: the shared library's only by
 * administrators.
 */
@Service
@Transactional(readOnly = true)
public class SsrIndexService {

    /** Most periods in one series. */
    public static final int MAX_PERIODS = 120;

    /** Most weights in one change. */
    static final int MAX_WEIGHTS = 1000;

    static final BigDecimal MAX_WEIGHT = new BigDecimal("1000");
    private static final int WEIGHT_SCALE = 4;
    private static final String[] WEIGHT_EDITORS = {"ADMIN", "MISSION_MANAGER"};

    private final AnalyticsService analytics;
    private final IndicatorService indicators;
    private final GeographyService geography;
    private final InstitutionService institutions;
    private final WeightRepository weights;

    SsrIndexService(
            AnalyticsService analytics,
            IndicatorService indicators,
            GeographyService geography,
            InstitutionService institutions,
            WeightRepository weights) {
        this.analytics = analytics;
        this.indicators = indicators;
        this.geography = geography;
        this.institutions = institutions;
        this.weights = weights;
    }

    /**
     * The index of an organisation unit (any level; its subtree's values roll up) or of an
     * institution (the index of its organisation unit) in a period of any type.
     *
     * @throws InvalidInputException naming {@code orgUnit}, {@code institution} or {@code period}
     * @throws NotFoundException when the institution does not exist or is outside the user's scope
     * @throws ForbiddenException when the unit's country is outside the user's scope
     */
    public SsrIndex index(@Nullable Long orgUnit, @Nullable Long institution, @Nullable String period) {
        Validation v = new Validation();
        checkSubject(orgUnit, institution, v);
        v.required("period", period);
        Period p = period == null || period.isBlank() ? null : parse("period", period, v);
        v.throwIfInvalid();
        Subject subject = subject(orgUnit, institution);
        Period asked = java.util.Objects.requireNonNull(p);
        Evaluation e = evaluate(subject.unit(), List.of(asked), scoped()).get(0);
        return new SsrIndex(
                subject.unitItem(),
                subject.institutionItem(),
                periodItem(asked),
                e.score(),
                e.coverage(),
                e.dimensions().stream().map(IndexMethod.Evaluated::view).toList());
    }

    /**
     * The index over consecutive periods of a type (default: the type of {@code from}), from the
     * one containing {@code from} to the one containing {@code to} (default: {@code from}).
     *
     * @throws InvalidInputException naming the parameter at fault
     */
    public SsrIndexSeries series(
            @Nullable Long orgUnit,
            @Nullable Long institution,
            @Nullable PeriodType periodType,
            @Nullable String from,
            @Nullable String to) {
        Validation v = new Validation();
        checkSubject(orgUnit, institution, v);
        v.required("from", from);
        Period first = from == null || from.isBlank() ? null : parse("from", from, v);
        Period last = to == null || to.isBlank() ? null : parse("to", to, v);
        List<Period> periods = List.of();
        PeriodType type = periodType;
        if (first != null && !v.hasProblem("to")) {
            type = periodType != null ? periodType : first.type();
            periods = periods(first, last == null ? first : last, type, v);
        }
        v.throwIfInvalid();
        Subject subject = subject(orgUnit, institution);
        return seriesOf(
                subject, java.util.Objects.requireNonNull(type), periods, evaluate(subject.unit(), periods, scoped()));
    }

    /**
     * The index of a unit over consecutive periods computed only from what a source gives (its
     * indicators and values), whoever is signed in: for public outputs, which choose their data
     * themselves. Same parameters and scoring as {@link #series}.
     *
     * @throws InvalidInputException naming the parameter at fault
     */
    public SsrIndexSeries seriesFrom(
            IndexValues source, long orgUnit, PeriodType periodType, String from, @Nullable String to) {
        Validation v = new Validation();
        Period first = parse("from", from, v);
        Period last = to == null || to.isBlank() ? null : parse("to", to, v);
        List<Period> periods = first == null || v.hasProblem("to")
                ? List.of()
                : periods(first, last == null ? first : last, periodType, v);
        v.throwIfInvalid();
        OrgUnitView unit = geography
                .findOrgUnit(orgUnit)
                .orElseThrow(() -> refused(
                        "orgUnit",
                        "organisation unit " + orgUnit + " does not exist",
                        "ssrindex.validation.orgUnitNotFound",
                        String.valueOf(orgUnit)));
        Source given = new Source(
                chain -> indicators.withBenchmarksAtIgnoringScope(chain).stream()
                        .filter(source::includes)
                        .toList(),
                (list, u, ps) -> flatten(source.values(list, u, ps)));
        return seriesOf(new Subject(unit, null), periodType, periods, evaluate(unit, periods, given));
    }

    private static SsrIndexSeries seriesOf(
            Subject subject, PeriodType type, List<Period> periods, List<Evaluation> evaluations) {
        List<SsrIndexSeries.Point> points = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Evaluation e = evaluations.get(i);
            points.add(new SsrIndexSeries.Point(
                    periodItem(periods.get(i)),
                    e.score(),
                    e.coverage(),
                    e.dimensions().stream()
                            .map(d -> new SsrIndexSeries.DimensionPoint(
                                    d.view().dimension(),
                                    d.view().score(),
                                    d.view().coverage()))
                            .toList()));
        }
        return new SsrIndexSeries(subject.unitItem(), subject.institutionItem(), type, points);
    }

    /** The weights of the indicators of the index in the user's scope (of one dimension, or all). */
    public WeightList weights(@Nullable Dimension dimension) {
        if (dimension == Dimension.CONTEXT) {
            throw refused(
                    "dimension",
                    "CONTEXT describes the setting and is not part of the index",
                    "ssrindex.validation.context");
        }
        List<IndicatorSummary> found = new ArrayList<>();
        IndicatorFilter filter = new IndicatorFilter(null, dimension, null, null, null);
        for (int page = 0; ; page++) {
            PageResponse<IndicatorSummary> result = indicators.list(
                    filter, PageQuery.of(page, PageQuery.MAX_SIZE, "code", Map.of("code", "i.code"), "code"));
            result.items().stream()
                    .filter(i -> i.dimension() != Dimension.CONTEXT)
                    .forEach(found::add);
            if (page + 1 >= result.totalPages()) {
                break;
            }
        }
        Map<Long, WeightRepository.Stored> stored =
                weights.find(found.stream().map(IndicatorSummary::id).toList());
        List<IndicatorWeight> list = new ArrayList<>();
        for (IndicatorSummary i : found) {
            WeightRepository.Stored s = stored.get(i.id());
            list.add(new IndicatorWeight(
                    i.id(),
                    i.code(),
                    i.name(),
                    i.dimension(),
                    i.missionId(),
                    i.countryCode(),
                    s == null ? BigDecimal.ONE : IndexMethod.plain(s.weight(), WEIGHT_SCALE),
                    s != null,
                    s == null ? 0 : s.version()));
        }
        list.sort(Comparator.comparing((IndicatorWeight w) -> w.dimension().ordinal())
                .thenComparing(IndicatorWeight::code));
        return new WeightList(list);
    }

    /** Whether the current user may change weights at all (their scope and the library rule decide which). */
    public boolean canSetWeights() {
        return Roles.current(WEIGHT_EDITORS);
    }

    /** Whether the current user may change this indicator's weight. */
    public boolean canChange(IndicatorWeight weight) {
        return weight.library() ? Roles.current("ADMIN") : Roles.current(WEIGHT_EDITORS);
    }

    /**
     * Sets the weights listed; a weight equal to the stored one is left alone. Every weight must be
     * a positive number (at most {@value #WEIGHT_SCALE} decimals, at most 1000) and carry the
     * version read; nothing is written when one is refused.
     *
     * @return the weights of the indicators listed, as stored now
     * @throws InvalidInputException naming {@code weights[i].weight} and the like
     * @throws ForbiddenException for a role that does not set weights, or a library indicator and a non-administrator
     * @throws ConflictException {@code stale-version} when a weight was changed since it was read
     */
    @Transactional
    public WeightList setWeights(SetWeights command) {
        if (!canSetWeights()) {
            throw new ForbiddenException("Only administrators and mission managers set the weights of the index");
        }
        AccessScope scope = AccessScope.current();
        Validation v = new Validation();
        List<SetWeights.@Nullable Weight> items = command.weights() == null ? List.of() : command.weights();
        if (items.isEmpty()) {
            v.coded("weights", "give at least one weight", "ssrindex.validation.noWeight");
        }
        if (items.size() > MAX_WEIGHTS) {
            v.coded(
                    "weights",
                    "at most " + MAX_WEIGHTS + " weights at once",
                    "ssrindex.validation.tooManyWeights",
                    MAX_WEIGHTS);
            v.throwIfInvalid();
        }
        Map<Long, IndicatorView> byId = new LinkedHashMap<>();
        Map<Long, SetWeights.Weight> changes = new LinkedHashMap<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            SetWeights.Weight w = items.get(i);
            String field = "weights[" + i + "]";
            if (w == null) {
                v.coded(field, "is empty", "ssrindex.validation.empty");
                continue;
            }
            v.required(field + ".indicatorId", w.indicatorId()).required(field + ".version", w.version());
            checkWeight(field + ".weight", w.weight(), v);
            if (w.version() != null && w.version() < 0) {
                v.coded(field + ".version", "must be 0 or more", "ssrindex.validation.version");
            }
            Long id = w.indicatorId();
            if (id == null) {
                continue;
            }
            Optional<IndicatorView> indicator =
                    indicators.findIgnoringScope(id).filter(x -> scope.canRead(x.missionId(), x.countryCode()));
            if (indicator.isEmpty()) {
                v.coded(
                        field + ".indicatorId",
                        "indicator " + id + " does not exist",
                        "ssrindex.validation.indicatorNotFound",
                        String.valueOf(id));
            } else if (indicator.get().dimension() == Dimension.CONTEXT) {
                v.coded(
                        field + ".indicatorId",
                        "indicator " + indicator.get().code()
                                + " informs CONTEXT, which describes the setting and is not part of the index",
                        "ssrindex.validation.contextIndicator",
                        indicator.get().code());
            } else if (!seen.add(id)) {
                v.coded(
                        field + ".indicatorId",
                        "indicator " + id + " is listed twice",
                        "ssrindex.validation.twice",
                        String.valueOf(id));
            } else {
                byId.put(id, indicator.get());
                changes.put(id, w);
            }
        }
        v.throwIfInvalid();

        Map<Long, WeightRepository.Stored> stored = weights.find(changes.keySet());
        List<Long> toWrite = new ArrayList<>();
        for (Map.Entry<Long, SetWeights.Weight> change : changes.entrySet()) {
            long id = change.getKey();
            IndicatorView indicator = byId.get(id);
            WeightRepository.Stored s = stored.get(id);
            BigDecimal current = s == null ? BigDecimal.ONE : s.weight();
            BigDecimal wanted =
                    java.util.Objects.requireNonNull(change.getValue().weight());
            if (current.compareTo(wanted) == 0) {
                continue;
            }
            if (indicator.library() && !Roles.current("ADMIN")) {
                throw new ForbiddenException("Only administrators set the weights of the shared indicator library ("
                        + indicator.code() + ")");
            }
            int version = java.util.Objects.requireNonNull(change.getValue().version());
            if (version != (s == null ? 0 : s.version())) {
                throw ConflictException.staleVersion("The weight of indicator", indicator.code());
            }
            toWrite.add(id);
        }
        for (long id : toWrite) {
            SetWeights.Weight w = changes.get(id);
            boolean saved = weights.save(
                    id,
                    java.util.Objects.requireNonNull(w.weight()),
                    java.util.Objects.requireNonNull(w.version()),
                    Roles.username());
            if (!saved) {
                throw ConflictException.staleVersion(
                        "The weight of indicator", byId.get(id).code());
            }
        }
        Map<Long, WeightRepository.Stored> now = weights.find(changes.keySet());
        List<IndicatorWeight> result = new ArrayList<>();
        for (IndicatorView i : byId.values()) {
            WeightRepository.Stored s = now.get(i.id());
            result.add(new IndicatorWeight(
                    i.id(),
                    i.code(),
                    i.name(),
                    i.dimension(),
                    i.missionId(),
                    i.countryCode(),
                    s == null ? BigDecimal.ONE : IndexMethod.plain(s.weight(), WEIGHT_SCALE),
                    s != null,
                    s == null ? 0 : s.version()));
        }
        return new WeightList(result);
    }

    /** Checks one weight: a positive number of at most four decimals, at most 1000. */
    static void checkWeight(String field, @Nullable BigDecimal weight, Validation v) {
        if (weight == null) {
            v.coded(field, "must be a positive number", "ssrindex.weight.positive");
        } else if (weight.signum() <= 0) {
            v.coded(field, "must be a positive number", "ssrindex.weight.positive");
        } else if (weight.compareTo(MAX_WEIGHT) > 0) {
            v.coded(field, "must be at most " + MAX_WEIGHT, "ssrindex.weight.max", MAX_WEIGHT);
        } else if (weight.stripTrailingZeros().scale() > WEIGHT_SCALE) {
            v.coded(field, "must have at most " + WEIGHT_SCALE + " decimals", "ssrindex.weight.decimals", WEIGHT_SCALE);
        }
    }

    // ---- what the index is computed on ---------------------------------------------------------------

    /** The unit whose index is asked for and, when asked for an institution, the institution. */
    private record Subject(OrgUnitView unit, @Nullable InstitutionView institution) {

        SsrIndex.OrgUnitItem unitItem() {
            return new SsrIndex.OrgUnitItem(unit.id(), unit.code(), unit.name(), unit.level(), unit.countryCode());
        }

        SsrIndex.@Nullable InstitutionItem institutionItem() {
            return institution == null
                    ? null
                    : new SsrIndex.InstitutionItem(institution.id(), institution.name(), institution.acronym());
        }
    }

    private static void checkSubject(@Nullable Long orgUnit, @Nullable Long institution, Validation v) {
        if (orgUnit == null && institution == null) {
            v.coded(
                    "orgUnit",
                    "is required: give an organisation unit or an institution",
                    "ssrindex.validation.subjectRequired");
        } else if (orgUnit != null && institution != null) {
            v.coded(
                    "institution",
                    "give either an organisation unit or an institution, not both",
                    "ssrindex.validation.bothSubjects");
        }
    }

    private Subject subject(@Nullable Long orgUnit, @Nullable Long institution) {
        if (institution != null) {
            InstitutionView found =
                    institutions.view(institution).orElseThrow(() -> new NotFoundException("Institution", institution));
            Long unitId = found.orgUnitId();
            if (unitId == null) {
                throw refused(
                        "institution",
                        "institution " + found.name()
                                + " has no organisation unit: link one to it to compute its index",
                        "ssrindex.validation.noOrgUnit",
                        found.name());
            }
            OrgUnitView unit =
                    geography.findOrgUnit(unitId).orElseThrow(() -> new NotFoundException("Organisation unit", unitId));
            return new Subject(unit, found);
        }
        long id = java.util.Objects.requireNonNull(orgUnit);
        OrgUnitView unit = geography
                .findOrgUnit(id)
                .orElseThrow(() -> refused(
                        "orgUnit",
                        "organisation unit " + id + " does not exist",
                        "ssrindex.validation.orgUnitNotFound",
                        String.valueOf(id)));
        if (!AccessScope.current().canRead(null, unit.countryCode())) {
            throw new ForbiddenException("Your scope does not cover " + unit.countryCode()
                    + ", the country of organisation unit " + unit.code());
        }
        return new Subject(unit, null);
    }

    private static InvalidInputException refused(String field, String message, String code, Object... args) {
        return new InvalidInputException(List.of(new FieldProblem(field, message, code, List.of(args))));
    }

    private static @Nullable Period parse(String field, String text, Validation v) {
        try {
            return Period.parse(field, text);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> {
                if (p.code() == null) {
                    v.add(p.field(), p.message());
                } else {
                    v.coded(p.field(), p.message(), p.code(), p.args().toArray());
                }
            });
            return null;
        }
    }

    private static List<Period> periods(Period from, Period to, PeriodType type, Validation v) {
        Period first = containing(from.startDate(), type);
        Period last = containing(to.endDate(), type);
        if (last.startDate().isBefore(first.startDate())) {
            v.coded("to", "must not be before from", "ssrindex.validation.toBeforeFrom");
            return List.of();
        }
        List<Period> periods = new ArrayList<>();
        for (Period p = first;
                !p.startDate().isAfter(last.startDate());
                p = containing(p.endDate().plusDays(1), type)) {
            if (periods.size() == MAX_PERIODS) {
                v.coded(
                        "to",
                        "at most " + MAX_PERIODS + " periods at once",
                        "ssrindex.validation.periods",
                        MAX_PERIODS);
                return List.of();
            }
            periods.add(p);
        }
        return periods;
    }

    /** The period of a type that contains a day. */
    static Period containing(java.time.LocalDate day, PeriodType type) {
        return Period.day(day).rollUpTo(type);
    }

    private static SsrIndex.PeriodItem periodItem(Period p) {
        return new SsrIndex.PeriodItem(p.id(), p.type(), p.startDate(), p.endDate());
    }

    // ---- the computation -------------------------------------------------------------------------------

    /** The index of one period: its dimensions, overall score and coverage. */
    private record Evaluation(
            List<IndexMethod.Evaluated> dimensions,
            @Nullable BigDecimal score,
            SsrIndex.Coverage coverage) {}

    /** An indicator that applies to the unit, with the benchmarks it uses there. */
    private record Applicable(IndicatorView indicator, IndexMethod.Benchmarks benchmarks) {}

    /** What an index is computed on: the candidate indicators of a unit's chain, and their values. */
    private record Source(java.util.function.Function<List<Long>, List<IndicatorView>> indicators, Values values) {}

    @FunctionalInterface
    private interface Values {
        /** By "indicator|period". */
        Map<String, BigDecimal> of(List<IndicatorView> indicators, OrgUnitView unit, List<Period> periods);
    }

    /** The signed-in user's index: indicators they may read, values of their scope (through analytics). */
    private Source scoped() {
        return new Source(
                indicators::withBenchmarksAt,
                (list, unit, periods) ->
                        values(list.stream().map(IndicatorView::id).toList(), unit, periods));
    }

    private static Map<String, BigDecimal> flatten(Map<Long, Map<String, BigDecimal>> values) {
        Map<String, BigDecimal> flat = new HashMap<>();
        values.forEach((indicator, byPeriod) ->
                byPeriod.forEach((period, value) -> flat.put(indicator + "|" + period, value)));
        return flat;
    }

    /** The index of a unit in each of the periods (all of one type), in their order. */
    private List<Evaluation> evaluate(OrgUnitView unit, List<Period> periods, Source source) {
        List<Long> chain = unitThenAncestors(unit);
        List<Applicable> applicable = new ArrayList<>();
        for (IndicatorView indicator : source.indicators().apply(chain)) {
            if (indicator.dimension() == Dimension.CONTEXT) {
                continue;
            }
            IndexMethod.benchmarksFor(indicator, chain).ifPresent(b -> applicable.add(new Applicable(indicator, b)));
        }
        applicable.sort(Comparator.comparing((Applicable a) -> a.indicator().name())
                .thenComparing(a -> a.indicator().id()));

        Map<Long, String> unitNames = new HashMap<>();
        unitNames.put(unit.id(), unit.name());
        for (Applicable a : applicable) {
            unitNames.computeIfAbsent(
                    a.benchmarks().orgUnitId(),
                    id -> geography.findOrgUnit(id).map(OrgUnitView::name).orElse(String.valueOf(id)));
        }
        List<Long> ids = applicable.stream().map(a -> a.indicator().id()).toList();
        Map<Long, WeightRepository.Stored> stored = weights.find(ids);
        Map<String, BigDecimal> values = applicable.isEmpty() || periods.isEmpty()
                ? Map.of()
                : source.values()
                        .of(applicable.stream().map(Applicable::indicator).toList(), unit, periods);

        List<Evaluation> evaluations = new ArrayList<>();
        for (Period period : periods) {
            List<IndexMethod.Evaluated> dimensions = new ArrayList<>();
            for (Dimension dimension : IndexMethod.DIMENSIONS) {
                List<IndexMethod.Input> inputs = new ArrayList<>();
                for (Applicable a : applicable) {
                    if (a.indicator().dimension() != dimension) {
                        continue;
                    }
                    WeightRepository.Stored s = stored.get(a.indicator().id());
                    inputs.add(new IndexMethod.Input(
                            a.indicator(),
                            a.benchmarks(),
                            unitNames.get(a.benchmarks().orgUnitId()),
                            values.get(a.indicator().id() + "|" + period.id()),
                            s == null ? BigDecimal.ONE : s.weight()));
                }
                dimensions.add(IndexMethod.evaluate(dimension, inputs, period));
            }
            BigDecimal overall = IndexMethod.overall(
                    dimensions.stream().map(IndexMethod.Evaluated::exactScore).toList());
            int covered = dimensions.stream()
                    .mapToInt(d -> d.view().coverage().covered())
                    .sum();
            int total = dimensions.stream()
                    .mapToInt(d -> d.view().coverage().applicable())
                    .sum();
            evaluations.add(new Evaluation(
                    dimensions,
                    overall == null ? null : IndexMethod.plain(overall, 2),
                    new SsrIndex.Coverage(covered, total)));
        }
        return evaluations;
    }

    /** The unit's id, then its ancestors' from the nearest up (from its materialised path {@code /1/7/42/}). */
    static List<Long> unitThenAncestors(OrgUnitView unit) {
        List<Long> ids = new ArrayList<>();
        for (String part : unit.path().split("/")) {
            if (!part.isEmpty()) {
                ids.add(0, Long.valueOf(part));
            }
        }
        if (ids.isEmpty() || ids.get(0) != unit.id()) {
            ids.remove(Long.valueOf(unit.id()));
            ids.add(0, unit.id());
        }
        return ids;
    }

    /** The aggregated values of the indicators for the unit (its subtree) by "indicator|period". */
    private Map<String, BigDecimal> values(List<Long> indicatorIds, OrgUnitView unit, List<Period> periods) {
        Map<String, BigDecimal> values = new HashMap<>();
        if (indicatorIds.isEmpty() || periods.isEmpty()) {
            return values;
        }
        Period first = periods.get(0);
        Period last = periods.get(periods.size() - 1);
        for (int from = 0; from < indicatorIds.size(); from += AnalyticsService.MAX_ITEMS) {
            List<Long> chunk =
                    indicatorIds.subList(from, Math.min(indicatorIds.size(), from + AnalyticsService.MAX_ITEMS));
            AnalyticsResult result = analytics.aggregate(new AnalyticsQuery(
                    chunk, List.of(), List.of(unit.id()), null, false, first.type(), first.id(), last.id(), false));
            for (AnalyticsResult.Row row : result.rows()) {
                if (row.indicator() != null && row.orgUnit() == unit.id()) {
                    values.put(row.indicator() + "|" + row.period(), row.value());
                }
            }
        }
        return values;
    }
}
