package org.bluehelm.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitFilter;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Period;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Indicator definitions with their disaggregations, baselines and targets.
 *
 * <p>Scope: an indicator of a mission or a country is read and changed by users whose scope covers
 * it (read outside scope: not found); an indicator of neither belongs to the shared library, which
 * everyone reads and only administrators change. The scope of an indicator is fixed once it exists,
 * because its data values carry it. When only a mission is given and it has one host country, the
 * indicator also gets that country, so users scoped to the country see it.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorService {

    static final Map<String, String> SORTS =
            Map.of("code", "i.code", "name", "i.name", "dimension", "i.dimension", "pillar", "i.pillar", "id", "i.id");
    static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,60}");
    static final int MAX_BENCHMARKS = 1000;
    private static final String[] EDITORS = {"ADMIN", "MISSION_MANAGER", "DATA_STEWARD"};

    private final IndicatorRepository indicators;
    private final DisaggregationService disaggregations;
    private final GeographyService geography;
    private final MissionService missions;
    private final JdbcClient jdbc;

    IndicatorService(
            IndicatorRepository indicators,
            DisaggregationService disaggregations,
            GeographyService geography,
            MissionService missions,
            JdbcClient jdbc) {
        this.indicators = indicators;
        this.disaggregations = disaggregations;
        this.geography = geography;
        this.missions = missions;
        this.jdbc = jdbc;
    }

    public PageResponse<IndicatorSummary> list(IndicatorFilter filter, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("i.mission_id", "i.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" and (lower(i.code) like :q or lower(i.name) like :q)");
            params.put("q", SearchText.containing(filter.search()));
        }
        if (filter.dimension() != null) {
            where.append(" and i.dimension = :dimension");
            params.put("dimension", filter.dimension().name());
        }
        if (filter.pillar() != null) {
            where.append(" and i.pillar = :pillar");
            params.put("pillar", filter.pillar().name());
        }
        if (filter.missionId() != null) {
            where.append(" and i.mission_id = :mission");
            params.put("mission", filter.missionId());
        }
        if (filter.countryCode() != null && !filter.countryCode().isBlank()) {
            where.append(" and i.country_code = :country");
            params.put("country", filter.countryCode().strip().toUpperCase(Locale.ROOT));
        }
        long total = jdbc.sql("select count(*) from indicator i" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<IndicatorSummary> items = jdbc.sql(
                        """
                        select i.id, i.code, i.name, i.unit, i.value_type, i.aggregation, i.direction,
                               i.dimension, i.pillar, i.mission_id, i.country_code, i.version
                          from indicator i""" + where + " order by " + page.orderBy() + ", i.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(IndicatorSummary.class)
                .list();
        return PageResponse.of(items, page, total);
    }

    /** The indicator, if the current user may read it (otherwise not found). */
    public IndicatorView get(long id) {
        return indicators
                .findById(id)
                .filter(IndicatorService::readable)
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("Indicator", id));
    }

    public IndicatorView getByCode(String code) {
        return indicators
                .findByCode(code.strip())
                .filter(IndicatorService::readable)
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("Indicator", code));
    }

    /**
     * The indicator whatever the current user's scope, for modules that must tell an unknown
     * indicator from one outside the user's scope and then enforce the scope themselves (with
     * {@link AccessScope#canRead} over the view's mission and country). Never show it unchecked.
     */
    public Optional<IndicatorView> findIgnoringScope(long id) {
        return indicators.findById(id).map(this::view);
    }

    /**
     * Why the number is not a valid value of the indicator, as a problem of the named field whose
     * message code lets the web UI translate it; null when the value is valid. Static: an import
     * checks every value of a file, and a call through the service's transactional proxy cost
     * more than the check.
     */
    public static @Nullable FieldProblem checkValue(String field, IndicatorView indicator, BigDecimal value) {
        return ValueRules.problem(field, indicator.valueType(), indicator.minValue(), indicator.maxValue(), value);
    }

    /**
     * Why a number could not be held where values are (numeric(20,6): at least 10^14 in magnitude,
     * or more than 6 decimal places), or null: for figures compared with values, such as alert
     * thresholds, that the indicator's type and range do not bind.
     */
    public static @Nullable FieldProblem checkSize(String field, BigDecimal value) {
        return ValueRules.sizeProblem(field, value);
    }

    /**
     * Whether the current user may change or delete the indicator: one of the editing roles and,
     * for the shared library, an administrator (the indicator is readable, so it is in scope).
     */
    public boolean canChange(IndicatorView indicator) {
        if (indicator.library()) {
            return Roles.current("ADMIN");
        }
        return Roles.current(EDITORS) && AccessScope.current().canRead(indicator.missionId(), indicator.countryCode());
    }

    /** Whether the current user has a role that edits indicators at all (their scope decides which). */
    public boolean canEditIndicators() {
        return Roles.current(EDITORS);
    }

    /**
     * Reports every problem of the command exactly as {@link #create} (no id) or {@link #update}
     * would, without writing anything; does nothing when the command is valid. Lets a form report
     * its own problems (such as a number it could not read) together with the service's.
     */
    public void check(@Nullable Long id, IndicatorCommand command) {
        Indicator existing = id == null
                ? null
                : indicators
                        .findById(id)
                        .filter(IndicatorService::readable)
                        .orElseThrow(() -> new NotFoundException("Indicator", id));
        Validation v = new Validation();
        validate(command, existing, v);
        v.throwIfInvalid();
    }

    /**
     * The organisation units where data of an indicator of this mission and country can be
     * recorded, in hierarchy order: the country's units, else those of the mission's host
     * countries, else (the shared library) those of the countries in the user's scope, or every
     * unit for a user who sees everything. At most {@code limit} units.
     */
    public List<OrgUnitView> orgUnitsFor(@Nullable Long missionId, @Nullable String countryCode, int limit) {
        List<@Nullable String> countries = new ArrayList<>();
        if (countryCode != null && !countryCode.isBlank()) {
            countries.add(countryCode.strip().toUpperCase(Locale.ROOT));
        } else if (missionId != null) {
            countries.addAll(new java.util.TreeSet<>(missions.hostCountries(Set.of(missionId))));
        } else if (AccessScope.current().global()) {
            countries.add(null);
        } else {
            java.util.TreeSet<String> scoped =
                    new java.util.TreeSet<>(AccessScope.current().countryCodes());
            scoped.addAll(AccessScope.current().missionHostCountries());
            countries.addAll(scoped);
        }
        List<OrgUnitView> units = new ArrayList<>();
        for (String country : countries) {
            OrgUnitFilter filter = new OrgUnitFilter(country, null, null, null, null, null);
            for (int page = 0; units.size() < limit; page++) {
                PageResponse<OrgUnitView> found = geography.orgUnits(
                        filter, PageQuery.of(page, PageQuery.MAX_SIZE, null, Map.of("path", "path"), "path"));
                found.items().stream().limit(limit - units.size()).forEach(units::add);
                if ((long) (page + 1) * PageQuery.MAX_SIZE >= found.total()) {
                    break;
                }
            }
        }
        return units;
    }

    /**
     * The indicator with the code whatever the current user's scope (see {@link #findIgnoringScope}),
     * or empty; throws nothing, so that a caller's transaction stays usable.
     */
    public Optional<IndicatorView> findByCodeIgnoringScope(String code) {
        return indicators.findByCode(code.strip()).map(this::view);
    }

    /**
     * The indicators the current user may read that have a baseline or a target for at least one of
     * the organisation units, with all their baselines and targets, by id. Lets the composite index
     * find the indicators that apply to a unit (through its own benchmarks or an ancestor's).
     */
    public List<IndicatorView> withBenchmarksAt(Collection<Long> orgUnitIds) {
        return withBenchmarksAt(orgUnitIds, AccessScope.current());
    }

    /**
     * {@link #withBenchmarksAt(Collection)} whoever is signed in: for public outputs, which choose
     * their indicators themselves (the transparency portal takes only those released for the public).
     */
    public List<IndicatorView> withBenchmarksAtIgnoringScope(Collection<Long> orgUnitIds) {
        return withBenchmarksAt(orgUnitIds, AccessScope.SYSTEM);
    }

    private List<IndicatorView> withBenchmarksAt(Collection<Long> orgUnitIds, AccessScope access) {
        if (orgUnitIds.isEmpty()) {
            return List.of();
        }
        AccessScope.Filter scope = access.filter("i.mission_id", "i.country_code");
        List<Long> ids = jdbc.sql("""
                        select distinct i.id
                          from indicator i
                          join indicator_benchmark b on b.indicator = i.id
                         where b.org_unit_id in (:units)
                           and """ + " " + scope.sql() + " order by i.id")
                .params(scope.params())
                .param("units", List.copyOf(orgUnitIds))
                .query(Long.class)
                .list();
        List<IndicatorView> views = new ArrayList<>();
        indicators.findAllById(ids).forEach(i -> views.add(view(i)));
        views.sort(java.util.Comparator.comparingLong(IndicatorView::id));
        return views;
    }

    /** Why the number is not a valid value of the indicator (type, precision, range), or null when it is. */
    public static @Nullable String checkValue(IndicatorView indicator, BigDecimal value) {
        FieldProblem problem = checkValue("value", indicator, value);
        return problem == null ? null : problem.message();
    }

    /**
     * Why data of the indicator cannot be recorded for the organisation unit (it lies outside the
     * indicator's country, or outside the host countries of its mission), or null when it can.
     */
    public @Nullable String checkOrgUnit(IndicatorView indicator, OrgUnitView orgUnit) {
        FieldProblem problem = checkOrgUnit("orgUnit", indicator, orgUnit);
        return problem == null ? null : problem.message();
    }

    /**
     * {@link #checkOrgUnit(IndicatorView, OrgUnitView)} as a problem of the named field whose message
     * code lets the web UI translate it; null when the data can be recorded.
     */
    public @Nullable FieldProblem checkOrgUnit(String field, IndicatorView indicator, OrgUnitView orgUnit) {
        Collection<String> hosts = indicator.missionId() != null && indicator.countryCode() == null
                ? missions.hostCountries(Set.of(indicator.missionId()))
                : Set.of();
        return orgUnitProblem(field, indicator.missionId(), indicator.countryCode(), hosts, orgUnit);
    }

    /**
     * Whether values of the indicator may be recorded for units in this country ({@link
     * #checkOrgUnit} says why not): the answer is the same for every unit of a country, so a
     * caller checking many units (an import) may ask once per country.
     */
    public boolean recordableIn(IndicatorView indicator, String countryCode) {
        Collection<String> hosts = indicator.missionId() != null && indicator.countryCode() == null
                ? missions.hostCountries(Set.of(indicator.missionId()))
                : Set.of();
        return recordableIn(indicator.missionId(), indicator.countryCode(), hosts, countryCode);
    }

    private static boolean recordableIn(
            @Nullable Long missionId, @Nullable String country, Collection<String> hosts, String unitCountry) {
        return country != null ? country.equals(unitCountry) : missionId == null || hosts.contains(unitCountry);
    }

    @Transactional
    public IndicatorView create(IndicatorCommand command) {
        Validation v = new Validation();
        Resolved resolved = validate(command, null, v);
        v.throwIfInvalid();
        requireWritable(resolved.missionId(), resolved.countryCode());
        Indicator indicator = new Indicator(
                command.code().strip(),
                command.name().strip(),
                command.unit().strip(),
                command.valueType(),
                command.aggregation(),
                command.direction(),
                command.dimension());
        apply(indicator, command, resolved);
        return view(indicators.save(indicator));
    }

    @Transactional
    public IndicatorView update(long id, int expectedVersion, IndicatorCommand command) {
        Indicator indicator = indicators
                .findById(id)
                .filter(IndicatorService::readable)
                .orElseThrow(() -> new NotFoundException("Indicator", id));
        requireWritable(indicator.missionId, indicator.countryCode);
        Validation v = new Validation();
        Resolved resolved = validate(command, indicator, v);
        v.throwIfInvalid();
        if (indicator.version != expectedVersion) {
            throw ConflictException.staleVersion("Indicator", id);
        }
        indicator.code = command.code().strip();
        indicator.name = command.name().strip();
        indicator.unit = command.unit().strip();
        indicator.valueType = command.valueType();
        indicator.aggregation = command.aggregation();
        indicator.direction = command.direction();
        indicator.dimension = command.dimension();
        indicator.categories.clear();
        indicator.benchmarks.clear();
        apply(indicator, command, resolved);
        return view(indicators.save(indicator));
    }

    /**
     * Whether the indicator's approved values are released on the public transparency portal
     * (false unless someone chose to release them).
     */
    public boolean publicRelease(long id) {
        get(id);
        return jdbc.sql("select public_release from indicator where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /**
     * Releases the indicator's approved values on the public portal, or withdraws them; a change
     * of the indicator like any other (its version moves on; a stale version is a conflict).
     */
    @Transactional
    public IndicatorView setPublicRelease(long id, int expectedVersion, boolean released) {
        Indicator indicator = indicators
                .findById(id)
                .filter(IndicatorService::readable)
                .orElseThrow(() -> new NotFoundException("Indicator", id));
        requireWritable(indicator.missionId, indicator.countryCode);
        if (!Roles.current(EDITORS)) {
            throw new ForbiddenException("Your role does not allow releasing indicators to the public");
        }
        int changed = jdbc.sql("""
                        update indicator set public_release = :released, version = version + 1
                         where id = :id and version = :version""")
                .param("released", released)
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (changed == 0) {
            throw ConflictException.staleVersion("Indicator", id);
        }
        return get(id);
    }

    /**
     * Deletes the indicator. Refused with a conflict while a RATIO indicator uses it, and (by the
     * database) while data values of it exist.
     */
    @Transactional
    public void delete(long id, int expectedVersion) {
        Indicator indicator = indicators
                .findById(id)
                .filter(IndicatorService::readable)
                .orElseThrow(() -> new NotFoundException("Indicator", id));
        requireWritable(indicator.missionId, indicator.countryCode);
        if (indicator.version != expectedVersion) {
            throw ConflictException.staleVersion("Indicator", id);
        }
        List<String> ratios = ratiosUsing(id);
        if (!ratios.isEmpty()) {
            throw new ConflictException(
                    "in-use",
                    "Indicator " + indicator.code + " is the numerator or denominator of " + String.join(", ", ratios)
                            + "; change or delete those first");
        }
        indicators.delete(indicator);
    }

    private record Resolved(
            @Nullable Long missionId,
            @Nullable String countryCode,
            @Nullable BigDecimal minValue,
            @Nullable BigDecimal maxValue,
            List<Long> categoryIds,
            List<Indicator.Benchmark> benchmarks) {}

    private Resolved validate(IndicatorCommand command, @Nullable Indicator existing, Validation v) {
        v.required("code", command.code())
                .required("name", command.name())
                .maxLength("name", command.name(), 200)
                .maxLength("definition", command.definition(), 4000)
                .required("unit", command.unit())
                .maxLength("unit", command.unit(), 40)
                .required("valueType", command.valueType())
                .required("aggregation", command.aggregation())
                .required("direction", command.direction())
                .required("dimension", command.dimension());
        if (command.code() != null && !command.code().isBlank()) {
            String code = command.code().strip();
            if (!CODE.matcher(code).matches()) {
                v.coded(
                        "code",
                        "must be 1 to 60 lower-case letters, digits or underscores, e.g. trained_female",
                        "indicator.validation.codeFormat");
            } else {
                indicators
                        .findByCode(code)
                        .filter(other -> existing == null || !Objects.equals(other.id, existing.id))
                        .ifPresent(other -> v.coded(
                                "code",
                                "'" + code + "' is already used by another indicator",
                                "indicator.validation.codeTaken",
                                code));
            }
        }

        Long missionId = command.missionId();
        String country = command.countryCode() == null || command.countryCode().isBlank()
                ? null
                : command.countryCode().strip().toUpperCase(Locale.ROOT);
        List<String> hosts = List.of();
        if (missionId != null) {
            if (missions.exists(missionId)) {
                hosts = missions.get(missionId).hostCountries();
            } else {
                v.coded(
                        "missionId",
                        "mission " + missionId + " does not exist",
                        "indicator.validation.missionNotFound",
                        String.valueOf(missionId));
            }
        }
        if (country != null) {
            v.iso3("countryCode", country);
            if (!v.hasProblem("countryCode")) {
                if (!geography.countryExists(country)) {
                    v.coded(
                            "countryCode",
                            "'" + country + "' is not a known country",
                            "geography.validation.unknownCountry",
                            country);
                } else if (!hosts.isEmpty() && !hosts.contains(country)) {
                    v.coded(
                            "countryCode",
                            "'" + country + "' does not host the mission (its hosts: " + String.join(", ", hosts) + ")",
                            "indicator.validation.countryNotHost",
                            country,
                            String.join(", ", hosts));
                }
            }
        } else if (hosts.size() == 1) {
            country = hosts.get(0);
        }
        if (existing != null && !v.hasProblem("missionId") && !v.hasProblem("countryCode")) {
            if (!Objects.equals(existing.missionId, missionId)) {
                v.coded(
                        "missionId",
                        "cannot be changed: the indicator's data values belong to its mission",
                        "indicator.validation.missionFixed");
            } else if (!Objects.equals(existing.countryCode, country)) {
                v.coded(
                        "countryCode",
                        "cannot be changed: the indicator's data values belong to its country",
                        "indicator.validation.countryFixed");
            }
        }

        BigDecimal min = command.minValue();
        BigDecimal max = command.maxValue();
        if (min != null) {
            add(v, ValueRules.sizeProblem("minValue", min));
        }
        if (max != null) {
            add(v, ValueRules.sizeProblem("maxValue", max));
        }
        if (command.valueType() == ValueType.PERCENTAGE) {
            min = min == null ? BigDecimal.ZERO : min;
            max = max == null ? ValueRules.HUNDRED : max;
            if (min.signum() < 0 || min.compareTo(ValueRules.HUNDRED) > 0) {
                v.coded(
                        "minValue",
                        "must be between 0 and 100 for a percentage",
                        "indicator.validation.percentageRange");
            }
            if (max.signum() < 0 || max.compareTo(ValueRules.HUNDRED) > 0) {
                v.coded(
                        "maxValue",
                        "must be between 0 and 100 for a percentage",
                        "indicator.validation.percentageRange");
            }
        }
        if (min != null && max != null && max.compareTo(min) < 0) {
            v.coded("maxValue", "must not be less than minValue", "indicator.validation.maxBelowMin");
        }

        if (command.aggregation() == Aggregation.RATIO) {
            checkComponent("numeratorId", command.numeratorId(), missionId, country, existing, v);
            checkComponent("denominatorId", command.denominatorId(), missionId, country, existing, v);
            if (existing != null && existing.id != null) {
                List<String> ratios = ratiosUsing(existing.id);
                if (!ratios.isEmpty()) {
                    v.coded(
                            "aggregation",
                            "cannot be RATIO: the indicator is the numerator or denominator of "
                                    + String.join(", ", ratios),
                            "indicator.validation.ratioInUse",
                            String.join(", ", ratios));
                }
            }
        } else {
            if (command.numeratorId() != null) {
                v.coded("numeratorId", "is only used by a RATIO indicator", "indicator.validation.ratioOnly");
            }
            if (command.denominatorId() != null) {
                v.coded("denominatorId", "is only used by a RATIO indicator", "indicator.validation.ratioOnly");
            }
        }

        List<Long> categoryIds = new ArrayList<>();
        if (command.categories() != null) {
            for (int i = 0; i < command.categories().size(); i++) {
                String code = command.categories().get(i);
                String field = "categories[" + i + "]";
                if (code == null || code.isBlank()) {
                    v.coded(field, "is empty", "programme.validation.empty");
                    continue;
                }
                String normalised = code.strip().toUpperCase(Locale.ROOT);
                Optional<CategoryView> category = disaggregations.findByCode(normalised);
                if (category.isEmpty()) {
                    v.coded(
                            field,
                            "'" + normalised + "' is not a disaggregation category",
                            "indicator.validation.categoryUnknown",
                            normalised);
                } else if (categoryIds.contains(category.get().id())) {
                    v.coded(
                            field,
                            "'" + normalised + "' is listed twice",
                            "mission.validation.listedTwice",
                            normalised);
                } else {
                    categoryIds.add(category.get().id());
                }
            }
        }

        List<Indicator.Benchmark> benchmarks = benchmarks(command, min, max, missionId, country, hosts, v);
        return new Resolved(missionId, country, min, max, categoryIds, benchmarks);
    }

    private List<Indicator.Benchmark> benchmarks(
            IndicatorCommand command,
            @Nullable BigDecimal min,
            @Nullable BigDecimal max,
            @Nullable Long missionId,
            @Nullable String country,
            Collection<String> hosts,
            Validation v) {
        List<Indicator.Benchmark> benchmarks = new ArrayList<>();
        List<IndicatorCommand.BenchmarkCommand> items = command.baselinesAndTargets();
        if (items == null) {
            return benchmarks;
        }
        if (items.size() > MAX_BENCHMARKS) {
            v.coded(
                    "baselinesAndTargets",
                    "at most " + MAX_BENCHMARKS + " baselines and targets per indicator",
                    "indicator.validation.tooManyBenchmarks",
                    MAX_BENCHMARKS);
            return benchmarks;
        }
        Set<Long> baselineUnits = new HashSet<>();
        Set<String> targetKeys = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            IndicatorCommand.BenchmarkCommand b = items.get(i);
            String field = "baselinesAndTargets[" + i + "]";
            if (b == null) {
                v.coded(field, "is empty", "programme.validation.empty");
                continue;
            }
            v.required(field + ".kind", b.kind())
                    .required(field + ".orgUnitId", b.orgUnitId())
                    .required(field + ".period", b.period())
                    .required(field + ".value", b.value());
            OrgUnitView unit = null;
            if (b.orgUnitId() != null) {
                try {
                    unit = geography.orgUnit(b.orgUnitId());
                } catch (NotFoundException e) {
                    // the request fails below with this problem, so nothing is written
                    v.coded(
                            field + ".orgUnitId",
                            "organisation unit " + b.orgUnitId() + " does not exist",
                            "alert.validation.orgUnit",
                            String.valueOf(b.orgUnitId()));
                }
            }
            if (unit != null) {
                add(v, orgUnitProblem(field + ".orgUnitId", missionId, country, hosts, unit));
            }
            Period period = null;
            if (b.period() != null && !b.period().isBlank()) {
                try {
                    period = Period.parse(field + ".period", b.period());
                } catch (InvalidInputException e) {
                    e.problems().forEach(p -> add(v, p));
                }
            }
            if (b.value() != null && command.valueType() != null) {
                add(v, ValueRules.problem(field + ".value", command.valueType(), min, max, b.value()));
            }
            if (b.kind() == BenchmarkKind.BASELINE && b.orgUnitId() != null && !baselineUnits.add(b.orgUnitId())) {
                v.coded(
                        field + ".orgUnitId",
                        "organisation unit " + b.orgUnitId() + " already has a baseline; an indicator has at most"
                                + " one baseline per unit",
                        "indicator.validation.baselineTwice",
                        String.valueOf(b.orgUnitId()));
            }
            if (b.kind() == BenchmarkKind.TARGET
                    && b.orgUnitId() != null
                    && period != null
                    && !targetKeys.add(b.orgUnitId() + "|" + period.id())) {
                v.coded(
                        field + ".period",
                        "organisation unit " + b.orgUnitId() + " already has a target for " + period.id(),
                        "indicator.validation.targetTwice",
                        String.valueOf(b.orgUnitId()),
                        period.id());
            }
            if (unit != null && period != null && b.kind() != null && b.value() != null) {
                benchmarks.add(new Indicator.Benchmark(
                        b.kind(),
                        unit.id(),
                        period.id(),
                        period.type(),
                        period.startDate(),
                        period.endDate(),
                        b.value()));
            }
        }
        return benchmarks;
    }

    private void checkComponent(
            String field,
            @Nullable Long componentId,
            @Nullable Long missionId,
            @Nullable String country,
            @Nullable Indicator existing,
            Validation v) {
        if (componentId == null) {
            v.coded(field, "is required for a RATIO indicator", "indicator.validation.ratioRequired");
            return;
        }
        if (existing != null && componentId.equals(existing.id)) {
            v.coded(field, "cannot be the indicator itself", "indicator.validation.ratioSelf");
            return;
        }
        Optional<Indicator> component = indicators.findById(componentId).filter(IndicatorService::readable);
        if (component.isEmpty()) {
            v.coded(
                    field,
                    "indicator " + componentId + " does not exist",
                    "indicator.validation.notFound",
                    String.valueOf(componentId));
        } else if (component.get().aggregation == Aggregation.RATIO) {
            v.coded(
                    field,
                    "indicator " + component.get().code + " is itself a RATIO; use a SUM, AVERAGE or"
                            + " LAST_VALUE indicator",
                    "indicator.validation.ratioOfRatio",
                    component.get().code);
        } else if (!Objects.equals(component.get().missionId, missionId)
                || !Objects.equals(component.get().countryCode, country)) {
            v.coded(
                    field,
                    "indicator " + component.get().code + " has another scope (mission and country) than this"
                            + " indicator",
                    "indicator.validation.ratioScope",
                    component.get().code);
        }
    }

    private static @Nullable FieldProblem orgUnitProblem(
            String field,
            @Nullable Long missionId,
            @Nullable String country,
            Collection<String> hosts,
            OrgUnitView unit) {
        if (recordableIn(missionId, country, hosts, unit.countryCode())) {
            return null;
        }
        if (country != null) {
            return new FieldProblem(
                    field,
                    "organisation unit " + unit.code() + " is in " + unit.countryCode() + ", outside the"
                            + " indicator's country " + country,
                    "indicator.validation.orgUnitOtherCountry",
                    List.of(unit.code(), unit.countryCode(), country));
        }
        return new FieldProblem(
                field,
                "organisation unit " + unit.code() + " is in " + unit.countryCode() + ", which does not host"
                        + " the indicator's mission",
                "indicator.validation.orgUnitNotHost",
                List.of(unit.code(), unit.countryCode()));
    }

    private List<String> ratiosUsing(long id) {
        return jdbc.sql("select code from indicator where numerator_id = :id or denominator_id = :id order by code")
                .param("id", id)
                .query(String.class)
                .list();
    }

    private static void apply(Indicator indicator, IndicatorCommand command, Resolved resolved) {
        indicator.definition = command.definition() == null
                        || command.definition().isBlank()
                ? null
                : command.definition().strip();
        indicator.minValue = resolved.minValue();
        indicator.maxValue = resolved.maxValue();
        indicator.numeratorId = command.aggregation() == Aggregation.RATIO ? command.numeratorId() : null;
        indicator.denominatorId = command.aggregation() == Aggregation.RATIO ? command.denominatorId() : null;
        indicator.pillar = command.pillar();
        indicator.missionId = resolved.missionId();
        indicator.countryCode = resolved.countryCode();
        resolved.categoryIds().forEach(id -> indicator.categories.add(new Indicator.CategoryUse(id)));
        indicator.benchmarks.addAll(resolved.benchmarks());
    }

    private static void add(Validation v, @Nullable FieldProblem problem) {
        if (problem != null) {
            v.add(problem);
        }
    }

    private static boolean readable(Indicator indicator) {
        return AccessScope.current().canRead(indicator.missionId, indicator.countryCode);
    }

    private static void requireWritable(@Nullable Long missionId, @Nullable String countryCode) {
        if (missionId == null && countryCode == null) {
            if (!Roles.current("ADMIN")) {
                throw new ForbiddenException("Only administrators change the shared indicator library");
            }
        } else if (!AccessScope.current().canRead(missionId, countryCode)) {
            throw new ForbiddenException("Your scope does not cover the indicator's mission or country");
        }
    }

    private IndicatorView view(Indicator i) {
        Map<Long, CategoryView> categories = disaggregations.byIds(
                i.categories.stream().map(Indicator.CategoryUse::categoryId).toList());
        return new IndicatorView(
                i.id == null ? 0 : i.id,
                i.code,
                i.name,
                i.definition,
                i.unit,
                i.valueType,
                ValueRules.plainOrNull(i.minValue),
                ValueRules.plainOrNull(i.maxValue),
                i.aggregation,
                i.numeratorId,
                i.denominatorId,
                i.direction,
                i.dimension,
                i.pillar,
                i.missionId,
                i.countryCode,
                i.categories.stream()
                        .map(c -> categories.get(c.categoryId()))
                        .filter(Objects::nonNull)
                        .toList(),
                i.benchmarks.stream()
                        .map(b -> new IndicatorView.Benchmark(
                                b.kind(),
                                b.orgUnitId(),
                                b.periodId(),
                                b.periodType(),
                                b.startDate(),
                                b.endDate(),
                                ValueRules.plain(b.value())))
                        .toList(),
                i.version);
    }

    /**
     * The indicators whose small cells are suppressed in public and partner outputs, with the count
     * under which a cell is suppressed, by indicator id (see {@link SmallCells}).
     */
    public Map<Long, Integer> smallCellThresholds() {
        return allSmallCellThresholds();
    }

    /**
     * The thresholds of public outputs (the transparency portal's values and index), whoever asks, by
     * indicator id: each indicator's {@link SmallCells#publicThreshold}, which adds the count default
     * to {@link #smallCellThresholds()}.
     */
    public Map<Long, Integer> publicSmallCellThresholds() {
        Map<Long, Integer> thresholds = new HashMap<>();
        jdbc.sql("select id, suppress_below, value_type, aggregation from indicator")
                .query((rs, n) -> {
                    Integer threshold = SmallCells.publicThreshold(
                            rs.getObject(2, Integer.class),
                            ValueType.valueOf(rs.getString(3)),
                            Aggregation.valueOf(rs.getString(4)));
                    if (threshold != null) {
                        thresholds.put(rs.getLong(1), threshold);
                    }
                    return n;
                })
                .list();
        return thresholds;
    }

    /**
     * The thresholds that apply to the signed-in user: none for those who see small cells, every
     * indicator's otherwise (see {@link SmallCells#visibleToCurrentUser}).
     */
    public Map<Long, Integer> smallCellThresholdsForCurrentUser() {
        return SmallCells.visibleToCurrentUser() ? Map.of() : allSmallCellThresholds();
    }

    private Map<Long, Integer> allSmallCellThresholds() {
        Map<Long, Integer> thresholds = new java.util.HashMap<>();
        jdbc.sql("select id, suppress_below from indicator where suppress_below is not null")
                .query((rs, n) -> thresholds.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return thresholds;
    }
}
