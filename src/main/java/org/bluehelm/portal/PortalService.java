package org.bluehelm.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.bluehelm.approval.ApprovedData;
import org.bluehelm.complaint.AccountabilityStatistic;
import org.bluehelm.complaint.CasePerformanceService;
import org.bluehelm.geography.CountryView;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.indicator.SmallCells;
import org.bluehelm.mission.DeploymentView;
import org.bluehelm.mission.MissionService;
import org.bluehelm.mission.MissionSummary;
import org.bluehelm.mission.MissionView;
import org.bluehelm.outcome.Comparison;
import org.bluehelm.outcome.OutcomeService;
import org.bluehelm.outcome.SeriesView;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.PeriodType;
import org.bluehelm.ssrindex.SsrIndexSeries;
import org.bluehelm.ssrindex.SsrIndexService;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the portal publishes. Values are read with one read-only query over the released indicators'
 * data values; each is kept only when the approval module says it is approved, and a count under its
 * indicator's public threshold ({@link IndicatorService#publicSmallCellThresholds}: its own, else 5
 * for a count), or a ratio resting on such a count, is suppressed for everyone: the portal never asks
 * who is looking. The index reads the same thresholds.
 */
@Service
@Transactional(readOnly = true)
public class PortalService {

    /** Licence of Bluehelm's own aggregates. */
    public static final String LICENCE = "CC BY 4.0";

    public static final String LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";

    /** Most values a page or download shows. */
    static final int MAX_VALUES = 5000;

    /**
     * The released values, one per indicator, unit and period: the unit's total, which for a SUM
     * indicator recorded by option is the sum of its options (a unit and period hold either a total
     * or one breakdown), for other aggregations the value recorded without option; for a ratio, its
     * numerator and the numerator's value in the same cell, on which its suppression rests. Filters and
     * order are appended ({@link #values}).
     */
    private static final String VALUES = """
            select i.id as indicator_id, i.code, i.name, i.unit, i.dimension, i.numerator_id,
                   (select sum(nv.value) from data_value nv
                     where nv.indicator_id = i.numerator_id and nv.org_unit_id = v.org_unit_id
                       and nv.period_id = v.period_id
                       and (nv.option_key = 0 or n.aggregation = 'SUM')) as numerator_value,
                   v.org_unit_id, o.name as unit_name, v.period_id, min(v.start_date) as start_date,
                   sum(v.value) as value
              from data_value v
              join indicator i on i.id = v.indicator_id
              join org_unit o on o.id = v.org_unit_id
              left join indicator n on n.id = i.numerator_id
             where i.public_release = true and (v.option_key = 0 or i.aggregation = 'SUM')
               and %s
             group by i.id, i.code, i.name, i.unit, i.dimension, i.numerator_id, n.aggregation, v.org_unit_id,
                      o.name, v.period_id
             order by i.code, min(v.start_date), o.name
            """;

    private static String values(String filter) {
        return VALUES.formatted(filter);
    }

    private final JdbcClient jdbc;
    private final ApprovedData approved;
    private final MissionService missions;
    private final GeographyService geography;
    private final OutcomeService outcomes;
    private final SsrIndexService index;
    private final IndicatorService indicators;
    private final CasePerformanceService cases;

    PortalService(
            JdbcClient jdbc,
            ApprovedData approved,
            MissionService missions,
            GeographyService geography,
            OutcomeService outcomes,
            SsrIndexService index,
            IndicatorService indicators,
            CasePerformanceService cases) {
        this.jdbc = jdbc;
        this.approved = approved;
        this.missions = missions;
        this.geography = geography;
        this.outcomes = outcomes;
        this.index = index;
        this.indicators = indicators;
        this.cases = cases;
    }

    /**
     * The accountability statistics of a country over the last {@value #INDEX_YEARS} years, by year
     * and institution complained about, small counts suppressed whoever asks (see {@link
     * CasePerformanceService#publicStatistics}).
     */
    public List<AccountabilityStatistic> accountability(String iso3) {
        CountryView country = country(iso3);
        int year = LocalDate.now().getYear();
        return cases.publicStatistics(country.iso3(), year - INDEX_YEARS + 1, year);
    }

    /** How many years (up to this one) the public index covers. */
    static final int INDEX_YEARS = 10;

    /** Most organisation units whose index a page shows. */
    static final int MAX_INDEX_UNITS = 20;

    /**
     * The SSR index of a country by year, from approved values of released indicators only: one
     * series per unit of the country where a released indicator has a baseline or target.
     */
    public List<SsrIndexSeries> countryIndex(String iso3) {
        CountryView country = country(iso3);
        return publicIndex("o.country_code = :key", country.iso3(), i -> true);
    }

    /** The SSR index of a mission's own released indicators by year, per unit where they have benchmarks. */
    public List<SsrIndexSeries> missionIndex(long missionId) {
        mission(missionId);
        return publicIndex("i.mission_id = :key", missionId, i -> i.missionId() != null && i.missionId() == missionId);
    }

