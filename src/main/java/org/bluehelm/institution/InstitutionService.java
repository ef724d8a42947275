package org.bluehelm.institution;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.geography.OrgUnitView;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Security institutions. A user reads and changes the institutions of the countries and missions in
 * their scope; an institution outside it is reported as not found.
 */
@Service
@Transactional(readOnly = true)
public class InstitutionService {

    static final Map<String, String> SORTS = Map.of(
            "name", "i.name",
            "acronym", "i.acronym",
            "pillar", "i.pillar",
            "country", "i.country_code",
            "id", "i.id");

    /** Deeper than any real hierarchy; stops the ancestor walk should the stored data ever loop. */
    private static final int MAX_DEPTH = 50;

    private final InstitutionRepository institutions;
    private final GeographyService geography;
    private final MissionService missions;
    private final JdbcClient jdbc;

    InstitutionService(
            InstitutionRepository institutions, GeographyService geography, MissionService missions, JdbcClient jdbc) {
        this.institutions = institutions;
        this.geography = geography;
        this.missions = missions;
        this.jdbc = jdbc;
    }

    public PageResponse<InstitutionSummary> list(InstitutionFilter filter, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("i.mission_id", "i.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" and (lower(i.name) like :q or lower(i.acronym) like :q)");
            params.put("q", SearchText.containing(filter.search()));
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            where.append(" and i.country_code = :country");
            params.put("country", Scoping.countryCode(filter.country()));
        }
        if (filter.pillar() != null) {
            where.append(" and i.pillar = :pillar");
            params.put("pillar", filter.pillar().name());
        }
        if (filter.missionId() != null) {
            where.append(" and i.mission_id = :mission");
            params.put("mission", filter.missionId());
        }
        if (filter.parentId() != null) {
            where.append(" and i.parent_id = :parent");
            params.put("parent", filter.parentId());
        }
        long total = jdbc.sql("select count(*) from institution i" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<InstitutionSummary> items = jdbc.sql(
                        """
                        select i.id, i.name, i.acronym, i.pillar, i.country_code, i.mission_id, i.parent_id,
                               i.org_unit_id, s.year as strength_year, s.authorised, s.actual, i.version
                          from institution i
                          left join institution_strength s on s.institution = i.id
                           and s.year = (select max(l.year) from institution_strength l where l.institution = i.id)
                        """ + where + " order by " + page.orderBy() + ", i.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(InstitutionSummary.class)
                .list();
        return PageResponse.of(items, page, total);
    }

    /** The institution, if it exists and the current user's scope covers it. */
    public InstitutionView get(long id) {
        return view(readable(id));
    }

    /** The institution for another module: empty when it does not exist or is outside the current scope. */
    public Optional<InstitutionView> view(long id) {
        return findReadable(id).map(this::view);
    }

    /** Whether the institution exists and the current user may see it (background work sees all). */
    public boolean exists(long id) {
        return findReadable(id).isPresent();
    }

    @Transactional
    public InstitutionView create(InstitutionCommand command) {
        String country = Scoping.countryCode(command.countryCode());
        Validation v = validate(command, country, null);
        v.throwIfInvalid();
        Scoping.requireWritable(command.missionId(), country);
        Institution institution = new Institution(command.name().strip(), command.pillar(), country);
        apply(institution, command);
        return view(institutions.save(institution));
    }

    @Transactional
    public InstitutionView update(long id, int expectedVersion, InstitutionCommand command) {
        Institution institution = readable(id);
        String country = Scoping.countryCode(command.countryCode());
        Validation v = validate(command, country, institution);
        v.throwIfInvalid();
        Scoping.requireWritable(command.missionId(), country);
        if (institution.version != expectedVersion) {
            throw ConflictException.staleVersion("Institution", id);
        }
        institution.name = command.name().strip();
        institution.pillar = command.pillar();
        institution.countryCode = country;
        institution.strength.clear();
        apply(institution, command);
        return view(institutions.save(institution));
    }

    @Transactional
    public void delete(long id, int expectedVersion) {
        Institution institution = readable(id);
        if (institution.version != expectedVersion) {
            throw ConflictException.staleVersion("Institution", id);
        }
        long children = childCount(id);
        long overseers = jdbc.sql("select count(*) from oversight_body_institution where institution = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        if (children > 0 || overseers > 0) {
            throw new ConflictException(
                    "in-use",
                    "Institution " + institution.name + " has " + children + " institution(s) below it and is"
                            + " overseen by " + overseers + " oversight body(ies); move or unlink them first");
        }
        institutions.delete(institution);
    }

    /** The stored institution if the current user may read it; otherwise it does not exist for them. */
    Institution readable(long id) {
        return findReadable(id).orElseThrow(() -> new NotFoundException("Institution", id));
    }

    Optional<Institution> findReadable(long id) {
        return institutions.findById(id).filter(i -> Scoping.readable(i.missionId, i.countryCode));
    }

    private Validation validate(InstitutionCommand command, @Nullable String country, @Nullable Institution current) {
        Validation v = new Validation()
                .required("name", command.name())
                .maxLength("name", command.name(), 300)
                .maxLength("acronym", command.acronym(), 40)
                .required("pillar", command.pillar())
                .maxLength("description", command.description(), 4000);
        Scoping.checkCountryAndMission(v, geography, missions, country, command.missionId());
        boolean countryOk = country != null && !v.hasProblem("countryCode");
        if (current != null && countryOk && !country.equals(current.countryCode)) {
            Long id = current.id;
            if (childCount(id) > 0) {
                v.coded(
                        "countryCode",
                        "an institution with institutions below it cannot move to another country",
                        "institution.validation.movesWithChildren");
            }
            if (jdbc.sql("select count(*) from oversight_body_institution where institution = :id")
                            .param("id", id)
                            .query(Long.class)
                            .single()
                    > 0) {
                v.coded(
                        "countryCode",
                        "an institution overseen by an oversight body cannot move to another country",
                        "institution.validation.movesOverseen");
            }
        }
        checkParent(v, command.parentId(), country, countryOk, current);
        checkOrgUnit(v, command.orgUnitId(), country, countryOk);
        checkStrength(v, command.strength());
        return v;
    }

    private void checkParent(
            Validation v,
            @Nullable Long parentId,
            @Nullable String country,
            boolean countryOk,
            @Nullable Institution current) {
        if (parentId == null) {
            return;
        }
        Optional<Institution> parent = findReadable(parentId);
        if (parent.isEmpty()) {
            v.coded("parentId", "institution " + parentId + " does not exist", "institution.validation.notFound");
            return;
        }
        if (countryOk && !parent.get().countryCode.equals(country)) {
            v.coded(
                    "parentId",
                    "institution " + parentId + " is in " + parent.get().countryCode + ", not " + country,
                    "institution.validation.otherCountry",
                    parent.get().countryCode,
                    country);
        }
        if (current != null && current.id != null) {
            Long ancestor = parentId;
            for (int depth = 0; ancestor != null && depth < MAX_DEPTH; depth++) {
                if (ancestor.equals(current.id)) {
                    v.coded(
                            "parentId",
                            "an institution cannot be placed below itself or one of its own units",
                            "institution.validation.parentLoop");
                    return;
                }
                ancestor = jdbc.sql("select parent_id from institution where id = :id")
                        .param("id", ancestor)
                        .query(Long.class)
                        .optional()
                        .orElse(null);
            }
        }
    }

    private void checkOrgUnit(Validation v, @Nullable Long orgUnitId, @Nullable String country, boolean countryOk) {
        if (orgUnitId == null) {
            return;
        }
        try {
            OrgUnitView unit = geography.orgUnit(orgUnitId);
            if (countryOk && !unit.countryCode().equals(country)) {
                v.coded(
                        "orgUnitId",
                        "organisation unit " + orgUnitId + " is in " + unit.countryCode() + ", not " + country,
                        "institution.validation.orgUnitOtherCountry",
                        unit.countryCode(),
                        country);
            }
        } catch (NotFoundException e) {
            v.coded(
                    "orgUnitId",
                    "organisation unit " + orgUnitId + " does not exist",
                    "institution.validation.orgUnitNotFound");
        }
    }

    private static void checkStrength(Validation v, @Nullable List<InstitutionCommand.Strength> strength) {
        if (strength == null) {
            return;
        }
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < strength.size(); i++) {
            InstitutionCommand.Strength s = strength.get(i);
            String field = "strength[" + i + "]";
            if (s == null) {
                v.coded(field, "is empty", "programme.validation.empty");
                continue;
            }
            v.required(field + ".year", s.year())
                    .between(field + ".year", s.year(), 1900, 2200)
                    .required(field + ".authorised", s.authorised())
                    .notNegative(field + ".authorised", s.authorised())
                    .notNegative(field + ".actual", s.actual());
            if (s.year() != null && !years.add(s.year())) {
                v.coded(field + ".year", s.year() + " is listed twice", "institution.validation.yearTwice", s.year());
            }
        }
    }

    private static void apply(Institution institution, InstitutionCommand command) {
        institution.acronym = Scoping.blankToNull(command.acronym());
        institution.missionId = command.missionId();
        institution.parentId = command.parentId();
        institution.orgUnitId = command.orgUnitId();
        institution.description = Scoping.blankToNull(command.description());
        if (command.strength() != null) {
            for (InstitutionCommand.Strength s : command.strength()) {
                institution.strength.add(new Institution.Strength(s.year(), s.authorised(), s.actual()));
            }
        }
    }

    private long childCount(@Nullable Long id) {
        return jdbc.sql("select count(*) from institution where parent_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private InstitutionView view(Institution i) {
        return new InstitutionView(
                i.id == null ? 0 : i.id,
                i.name,
                i.acronym,
                i.pillar,
                i.countryCode,
                i.missionId,
                i.parentId,
                i.orgUnitId,
                i.description,
                i.strength.stream()
                        .sorted(Comparator.comparingInt(Institution.Strength::year))
                        .map(s -> new InstitutionView.StrengthView(s.year(), s.authorised(), s.actual()))
                        .toList(),
                i.version);
    }

    /**
     * The actual strength by organisation unit and year, added up over the institutions placed in
     * each unit (institutions without a unit or an actual strength left out), whatever the scope: for
     * de-identified aggregates such as complaints per 1,000 personnel.
     */
    public List<UnitStrength> actualStrengthByOrgUnit() {
        return jdbc.sql("""
                        select i.org_unit_id, s.year, sum(s.actual) as actual
                        from institution i join institution_strength s on s.institution = i.id
                        where i.org_unit_id is not null and s.actual is not null
                        group by i.org_unit_id, s.year
                        order by i.org_unit_id, s.year""")
                .query((rs, n) -> new UnitStrength(rs.getLong(1), rs.getInt(2), rs.getLong(3)))
                .list();
    }

    /** The organisation unit of each of the institutions that has one, whatever the scope, by institution id. */
    public Map<Long, Long> orgUnitsOf(java.util.Collection<Long> institutionIds) {
        Map<Long, Long> units = new HashMap<>();
        if (institutionIds.isEmpty()) {
            return units;
        }
        jdbc.sql("select id, org_unit_id from institution where org_unit_id is not null and id in (:ids)")
                .param("ids", institutionIds)
                .query((rs, n) -> units.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return units;
    }

    /** The actual strength of the institutions of an organisation unit in a year. */
    public record UnitStrength(long orgUnitId, int year, long actual) {}
}
