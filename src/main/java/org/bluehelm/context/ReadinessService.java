package org.bluehelm.context;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitFilter;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.Dimension;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.Pillar;
import org.bluehelm.shared.Validation;
import org.bluehelm.ssrindex.SsrIndex;
import org.bluehelm.ssrindex.SsrIndexService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Transition readiness: how far national institutions can carry the reform once the mission leaves,
 * per region, from the SSR index's CAPACITY, OWNERSHIP and ACCOUNTABILITY scores (restricted to a
 * pillar's indicators when one is chosen) and the latest context assessment. Weights 30/30/25/15,
 * renormalised over the components that have data; thresholds 70 (ready) and 50 (partial).
 */
@Service
public class ReadinessService {

    static final Map<String, BigDecimal> WEIGHTS = Map.of(
            "capacity", new BigDecimal("0.30"),
            "ownership", new BigDecimal("0.30"),
            "accountability", new BigDecimal("0.25"),
            "context", new BigDecimal("0.15"));
    static final BigDecimal READY = new BigDecimal("70");
    static final BigDecimal PARTIAL = new BigDecimal("50");
    private static final int MAX_REGIONS = 40;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final SsrIndexService index;
    private final IndicatorService indicators;
    private final GeographyService geography;
    private final MissionService missions;
    private final ContextService context;

    ReadinessService(
            SsrIndexService index,
            IndicatorService indicators,
            GeographyService geography,
            MissionService missions,
            ContextService context) {
        this.index = index;
        this.indicators = indicators;
        this.geography = geography;
        this.missions = missions;
        this.context = context;
    }

    /**
     * Readiness by region: of the organisation unit given and the units just below it, or else of the
     * country's (or the mission's host country's) top unit and its regions.
     */
    public Readiness readiness(
            @Nullable String countryCode,
            @Nullable Long missionId,
            @Nullable Long orgUnitId,
            @Nullable Pillar pillar,
            @Nullable String period) {
        Validation v = new Validation();
        Optional<OrgUnitView> within = orgUnitId == null ? Optional.empty() : geography.findOrgUnit(orgUnitId);
        if (orgUnitId != null && within.isEmpty()) {
            v.coded("orgUnit", "is not an organisation unit", "context.validation.orgUnit");
        }
        String country = countryCode == null || countryCode.isBlank()
                ? within.map(OrgUnitView::countryCode).orElse(null)
                : countryCode.strip().toUpperCase(Locale.ROOT);
        if (country == null && missionId != null) {
            Set<String> hosts = missions.hostCountries(Set.of(missionId));
            if (hosts.size() == 1) {
                country = hosts.iterator().next();
            }
        }
        v.required("countryCode", country);
        if (country != null && !geography.countryExists(country)) {
            v.coded("countryCode", "is not a known country code: " + country, "context.validation.country", country);
        }
        v.required("period", period == null || period.isBlank() ? null : period);
        v.throwIfInvalid();
        String p = period.strip();
        Optional<ContextAssessmentView> assessment = context.latest(country, missionId);
        if (assessment.isEmpty() && missionId != null) {
            assessment = context.latest(country, null);
        }
        BigDecimal contextScore = assessment
                .map(a -> a.overall()
                        .subtract(BigDecimal.ONE)
                        .multiply(HUNDRED)
                        .divide(new BigDecimal("4"), 1, RoundingMode.HALF_UP))
                .orElse(null);
        Map<Long, Optional<Pillar>> pillars = new LinkedHashMap<>();
        List<Readiness.Row> rows = new ArrayList<>();
        for (Region region : within.isPresent() ? regions(within.get()) : regions(country)) {
            SsrIndex evaluated = index.index(region.unit().id(), null, p);
            Component capacity = component(evaluated, Dimension.CAPACITY, pillar, pillars);
            Component ownership = component(evaluated, Dimension.OWNERSHIP, pillar, pillars);
            Component accountability = component(evaluated, Dimension.ACCOUNTABILITY, pillar, pillars);
            Map<String, BigDecimal> parts = new LinkedHashMap<>();
            put(parts, "capacity", capacity.score());
            put(parts, "ownership", ownership.score());
            put(parts, "accountability", accountability.score());
            put(parts, "context", contextScore);
            BigDecimal score = weighted(parts);
            Readiness.Level level = parts.size() < 2
                    ? Readiness.Level.INSUFFICIENT_DATA
                    : score.compareTo(READY) >= 0
                            ? Readiness.Level.READY
                            : score.compareTo(PARTIAL) >= 0 ? Readiness.Level.PARTIAL : Readiness.Level.NOT_READY;
            rows.add(new Readiness.Row(
                    region.unit().id(),
                    region.unit().name(),
                    region.depth(),
                    capacity.score(),
                    ownership.score(),
                    accountability.score(),
                    contextScore,
                    parts.size() < 2 ? null : score,
                    level,
                    parts.size(),
                    capacity.covered() + ownership.covered() + accountability.covered(),
                    capacity.applicable() + ownership.applicable() + accountability.applicable()));
        }
        return new Readiness(
                country,
                missionId,
                pillar,
                p,
                assessment.map(ContextAssessmentView::id).orElse(null),
                contextScore,
                rows);
    }