    private List<SsrIndexSeries> publicIndex(
            String where, Object key, java.util.function.Predicate<IndicatorView> chosen) {
        List<Long> units = jdbc.sql("""
                        select distinct o.id, o.level, o.name
                          from indicator_benchmark b
                          join indicator i on i.id = b.indicator
                          join org_unit o on o.id = b.org_unit_id
                         where i.public_release = true and""" + " " + where + " order by o.level, o.name, o.id")
                .param("key", key)
                .query((rs, n) -> rs.getLong(1))
                .list();
        java.util.Set<Long> released =
                new java.util.HashSet<>(jdbc.sql("select id from indicator where public_release = true")
                        .query(Long.class)
                        .list());
        ApprovedIndexValues source = new ApprovedIndexValues(
                jdbc, approved.checker(), released, chosen, indicators.publicSmallCellThresholds());
        int year = LocalDate.now().getYear();
        List<SsrIndexSeries> series = new ArrayList<>();
        for (long unit : units.stream().limit(MAX_INDEX_UNITS).toList()) {
            series.add(index.seriesFrom(
                    source, unit, PeriodType.YEARLY, String.valueOf(year - INDEX_YEARS + 1), String.valueOf(year)));
        }
        return series;
    }

    /**
     * The evidence case comparison of a country on the shipped outcome series only (never a user's
     * upload): its means before, during and after each of its missions; empty for a country the
     * reference panel does not know.
     */
    public Optional<Comparison> comparison(String iso3, String language) {
        List<String> codes =
                outcomes.referenceSeries().stream().map(SeriesView::code).toList();
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(outcomes.comparison(country(iso3).iso3(), codes, List.of(), null, null, language));
        } catch (InvalidInputException | NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The peace operations of the shipped reference list. */
    public List<MissionSummary> missions() {
        return missions.referenceMissions();
    }

    /** Countries hosting a reference mission or with published values, by ISO code. */
    public List<CountryView> countries() {
        TreeSet<String> codes = new TreeSet<>();
        for (MissionSummary m : missions.referenceMissions()) {
            Arrays.stream(m.hostCountries().split("[,\\s]+"))
                    .filter(c -> !c.isBlank())
                    .forEach(codes::add);
        }
        codes.addAll(jdbc.sql("""
                        select distinct v.country_code from data_value v
                          join indicator i on i.id = v.indicator_id where i.public_release = true""").query(String.class).list());
        List<CountryView> countries = new ArrayList<>();
        for (String code : codes) {
            geography.findCountry(code.trim()).ifPresent(countries::add);
        }
        return countries;
    }

    public CountryView country(String iso3) {
        return findCountry(iso3).orElseThrow(() -> new NotFoundException("Country", iso3));
    }

    private Optional<CountryView> findCountry(String iso3) {
        if (!iso3.matches("[A-Za-z]{3}")) {
            return Optional.empty();
        }
        return geography.findCountry(iso3.toUpperCase(Locale.ROOT));
    }

    public MissionView mission(long id) {
        if (!missions.exists(id)) {
            throw new NotFoundException("Mission", id);
        }
        return missions.get(id);
    }

    public List<DeploymentView> deployments(long missionId) {
        mission(missionId);
        return missions.deployments(missionId);
    }

    /** The published values of a country. */
    public List<PublicValue> countryValues(String iso3) {
        CountryView country = country(iso3);
        return publish(jdbc.sql(values("v.country_code = :c"))
                .param("c", country.iso3())
                .query(Row::of)
                .list());
    }

    /** The published values recorded for a mission. */
    public List<PublicValue> missionValues(long missionId) {
        mission(missionId);
        return publish(jdbc.sql(values("v.mission_id = :m"))
                .param("m", missionId)
                .query(Row::of)
                .list());
    }

    /** The citation of a table of the portal. */
    public String citation(String title, String path) {
        return "Bluehelm transparency portal, \"" + title + "\", " + path + ", retrieved " + LocalDate.now()
                + ". Licence " + LICENCE + " (" + LICENCE_URL + ").";
    }

    private List<PublicValue> publish(List<Row> rows) {
        ApprovedData.Checker checker = approved.checker();
        Map<Long, Integer> thresholds = rows.isEmpty() ? Map.of() : indicators.publicSmallCellThresholds();
        List<PublicValue> values = new ArrayList<>();
        for (Row r : rows) {
            if (values.size() >= MAX_VALUES) {
                break;
            }
            if (!checker.approved(r.indicatorId(), r.orgUnitId(), Period.parse(r.period()))) {
                continue;
            }
            Integer numeratorThreshold = r.numeratorId() == null ? null : thresholds.get(r.numeratorId());
            boolean suppressed = SmallCells.hides(thresholds.get(r.indicatorId()), r.value())
                    || (numeratorThreshold != null
                            && (r.numeratorValue() == null
                                    || SmallCells.hides(numeratorThreshold, r.numeratorValue())));
            values.add(new PublicValue(
                    r.code(),
                    r.name(),
                    r.unit(),
                    r.dimension(),
                    r.unitName(),
                    r.period(),
                    suppressed ? null : r.value().stripTrailingZeros(),
                    suppressed));
        }
        return values;
    }

    private record Row(
            long indicatorId,
            String code,
            String name,
            String unit,
            String dimension,
            @Nullable Long numeratorId,
            @Nullable BigDecimal numeratorValue,
            long orgUnitId,
            String unitName,
            String period,
            BigDecimal value) {

        static Row of(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
            return new Row(
                    rs.getLong("indicator_id"),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("unit"),
                    rs.getString("dimension"),
                    rs.getObject("numerator_id", Long.class),
                    rs.getBigDecimal("numerator_value"),
                    rs.getLong("org_unit_id"),
                    rs.getString("unit_name"),
                    rs.getString("period_id"),
                    rs.getBigDecimal("value"));
        }
    }
}
