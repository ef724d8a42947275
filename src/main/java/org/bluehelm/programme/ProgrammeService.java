package org.bluehelm.programme;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bluehelm.actor.ActorService;
import org.bluehelm.actor.ActorView;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.indicator.IndicatorService;
import org.bluehelm.indicator.IndicatorView;
import org.bluehelm.institution.InstitutionService;
import org.bluehelm.institution.InstitutionView;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.Pillar;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SSR programmes and their results chain.
 *
 * <p>Scope: a programme belongs to its country and, when it has one, its mission. It is listed,
 * read and changed only by users whose scope covers it (outside scope it is not found), and
 * creating a programme in, or moving one to, a scope the user does not have is forbidden.
 *
 * <p>References are checked with the current user's eyes: the lead actor, partners, institutions
 * and indicators must be ones the user may read. An indicator must moreover be one that everybody
 * who sees the programme sees: of the shared library, of the programme's country without a mission,
 * or of the programme's mission and country. Partners and institutions that another user linked and
 * this user cannot see are left out of the view and kept on a change, so an edit never drops what
 * the editor could not know about.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeService {

    static final Map<String, String> SORTS = Map.of(
            "code", "p.code",
            "name", "p.name",
            "startDate", "p.start_date",
            "status", "p.status",
            "updatedAt", "p.updated_at",
            "id", "p.id");

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{2,40}");
    static final Pattern RESULT_CODE = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    static final int MAX_RESULTS = 500;
    static final int MAX_INDICATORS_PER_RESULT = 100;
    static final int MAX_LINKS = 1000;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");
    /** ISO 4217 codes that name no money: "no currency" and the testing code. */
    private static final Set<String> NOT_MONEY = Set.of("XXX", "XTS");

    private final ProgrammeRepository programmes;
    private final GeographyService geography;
    private final MissionService missions;
    private final ActorService actors;
    private final InstitutionService institutions;
    private final IndicatorService indicators;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProgrammeService(
            ProgrammeRepository programmes,
            GeographyService geography,
            MissionService missions,
            ActorService actors,
            InstitutionService institutions,
            IndicatorService indicators,
            JdbcClient jdbc,
            Clock clock) {
        this.programmes = programmes;
        this.geography = geography;
        this.missions = missions;
        this.actors = actors;
        this.institutions = institutions;
        this.indicators = indicators;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public PageResponse<ProgrammeSummary> list(ProgrammeFilter filter, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("p.mission_id", "p.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" and (lower(p.code) like :q or lower(p.name) like :q)");
            params.put("q", SearchText.containing(filter.search()));
        }
        if (filter.pillar() != null) {
            where.append(" and p.pillar = :pillar");
            params.put("pillar", filter.pillar().name());
        }
        if (filter.status() != null) {
            where.append(" and p.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.missionId() != null) {
            where.append(" and p.mission_id = :mission");
            params.put("mission", filter.missionId());
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            where.append(" and p.country_code = :country");
            params.put("country", countryCode(filter.country()));
        }
        // Filtering by an actor or institution the user may not read would tell where it is used.
        if (filter.actorId() != null) {
            if (actors.exists(filter.actorId())) {
                where.append(" and (p.lead_actor_id = :actor or exists (select 1 from programme_partner pp"
                        + " where pp.programme = p.id and pp.actor_id = :actor))");
                params.put("actor", filter.actorId());
            } else {
                where.append(" and 1 = 0");
            }
        }
        if (filter.institutionId() != null) {
            if (institutions.exists(filter.institutionId())) {
                where.append(" and exists (select 1 from programme_institution pi"
                        + " where pi.programme = p.id and pi.institution_id = :institution)");
                params.put("institution", filter.institutionId());
            } else {
                where.append(" and 1 = 0");
            }
        }
        long total = jdbc.sql("select count(*) from programme p" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<ProgrammeSummary> rows = jdbc.sql(
                        """
                        select p.id, p.code, p.name, p.pillar, p.status, p.country_code, p.mission_id,
                               p.lead_actor_id, p.budget_amount, p.budget_currency, p.start_date, p.end_date,
                               p.updated_at, p.version
                          from programme p""" + where + " order by " + page.orderBy() + ", p.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ProgrammeService::summary)
                .list();
        Map<Long, Optional<String>> names = new HashMap<>();
        List<ProgrammeSummary> items = rows.stream()
                .map(r -> withLeadName(
                        r,
                        names.computeIfAbsent(
                                        r.leadActorId(),
                                        actorId -> actors.view(actorId).map(ActorView::name))
                                .orElse(null)))
                .toList();
        return PageResponse.of(items, page, total);
    }

    /** The programmes in the current user's scope, most recently changed first (for the home dashboard). */
    public List<ProgrammeSummary> summariesForDashboard(int limit) {
        return list(
                        new ProgrammeFilter(null, null, null, null, null, null, null),
                        PageQuery.of(0, limit, "-updatedAt", SORTS, "-updatedAt"))
                .items();
    }

    /** The programme, if it exists and the current user's scope covers it. */
    public ProgrammeView get(long id) {
        return view(readable(id));
    }

    /** The programme for another module: empty when it does not exist or is outside the current scope. */
    public Optional<ProgrammeView> view(long id) {
        return findReadable(id).map(this::view);
    }

    /**
     * The indicators of the programme's results chain in the order of the chain, each once (for data
     * entry). Not found when the programme is outside the current user's scope.
     */
    public List<Long> indicatorIds(long programmeId) {
        return List.copyOf(indicatorsByResult(readable(programmeId)).keySet());
    }

    /**
     * The programme's code and the indicators of its results chain whatever the current user's
     * scope, for rules that hold for everyone (approval locks refuse every user's writes); empty
     * when the programme does not exist. Never show it unchecked.
     */
    public Optional<ProgrammeIndicators> findIndicatorsIgnoringScope(long programmeId) {
        return programmes
                .findById(programmeId)
                .map(p -> new ProgrammeIndicators(
                        p.id == null ? programmeId : p.id,
                        p.code,
                        p.countryCode,
                        p.missionId,
                        List.copyOf(indicatorsByResult(p).keySet())));
    }

    /** The indicators of the programme's results chain with their names and the results they measure. */
    public List<ProgrammeIndicatorView> indicators(long programmeId) {
        List<ProgrammeIndicatorView> views = new ArrayList<>();
        AccessScope scope = AccessScope.current();
        indicatorsByResult(readable(programmeId))
                .forEach((indicatorId, resultCodes) -> indicators
                        .findIgnoringScope(indicatorId)
                        .filter(i -> scope.canRead(i.missionId(), i.countryCode()))
                        .ifPresent(i -> views.add(new ProgrammeIndicatorView(
                                i.id(), i.code(), i.name(), i.unit(), List.copyOf(resultCodes)))));
        return views;
    }

    private static Map<Long, List<String>> indicatorsByResult(Programme programme) {
        Map<Long, List<String>> byIndicator = new LinkedHashMap<>();
        for (Programme.Result result : programme.results) {
            for (Programme.Measure measure : result.indicators()) {
                byIndicator
                        .computeIfAbsent(measure.indicatorId(), k -> new ArrayList<>())
                        .add(result.code());
            }
        }
        return byIndicator;
    }

    @Transactional
    public ProgrammeView create(ProgrammeCommand command) {
        Resolved r = validate(command, null);
        requireWritable(r.missionId(), r.countryCode());
        Programme programme = new Programme(
                r.code(),
                command.name().strip(),
                command.pillar(),
                r.countryCode(),
                command.leadActorId(),
                command.status(),
                now());
        apply(programme, command, r);
        return view(programmes.save(programme));
    }

    @Transactional
    public ProgrammeView update(long id, int expectedVersion, ProgrammeCommand command) {
        Programme programme = readable(id);
        Resolved r = validate(command, programme);
        requireWritable(r.missionId(), r.countryCode());
        if (programme.version != expectedVersion) {
            throw ConflictException.staleVersion("Programme", id);
        }
        programme.code = r.code();
        programme.name = command.name().strip();
        programme.pillar = command.pillar();
        programme.countryCode = r.countryCode();
        programme.leadActorId = command.leadActorId();
        programme.status = command.status();
        programme.updatedAt = now();
        programme.partners.clear();
        programme.locations.clear();
        programme.institutions.clear();
        programme.results.clear();
        apply(programme, command, r);
        return view(programmes.save(programme));
    }

    @Transactional
    public void delete(long id, int expectedVersion) {
        Programme programme = readable(id);
        if (programme.version != expectedVersion) {
            throw ConflictException.staleVersion("Programme", id);
        }
        programmes.delete(programme);
    }

    private Programme readable(long id) {
        return findReadable(id).orElseThrow(() -> new NotFoundException("Programme", id));
    }

    private Optional<Programme> findReadable(long id) {
        return programmes.findById(id).filter(p -> AccessScope.current().canRead(p.missionId, p.countryCode));
    }

    private static void requireWritable(@Nullable Long missionId, String countryCode) {
        if (!AccessScope.current().canRead(missionId, countryCode)) {
            throw new ForbiddenException(
                    missionId == null
                            ? "Your scope does not cover " + countryCode
                            : "Your scope does not cover mission " + missionId + " in " + countryCode);
        }
    }

    /** The command's normalised values once every field has been checked, with the links kept unseen. */
    private record Resolved(
            String code,
            String countryCode,
            @Nullable Long missionId,
            @Nullable String currency,
            List<Programme.Partner> hiddenPartners,
            List<Programme.SupportedInstitution> hiddenInstitutions) {}

    /** Checks every field of the command, throwing all problems at once; nothing is written before. */
    private Resolved validate(ProgrammeCommand command, @Nullable Programme existing) {
        Validation v = new Validation()
                .required("name", command.name())
                .maxLength("name", command.name(), 300)
                .required("pillar", command.pillar())
                .maxLength("objectives", command.objectives(), 4000)
                .required("status", command.status())
                .datesInOrder("startDate", command.startDate(), "endDate", command.endDate());
        if (command.status() == ProgrammeStatus.COMPLETED && command.endDate() == null) {
            v.coded("endDate", "is required for a completed programme", "programme.validation.endDateCompleted");
        }
        String code = checkCode(v, command.code(), existing);
        String country = countryCode(command.countryCode());
        checkCountryAndMission(v, country, command.missionId());
        boolean scopeKnown = country != null && !v.hasProblem("countryCode") && !v.hasProblem("missionId");
        String currency = checkBudget(v, command.budgetAmount(), command.budgetCurrency());

        List<Programme.Partner> hiddenPartners = new ArrayList<>();
        List<Programme.SupportedInstitution> hiddenInstitutions = new ArrayList<>();
        if (existing != null) {
            existing.partners.stream().filter(p -> !actors.exists(p.actorId())).forEach(hiddenPartners::add);
            existing.institutions.stream()
                    .filter(i -> !institutions.exists(i.institutionId()))
                    .forEach(hiddenInstitutions::add);
            if (!hiddenInstitutions.isEmpty() && country != null && !country.equals(existing.countryCode)) {
                v.coded(
                        "countryCode",
                        "the programme supports institutions of " + existing.countryCode
                                + " that you cannot see; it cannot move to another country",
                        "programme.validation.hiddenInstitutions",
                        existing.countryCode);
            }
        }
        checkLeadAndPartners(v, command, existing, hiddenPartners);
        checkLocations(v, command.locationIds(), scopeKnown ? country : null);
        checkInstitutions(v, command.institutionIds(), scopeKnown ? country : null);
        checkResults(v, command.results(), scopeKnown, command.missionId(), country);
        v.throwIfInvalid();
        return new Resolved(
                Objects.requireNonNull(code),
                Objects.requireNonNull(country),
                command.missionId(),
                currency,
                hiddenPartners,
                hiddenInstitutions);
    }

    private @Nullable String checkCode(Validation v, @Nullable String text, @Nullable Programme existing) {
        v.required("code", text);
        if (text == null || text.isBlank()) {
            return null;
        }
        String code = text.strip();
        if (!CODE.matcher(code).matches()) {
            v.coded(
                    "code",
                    "must be 2 to 40 letters, digits, dots, dashes or underscores, e.g. LBR-POL-01",
                    "programme.validation.codeFormat");
            return code;
        }
        boolean taken = jdbc
                .sql("select id from programme where lower(code) = lower(:code)")
                .param("code", code)
                .query(Long.class)
                .list()
                .stream()
                .anyMatch(other -> existing == null || !other.equals(existing.id));
        if (taken) {
            v.coded(
                    "code",
                    "'" + code + "' is already used by another programme",
                    "programme.validation.codeTaken",
                    code);
        }
        return code;
    }

    private void checkCountryAndMission(Validation v, @Nullable String country, @Nullable Long missionId) {
        v.required("countryCode", country).iso3("countryCode", country);
        if (country != null && !v.hasProblem("countryCode") && !geography.countryExists(country)) {
            v.coded(
                    "countryCode",
                    "'" + country + "' is not a known ISO 3166 alpha-3 country code",
                    "programme.validation.unknownCountry",
                    country);
        }
        if (missionId != null) {
            if (!missions.exists(missionId)) {
                v.coded(
                        "missionId",
                        "mission " + missionId + " does not exist",
                        "programme.validation.missionNotFound");
            } else if (country != null
                    && !v.hasProblem("countryCode")
                    && !missions.hostCountries(Set.of(missionId)).contains(country)) {
                v.coded(
                        "missionId",
                        "mission " + missionId + " is not hosted by " + country,
                        "programme.validation.missionNotHosted",
                        country);
            }
        }
    }

    /** Checks the budget and returns its currency code in capitals (null when none is given). */
    private static @Nullable String checkBudget(
            Validation v, @Nullable BigDecimal amount, @Nullable String currencyText) {
        v.notNegative("budgetAmount", amount);
        if (amount != null && amount.compareTo(MAX_AMOUNT) >= 0) {
            v.coded(
                    "budgetAmount",
                    "must be less than " + MAX_AMOUNT.toPlainString(),
                    "programme.validation.amountTooLarge",
                    MAX_AMOUNT.toPlainString());
        }
        if (currencyText == null || currencyText.isBlank()) {
            if (amount != null) {
                v.coded(
                        "budgetCurrency",
                        "is required when a budget amount is given (an ISO 4217 code such as USD)",
                        "programme.validation.currencyRequired");
            }
            return null;
        }
        String code = currencyText.strip().toUpperCase(Locale.ROOT);
        Currency currency = null;
        try {
            currency = NOT_MONEY.contains(code) ? null : Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            // not an ISO 4217 code: reported below
        }
        if (currency == null) {
            v.coded(
                    "budgetCurrency",
                    "'" + currencyText.strip() + "' is not an ISO 4217 currency code (e.g. USD, EUR)",
                    "programme.validation.unknownCurrency",
                    currencyText.strip());
            return code;
        }
        int digits = currency.getDefaultFractionDigits() < 0 ? 4 : currency.getDefaultFractionDigits();
        if (amount != null && amount.stripTrailingZeros().scale() > digits) {
            v.coded(
                    "budgetAmount",
                    "has more decimal places than " + code + " uses (" + digits + ")",
                    "programme.validation.amountDecimals",
                    code,
                    digits);
        }
        return code;
    }

    private void checkLeadAndPartners(
            Validation v,
            ProgrammeCommand command,
            @Nullable Programme existing,
            List<Programme.Partner> hiddenPartners) {
        Long lead = command.leadActorId();
        v.required("leadActorId", lead);
        // The lead actor stays valid while unchanged even if the editor cannot see it.
        if (lead != null && (existing == null || existing.leadActorId != lead) && !actors.exists(lead)) {
            v.coded("leadActorId", "actor " + lead + " does not exist", "programme.validation.actorNotFound");
        }
        List<ProgrammeCommand.Partner> partners = command.partners();
        if (partners == null) {
            return;
        }
        if (partners.size() > MAX_LINKS) {
            v.coded("partners", "at most " + MAX_LINKS + " partners", "programme.validation.tooMany", MAX_LINKS);
            return;
        }
        Set<Long> seen = new HashSet<>();
        hiddenPartners.forEach(p -> seen.add(p.actorId()));
        for (int i = 0; i < partners.size(); i++) {
            ProgrammeCommand.Partner p = partners.get(i);
            String field = "partners[" + i + "]";
            if (p == null) {
                v.coded(field, "is empty", "programme.validation.empty");
                continue;
            }
            v.required(field + ".actorId", p.actorId()).required(field + ".role", p.role());
            Long actorId = p.actorId();
            if (actorId == null) {
                continue;
            }
            if (actorId.equals(lead)) {
                v.coded(
                        field + ".actorId",
                        "actor " + actorId + " is the lead actor; do not list it again as a partner",
                        "programme.validation.partnerIsLead");
            } else if (!actors.exists(actorId)) {
                v.coded(
                        field + ".actorId",
                        "actor " + actorId + " does not exist",
                        "programme.validation.actorNotFound");
            } else if (!seen.add(actorId)) {
                v.coded(
                        field + ".actorId",
                        "actor " + actorId + " is listed twice",
                        "programme.validation.listedTwice");
            }
        }
    }

    private void checkLocations(Validation v, @Nullable List<Long> ids, @Nullable String country) {
        if (ids == null) {
            return;
        }
        if (ids.size() > MAX_LINKS) {
            v.coded("locationIds", "at most " + MAX_LINKS + " locations", "programme.validation.tooMany", MAX_LINKS);
            return;
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            String field = "locationIds[" + i + "]";
            if (id == null) {
                v.coded(field, "is empty", "programme.validation.empty");
            } else if (!seen.add(id)) {
                v.coded(field, "organisation unit " + id + " is listed twice", "programme.validation.listedTwice");
            } else {
                OrgUnitView unit;
                try {
                    unit = geography.orgUnit(id);
                } catch (NotFoundException e) {
                    // the request fails with this problem, so nothing is written
                    v.coded(
                            field,
                            "organisation unit " + id + " does not exist",
                            "programme.validation.orgUnitNotFound");
                    continue;
                }
                if (country != null && !country.equals(unit.countryCode())) {
                    v.coded(
                            field,
                            "organisation unit " + unit.code() + " is in " + unit.countryCode()
                                    + ", not in the programme's country " + country,
                            "programme.validation.otherCountry",
                            unit.name(),
                            unit.countryCode(),
                            country);
                }
            }
        }
    }

    private void checkInstitutions(Validation v, @Nullable List<Long> ids, @Nullable String country) {
        if (ids == null) {
            return;
        }
        if (ids.size() > MAX_LINKS) {
            v.coded(
                    "institutionIds",
                    "at most " + MAX_LINKS + " institutions",
                    "programme.validation.tooMany",
                    MAX_LINKS);
            return;
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            String field = "institutionIds[" + i + "]";
            if (id == null) {
                v.coded(field, "is empty", "programme.validation.empty");
            } else if (!seen.add(id)) {
                v.coded(field, "institution " + id + " is listed twice", "programme.validation.listedTwice");
            } else {
                Optional<InstitutionView> institution = institutions.view(id);
                if (institution.isEmpty()) {
                    v.coded(field, "institution " + id + " does not exist", "programme.validation.institutionNotFound");
                } else if (country != null && !country.equals(institution.get().countryCode())) {
                    v.coded(
                            field,
                            "institution " + institution.get().name() + " is in "
                                    + institution.get().countryCode() + ", not in the programme's country " + country,
                            "programme.validation.otherCountry",
                            institution.get().name(),
                            institution.get().countryCode(),
                            country);
                }
            }
        }
    }

    private void checkResults(
            Validation v,
            @Nullable List<ProgrammeCommand.Result> results,
            boolean scopeKnown,
            @Nullable Long missionId,
            @Nullable String country) {
        if (results == null) {
            return;
        }
        if (results.size() > MAX_RESULTS) {
            v.coded(
                    "results",
                    "at most " + MAX_RESULTS + " results per programme",
                    "programme.validation.tooMany",
                    MAX_RESULTS);
            return;
        }
        Map<String, ResultLevel> levels = new HashMap<>();
        for (ProgrammeCommand.Result r : results) {
            if (r != null && r.code() != null && !r.code().isBlank() && r.level() != null) {
                levels.putIfAbsent(r.code().strip(), r.level());
            }
        }
        Set<String> codes = new HashSet<>();
        AccessScope scope = AccessScope.current();
        for (int i = 0; i < results.size(); i++) {
            ProgrammeCommand.Result r = results.get(i);
            String field = "results[" + i + "]";
            if (r == null) {
                v.coded(field, "is empty", "programme.validation.empty");
                continue;
            }
            v.required(field + ".code", r.code())
                    .required(field + ".level", r.level())
                    .required(field + ".title", r.title())
                    .maxLength(field + ".title", r.title(), 300)
                    .maxLength(field + ".description", r.description(), 4000);
            if (r.code() != null && !r.code().isBlank()) {
                String code = r.code().strip();
                if (!RESULT_CODE.matcher(code).matches()) {
                    v.coded(
                            field + ".code",
                            "must be 1 to 40 letters, digits, dots, dashes or underscores, e.g. OC1",
                            "programme.validation.resultCodeFormat");
                } else if (!codes.add(code)) {
                    v.coded(
                            field + ".code",
                            "'" + code + "' is used by another result of this programme",
                            "programme.validation.resultCodeTwice",
                            code);
                }
            }
            String parent = r.parentCode() == null || r.parentCode().isBlank()
                    ? null
                    : r.parentCode().strip();
            if (r.level() == ResultLevel.OUTCOME && parent != null) {
                v.coded(field + ".parentCode", "must be empty for an OUTCOME", "programme.validation.outcomeParent");
            } else if (r.level() == ResultLevel.OUTPUT) {
                if (parent == null) {
                    v.coded(
                            field + ".parentCode",
                            "is required for an OUTPUT: the code of the outcome it serves",
                            "programme.validation.outputParentRequired");
                } else if (!levels.containsKey(parent)) {
                    v.coded(
                            field + ".parentCode",
                            "'" + parent + "' is not the code of a result of this programme",
                            "programme.validation.parentUnknown",
                            parent);
                } else if (levels.get(parent) != ResultLevel.OUTCOME) {
                    v.coded(
                            field + ".parentCode",
                            "'" + parent + "' is an OUTPUT; an output serves an OUTCOME",
                            "programme.validation.parentIsOutput",
                            parent);
                }
            }
            checkResultIndicators(v, field, r.indicatorIds(), scope, scopeKnown, missionId, country);
        }
    }

    private void checkResultIndicators(
            Validation v,
            String resultField,
            @Nullable List<Long> ids,
            AccessScope scope,
            boolean scopeKnown,
            @Nullable Long missionId,
            @Nullable String country) {
        if (ids == null) {
            return;
        }
        if (ids.size() > MAX_INDICATORS_PER_RESULT) {
            v.coded(
                    resultField + ".indicatorIds",
                    "at most " + MAX_INDICATORS_PER_RESULT + " indicators per result",
                    "programme.validation.tooMany",
                    MAX_INDICATORS_PER_RESULT);
            return;
        }
        Set<Long> seen = new HashSet<>();
        for (int j = 0; j < ids.size(); j++) {
            Long id = ids.get(j);
            String field = resultField + ".indicatorIds[" + j + "]";
            if (id == null) {
                v.coded(field, "is empty", "programme.validation.empty");
                continue;
            }
            if (!seen.add(id)) {
                v.coded(
                        field,
                        "indicator " + id + " is listed twice for this result",
                        "programme.validation.listedTwice");
                continue;
            }
            Optional<IndicatorView> indicator =
                    indicators.findIgnoringScope(id).filter(i -> scope.canRead(i.missionId(), i.countryCode()));
            if (indicator.isEmpty()) {
                v.coded(field, "indicator " + id + " does not exist", "programme.validation.indicatorNotFound");
            } else if (scopeKnown && !fitsScope(indicator.get(), missionId, country)) {
                v.coded(
                        field,
                        "indicator " + indicator.get().code() + " belongs to another mission or country; use an"
                                + " indicator of the shared library, of " + country
                                + (missionId == null ? "" : " or of the programme's mission"),
                        missionId == null
                                ? "programme.validation.indicatorOtherCountry"
                                : "programme.validation.indicatorOtherMission",
                        indicator.get().code(),
                        country);
            }
        }
    }

    /**
     * Whether everyone who may see a programme of this scope may see the indicator: a library
     * indicator, one of the programme's country without a mission, or one of the programme's mission
     * in that country.
     */
    private static boolean fitsScope(IndicatorView indicator, @Nullable Long missionId, @Nullable String country) {
        if (indicator.library()) {
            return true;
        }
        if (!Objects.equals(indicator.countryCode(), country)) {
            return false;
        }
        return indicator.missionId() == null || indicator.missionId().equals(missionId);
    }

    private void apply(Programme programme, ProgrammeCommand command, Resolved r) {
        programme.objectives = blankToNull(command.objectives());
        programme.missionId = r.missionId();
        programme.budgetAmount = command.budgetAmount();
        programme.budgetCurrency = r.currency();
        programme.startDate = command.startDate();
        programme.endDate = command.endDate();
        if (command.partners() != null) {
            for (ProgrammeCommand.Partner p : command.partners()) {
                programme.partners.add(new Programme.Partner(p.actorId(), p.role()));
            }
        }
        programme.partners.addAll(r.hiddenPartners());
        if (command.locationIds() != null) {
            command.locationIds().forEach(id -> programme.locations.add(new Programme.Location(id)));
        }
        if (command.institutionIds() != null) {
            command.institutionIds().forEach(id -> programme.institutions.add(new Programme.SupportedInstitution(id)));
        }
        programme.institutions.addAll(r.hiddenInstitutions());
        if (command.results() != null) {
            for (ProgrammeCommand.Result result : command.results()) {
                List<Programme.Measure> measures = new ArrayList<>();
                if (result.indicatorIds() != null) {
                    result.indicatorIds().forEach(id -> measures.add(new Programme.Measure(id)));
                }
                programme.results.add(new Programme.Result(
                        result.code().strip(),
                        result.level(),
                        result.title().strip(),
                        blankToNull(result.description()),
                        result.level() == ResultLevel.OUTPUT
                                ? result.parentCode().strip()
                                : null,
                        measures));
            }
        }
    }

    private OffsetDateTime now() {
        // the databases keep microseconds; so does the view returned right after a change
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private ProgrammeView view(Programme p) {
        List<ProgrammeView.PartnerView> partners = new ArrayList<>();
        for (Programme.Partner partner : p.partners) {
            actors.view(partner.actorId())
                    .ifPresent(a -> partners.add(new ProgrammeView.PartnerView(a.id(), a.name(), partner.role())));
        }
        return new ProgrammeView(
                p.id == null ? 0 : p.id,
                p.code,
                p.name,
                p.pillar,
                p.objectives,
                p.countryCode,
                p.missionId,
                p.leadActorId,
                actors.view(p.leadActorId).map(ActorView::name).orElse(null),
                partners,
                plain(p.budgetAmount),
                p.budgetCurrency,
                p.startDate,
                p.endDate,
                p.status,
                p.locations.stream().map(Programme.Location::orgUnitId).sorted().toList(),
                p.institutions.stream()
                        .map(Programme.SupportedInstitution::institutionId)
                        .filter(institutions::exists)
                        .sorted()
                        .toList(),
                p.results.stream()
                        .map(r -> new ProgrammeView.ResultView(
                                r.code(),
                                r.level(),
                                r.title(),
                                r.description(),
                                r.parentCode(),
                                r.indicators().stream()
                                        .map(Programme.Measure::indicatorId)
                                        .toList()))
                        .toList(),
                p.updatedAt,
                p.version);
    }

    private static ProgrammeSummary summary(ResultSet rs, int n) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("budget_amount");
        return new ProgrammeSummary(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                Pillar.valueOf(rs.getString("pillar")),
                ProgrammeStatus.valueOf(rs.getString("status")),
                rs.getString("country_code"),
                rs.getObject("mission_id", Long.class),
                rs.getLong("lead_actor_id"),
                null,
                plain(amount),
                rs.getString("budget_currency"),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getInt("version"));
    }

    private static ProgrammeSummary withLeadName(ProgrammeSummary s, @Nullable String name) {
        return new ProgrammeSummary(
                s.id(),
                s.code(),
                s.name(),
                s.pillar(),
                s.status(),
                s.countryCode(),
                s.missionId(),
                s.leadActorId(),
                name,
                s.budgetAmount(),
                s.budgetCurrency(),
                s.startDate(),
                s.endDate(),
                s.updatedAt(),
                s.version());
    }

    /** The amount without trailing zeros and never in exponent form (1000, not 1E+3). */
    private static @Nullable BigDecimal plain(@Nullable BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static @Nullable String countryCode(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase(Locale.ROOT);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