    private record Region(OrgUnitView unit, int depth) {}

    private record Component(@Nullable BigDecimal score, int covered, int applicable) {}

    /** The unit, then the units just below it. */
    private List<Region> regions(OrgUnitView unit) {
        List<Region> regions = new ArrayList<>();
        regions.add(new Region(unit, 0));
        geography
                .orgUnits(
                        new OrgUnitFilter(null, unit.id(), null, null, null, null),
                        PageQuery.of(0, MAX_REGIONS, "path", Map.of("path", "path"), "path"))
                .items()
                .forEach(u -> regions.add(new Region(u, 1)));
        return regions;
    }

    /** The country's top unit(s), then the units one level below when there is a single top unit. */
    private List<Region> regions(String country) {
        List<OrgUnitView> units = geography
                .orgUnits(
                        new OrgUnitFilter(country, null, null, null, null, null),
                        PageQuery.of(0, PageQuery.MAX_SIZE, "path", Map.of("path", "path"), "path"))
                .items();
        int top = units.stream().mapToInt(OrgUnitView::level).min().orElse(0);
        List<Region> regions = new ArrayList<>();
        List<OrgUnitView> roots = units.stream().filter(u -> u.level() == top).toList();
        roots.stream().limit(MAX_REGIONS).forEach(u -> regions.add(new Region(u, 0)));
        if (roots.size() == 1) {
            units.stream()
                    .filter(u -> u.level() == top + 1)
                    .limit(MAX_REGIONS)
                    .forEach(u -> regions.add(new Region(u, 1)));
        }
        return regions;
    }

    /**
     * A dimension's score (0-100): the index's own when no pillar is chosen; otherwise the weighted
     * mean of the normalised values of that pillar's scored indicators, × 100.
     */
    private Component component(
            SsrIndex evaluated, Dimension dimension, @Nullable Pillar pillar, Map<Long, Optional<Pillar>> pillars) {
        Optional<SsrIndex.DimensionScore> found = evaluated.dimensions().stream()
                .filter(d -> d.dimension() == dimension)
                .findFirst();
        if (found.isEmpty()) {
            return new Component(null, 0, 0);
        }
        SsrIndex.DimensionScore d = found.get();
        if (pillar == null) {
            return new Component(
                    d.score() == null ? null : d.score().setScale(1, RoundingMode.HALF_UP),
                    d.coverage().covered(),
                    d.coverage().applicable());
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        int covered = 0;
        int applicable = 0;
        for (SsrIndex.IndicatorScore s : d.indicators()) {
            Optional<Pillar> of = pillars.computeIfAbsent(
                    s.id(), id -> indicators.findIgnoringScope(id).map(IndicatorView::pillar));
            if (of.isEmpty() || of.get() != pillar) {
                continue;
            }
            applicable++;
            if (s.status() == SsrIndex.IndicatorStatus.SCORED && s.normalised() != null) {
                covered++;
                sum = sum.add(s.normalised().multiply(s.weight()));
                weights = weights.add(s.weight());
            }
        }
        BigDecimal score =
                weights.signum() == 0 ? null : sum.multiply(HUNDRED).divide(weights, 1, RoundingMode.HALF_UP);
        return new Component(score, covered, applicable);
    }

    private static void put(Map<String, BigDecimal> parts, String name, @Nullable BigDecimal value) {
        if (value != null) {
            parts.put(name, value);
        }
    }

    /** The weighted mean of the components present, the weights renormalised over them. */
    static BigDecimal weighted(Map<String, BigDecimal> parts) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : parts.entrySet()) {
            BigDecimal w = WEIGHTS.get(e.getKey());
            sum = sum.add(e.getValue().multiply(w));
            weights = weights.add(w);
        }
        return weights.signum() == 0 ? BigDecimal.ZERO : sum.divide(weights, 1, RoundingMode.HALF_UP);
    }
}
