package org.bluehelm.geography;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.Chunks;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Countries and organisation units. Both are readable by every signed-in user (they are the map
 * everyone shares); an organisation unit is changed only by a user whose scope covers its country.
 */
@Service
@Transactional(readOnly = true)
public class GeographyService {

    static final Map<String, String> COUNTRY_SORTS = Map.of("iso3", "iso3", "name", "name_en", "nameFr", "name_fr");
    static final Map<String, String> ORG_UNIT_SORTS =
            Map.of("code", "code", "name", "name", "level", "level", "path", "path", "id", "id");

    private final JdbcClient jdbc;
    private final OrgUnitRepository orgUnits;
    private final ApplicationEventPublisher events;

    GeographyService(JdbcClient jdbc, OrgUnitRepository orgUnits, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.events = events;
    }

    public PageResponse<CountryView> countries(@Nullable String search, PageQuery page) {
        String where =
                " where (cast(:q as varchar) is null or lower(name_en) like :q or lower(name_fr) like :q or lower(iso3) like :q)";
        String q = SearchText.containingOrNull(search);
        long total = jdbc.sql("select count(*) from country" + where)
                .param("q", q)
                .query(Long.class)
                .single();
        List<CountryView> items = jdbc.sql("select iso3, iso2, name_en, name_fr from country" + where + " order by "
                        + page.orderBy() + " limit :limit offset :offset")
                .param("q", q)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(CountryView.class)
                .list();
        return PageResponse.of(items, page, total);
    }

    public CountryView country(String iso3) {
        return findCountry(iso3).orElseThrow(() -> new NotFoundException("Country", iso3));
    }

    public Optional<CountryView> findCountry(String iso3) {
        return jdbc.sql("select iso3, iso2, name_en, name_fr from country where iso3 = :iso3")
                .param("iso3", iso3)
                .query(CountryView.class)
                .optional();
    }

    public boolean countryExists(@Nullable String iso3) {
        return iso3 != null && findCountry(iso3).isPresent();
    }

    /** Finds a country by its ISO alpha-3 code, or its English or French name, ignoring case. */
    public Optional<CountryView> findCountryByCodeOrName(String text) {
        return jdbc.sql("""
                        select iso3, iso2, name_en, name_fr from country
                        where iso3 = upper(:t) or lower(name_en) = lower(:t) or lower(name_fr) = lower(:t)
                        order by iso3 limit 1""").param("t", text.strip()).query(CountryView.class).optional();
    }

    /** The units below {@code parentId} (or the roots), filtered; everyone signed in may read them. */
    public PageResponse<OrgUnitView> orgUnits(OrgUnitFilter filter, PageQuery page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.countryCode() != null) {
            where.append(" and country_code = :country");
            params.put("country", filter.countryCode());
        }
        if (filter.parentId() != null) {
            where.append(" and parent_id = :parent");
            params.put("parent", filter.parentId());
        }
        if (filter.within() != null) {
            OrgUnitView ancestor = orgUnit(filter.within());
            where.append(" and path like :prefix");
            params.put("prefix", ancestor.path() + "%");
        }
        if (filter.level() != null) {
            where.append(" and level = :level");
            params.put("level", filter.level());
        }
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" and (lower(name) like :q or lower(code) like :q)");
            params.put("q", SearchText.containing(filter.search()));
        }
        long total = jdbc.sql("select count(*) from org_unit" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<OrgUnitView> items = jdbc.sql("select id, code, name, kind, parent_id, level, path, country_code, version"
                        + " from org_unit" + where + " order by " + page.orderBy() + ", id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(OrgUnitView.class)
                .list();
        return PageResponse.of(items, page, total);
    }

    /**
     * The units of the top {@code levels} levels of the hierarchy, in hierarchy order (at most
     * {@link PageQuery#MAX_SIZE} per level): what a screen offers to choose a unit from.
     */
    public List<OrgUnitView> topLevels(int levels) {
        List<OrgUnitView> units = new ArrayList<>();
        for (int level = 1; level <= levels; level++) {
            units.addAll(orgUnits(
                            new OrgUnitFilter(null, null, null, level, null, null),
                            PageQuery.of(0, PageQuery.MAX_SIZE, "path", Map.of("path", "path"), "path"))
                    .items());
        }
        units.sort(java.util.Comparator.comparing(OrgUnitView::path));
        return units;
    }

    public OrgUnitView orgUnit(long id) {
        return orgUnits.findById(id)
                .map(OrgUnit::view)
                .orElseThrow(() -> new NotFoundException("Organisation unit", id));
    }

    /** The unit, or empty when there is none (no exception, so a caller's transaction stays usable). */
    public Optional<OrgUnitView> findOrgUnit(long id) {
        return orgUnits.findById(id).map(OrgUnit::view);
    }

    /**
     * The units with these codes as written, by code; codes no unit has are left out. One query
     * per thousand codes, for callers that resolve many codes (an import's).
     */
    public Map<String, OrgUnitView> findOrgUnitsByCode(Collection<String> codes) {
        return unitsWhereIn("code", codes, OrgUnitView::code);
    }

    /** The units with these ids, by id; ids no unit has are left out. One query per thousand ids. */
    public Map<Long, OrgUnitView> findOrgUnits(Collection<Long> ids) {
        return unitsWhereIn("id", ids, OrgUnitView::id);
    }

    /** The units whose {@code column} (a fixed name) holds one of the values, by that value. */
    private <K> Map<K, OrgUnitView> unitsWhereIn(
            String column, Collection<K> values, java.util.function.Function<OrgUnitView, K> key) {
        Map<K, OrgUnitView> found = new HashMap<>();
        for (List<K> chunk : Chunks.of(List.copyOf(values), 1000)) {
            jdbc.sql("select id, code, name, kind, parent_id, level, path, country_code, version"
                            + " from org_unit where " + column + " in (:values)")
                    .param("values", chunk)
                    .query(OrgUnitView.class)
                    .list()
                    .forEach(unit -> found.put(key.apply(unit), unit));
        }
        return found;
    }

    public Optional<OrgUnitView> findOrgUnitByCode(String code) {
        return jdbc.sql("select id, code, name, kind, parent_id, level, path, country_code, version"
                        + " from org_unit where code = :code")
                .param("code", code)
                .query(OrgUnitView.class)
                .optional();
    }

    /**
     * The unit whose code is {@code code} as written, else the one unit whose code differs from it
     * only by case (empty when none does, or when several do: the code does not say which).
     */
    public Optional<OrgUnitView> findOrgUnitByCodeAnyCase(String code) {
        Optional<OrgUnitView> exact = findOrgUnitByCode(code);
        if (exact.isPresent()) {
            return exact;
        }
        List<OrgUnitView> folded = jdbc.sql("select id, code, name, kind, parent_id, level, path, country_code, version"
                        + " from org_unit where lower(code) = :code")
                .param("code", code.toLowerCase(Locale.ROOT))
                .query(OrgUnitView.class)
                .list();
        return folded.size() == 1 ? Optional.of(folded.get(0)) : Optional.empty();
    }

    /**
     * Every unit's code by the code folded to lower case ({@link Locale#ROOT}), for matching codes
     * whatever their case with one query: codes are unique as written, so a folded code lists
     * several codes when units' codes differ only by case. One entry per unit, read in one pass.
     */
    public Map<String, List<String>> orgUnitCodesByFoldedCode() {
        Map<String, List<String>> codes = new HashMap<>();
        jdbc.sql("select code from org_unit").query((ResultSet rs) -> {
            String code = rs.getString(1);
            codes.computeIfAbsent(code.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                    .add(code);
        });
        return codes;
    }

    @Transactional
    public OrgUnitView createOrgUnit(OrgUnitCommand command) {
        Validation v = validate(command, true);
        if (command.code() != null && orgUnits.existsByCode(command.code().strip())) {
            codeTaken(v, command.code().strip());
        }
        OrgUnitView parent = parentOf(command, v);
        v.throwIfInvalid();
        String country = countryOf(command, parent);
        requireWritable(country);
        OrgUnit unit = new OrgUnit(
                command.code().strip(),
                command.name().strip(),
                command.kind(),
                command.parentId(),
                parent == null ? 1 : parent.level() + 1,
                "pending",
                country);
        unit = orgUnits.save(unit);
        // the path holds the unit's own id, known only now; set without counting as an edit
        unit.path = (parent == null ? "/" : parent.path()) + unit.id + "/";
        jdbc.sql("update org_unit set path = :path where id = :id")
                .param("path", unit.path)
                .param("id", unit.id)
                .update();
        return unit.view();
    }

    @Transactional
    public OrgUnitView updateOrgUnit(long id, int expectedVersion, OrgUnitCommand command) {
        OrgUnit unit = orgUnits.findById(id).orElseThrow(() -> new NotFoundException("Organisation unit", id));
        requireWritable(unit.countryCode);
        Validation v = validate(command, false);
        if (command.code() != null
                && !command.code().strip().equals(unit.code)
                && orgUnits.existsByCode(command.code().strip())) {
            codeTaken(v, command.code().strip());
        }
        OrgUnitView parent = parentOf(command, v);
        if (parent != null && parent.path().startsWith(unit.path)) {
            v.coded("parentId", "a unit cannot be moved below itself", "geography.validation.parentLoop");
        }
        if (command.countryCode() != null && !command.countryCode().equals(unit.countryCode)) {
            v.coded("countryCode", "a unit cannot move to another country", "geography.validation.countryFixed");
        }
        if (parent != null && !parent.countryCode().equals(unit.countryCode)) {
            v.coded("parentId", "the parent is in another country", "geography.validation.parentOtherCountry");
        }
        v.throwIfInvalid();
        if (unit.version != expectedVersion) {
            throw ConflictException.staleVersion("Organisation unit", id);
        }
        String oldPath = unit.path;
        int oldLevel = unit.level;
        unit.code = command.code().strip();
        unit.name = command.name().strip();
        unit.kind = command.kind();
        unit.parentId = command.parentId();
        unit.level = parent == null ? 1 : parent.level() + 1;
        unit.path = (parent == null ? "/" : parent.path()) + unit.id + "/";
        OrgUnit saved = orgUnits.save(unit);
        if (!oldPath.equals(saved.path)) {
            jdbc.sql("""
                            update org_unit
                               set path = :newPath || substring(path, :cut),
                                   level = level + :delta,
                                   version = version + 1
                             where path like :oldPrefix and id <> :id""")
                    .param("newPath", saved.path)
                    .param("cut", oldPath.length() + 1)
                    .param("delta", saved.level - oldLevel)
                    .param("oldPrefix", oldPath + "%")
                    .param("id", id)
                    .update();
            events.publishEvent(new OrgUnitMoved(id, oldPath, saved.path));
        }
        return saved.view();
    }

    @Transactional
    public void deleteOrgUnit(long id, int expectedVersion) {
        OrgUnit unit = orgUnits.findById(id).orElseThrow(() -> new NotFoundException("Organisation unit", id));
        requireWritable(unit.countryCode);
        if (unit.version != expectedVersion) {
            throw ConflictException.staleVersion("Organisation unit", id);
        }
        long children = jdbc.sql("select count(*) from org_unit where parent_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        if (children > 0) {
            throw new ConflictException(
                    "has-children",
                    "Organisation unit " + unit.code + " has " + children
                            + " units below it; remove or move them first");
        }
        orgUnits.delete(unit);
    }

    private Validation validate(OrgUnitCommand command, boolean creating) {
        Validation v = new Validation()
                .required("code", command.code())
                .maxLength("code", command.code(), 50)
                .required("name", command.name())
                .maxLength("name", command.name(), 200)
                .required("kind", command.kind())
                .iso3("countryCode", command.countryCode());
        if (creating && command.parentId() == null && command.countryCode() == null) {
            v.coded("countryCode", "is required for a unit without a parent", "geography.validation.countryRequired");
        }
        if (command.countryCode() != null && !v.hasProblem("countryCode") && !countryExists(command.countryCode())) {
            v.coded(
                    "countryCode",
                    "'" + command.countryCode() + "' is not a known country",
                    "geography.validation.unknownCountry",
                    command.countryCode());
        }
        return v;
    }

    private static void codeTaken(Validation v, String code) {
        v.coded(
                "code",
                "'" + code + "' is already used by another organisation unit",
                "geography.validation.codeTaken",
                code);
    }

    private @Nullable OrgUnitView parentOf(OrgUnitCommand command, Validation v) {
        if (command.parentId() == null) {
            return null;
        }
        Optional<OrgUnit> parent = orgUnits.findById(command.parentId());
        if (parent.isEmpty()) {
            v.coded(
                    "parentId",
                    "organisation unit " + command.parentId() + " does not exist",
                    "alert.validation.orgUnit",
                    String.valueOf(command.parentId()));
            return null;
        }
        OrgUnitView view = parent.get().view();
        if (command.countryCode() != null && !command.countryCode().equals(view.countryCode())) {
            v.coded(
                    "countryCode",
                    "differs from the parent's country " + view.countryCode(),
                    "geography.validation.countryNotParent",
                    view.countryCode());
        }
        if (view.level() >= 10) {
            v.coded("parentId", "the hierarchy is at most 10 levels deep", "geography.validation.tooDeep");
        }
        return view;
    }

    private static String countryOf(OrgUnitCommand command, @Nullable OrgUnitView parent) {
        if (parent != null) {
            return parent.countryCode();
        }
        return java.util.Objects.requireNonNull(command.countryCode());
    }

    private static void requireWritable(String countryCode) {
        if (!AccessScope.current().canRead(null, countryCode)) {
            throw new ForbiddenException("Your scope does not cover " + countryCode);
        }
    }

    @Transactional
    void insertCountries(List<CountryView> countries) {
        for (CountryView c : countries) {
            jdbc.sql("insert into country (iso3, iso2, name_en, name_fr) values (:iso3, :iso2, :en, :fr)")
                    .param("iso3", c.iso3())
                    .param("iso2", c.iso2())
                    .param("en", c.nameEn())
                    .param("fr", c.nameFr())
                    .update();
        }
    }

    long countryCount() {
        return jdbc.sql("select count(*) from country").query(Long.class).single();
    }
}
