package org.bluehelm.mission;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Peace operations. Every signed-in user may read every mission (the list of UN peace operations
 * is public); only a user whose scope covers a mission (or one of its host countries) may change it.
 */
@Service
@Transactional(readOnly = true)
public class MissionService {

    static final Map<String, String> SORTS = Map.of(
            "acronym",
            "m.acronym",
            "name",
            "m.name",
            "startDate",
            "m.start_date",
            "endDate",
            "m.end_date",
            "status",
            "m.status");

    private final MissionRepository missions;
    private final GeographyService geography;
    private final JdbcClient jdbc;
    private final Clock clock;

    MissionService(MissionRepository missions, GeographyService geography, JdbcClient jdbc, Clock clock) {
        this.missions = missions;
        this.geography = geography;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public PageResponse<MissionSummary> list(MissionFilter filter, PageQuery page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" and (lower(m.acronym) like :q or lower(m.name) like :q)");
            params.put("q", SearchText.containing(filter.search()));
        }
        if (filter.status() != null) {
            where.append(" and m.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.country() != null) {
            where.append(
                    " and exists (select 1 from mission_host h where h.mission = m.id and h.country_code = :country)");
            params.put("country", filter.country().toUpperCase(Locale.ROOT));
        }
        if (filter.activeInYear() != null) {
            where.append(" and m.start_date <= :yearEnd and (m.end_date is null or m.end_date >= :yearStart)");
            params.put("yearStart", LocalDate.of(filter.activeInYear(), 1, 1));
            params.put("yearEnd", LocalDate.of(filter.activeInYear(), 12, 31));
        }
        if (filter.inMyScope()) {
            AccessScope scope = AccessScope.current();
            if (!scope.global()) {
                where.append(" and (m.id in (:scopeMissions) or exists (select 1 from mission_host h"
                        + " where h.mission = m.id and h.country_code in (:scopeCountries)))");
                params.put("scopeMissions", scope.missionIds().isEmpty() ? Set.of(-1L) : scope.missionIds());
                params.put("scopeCountries", scope.countryCodes().isEmpty() ? Set.of("-") : scope.countryCodes());
            }
        }
        long total = jdbc.sql("select count(*) from mission m" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<MissionSummary> rows = jdbc.sql(
                        "select m.id, m.acronym, m.name, m.status, m.start_date, m.end_date, '' as host_countries"
                                + " from mission m" + where + " order by " + page.orderBy()
                                + ", m.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(MissionSummary.class)
                .list();
        Map<Long, String> hosts = hostsOf(rows.stream().map(MissionSummary::id).toList());
        List<MissionSummary> items = rows.stream()
                .map(r -> new MissionSummary(
                        r.id(),
                        r.acronym(),
                        r.name(),
                        r.status(),
                        r.startDate(),
                        r.endDate(),
                        hosts.getOrDefault(r.id(), "")))
                .toList();
        return PageResponse.of(items, page, total);
    }

    private Map<Long, String> hostsOf(List<Long> missionIds) {
        if (missionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<String>> hosts = new HashMap<>();
        jdbc.sql("select mission, country_code from mission_host where mission in (:ids) order by country_code")
                .param("ids", missionIds)
                .query((rs, n) -> hosts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return hosts.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.join(", ", e.getValue())));
    }

    public MissionView get(long id) {
        return missions.findById(id).map(this::view).orElseThrow(() -> new NotFoundException("Mission", id));
    }

    public Optional<MissionView> findByAcronym(String acronym) {
        return missions.findByAcronym(acronym).map(this::view);
    }

    public Optional<String> findAcronym(long id) {
        return jdbc.sql("select acronym from mission where id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    public boolean exists(long id) {
        return missions.existsById(id);
    }

    /** The host countries of the given missions (for building a user's access scope). */
    public Set<String> hostCountries(Set<Long> missionIds) {
        if (missionIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select distinct country_code from mission_host where mission in (:ids)")
                .param("ids", missionIds)
                .query(String.class)
                .list());
    }

    /** Whether the current user may change the mission's records. */
    public boolean inScope(long missionId) {
        AccessScope scope = AccessScope.current();
        return scope.global() || scope.coversMission(missionId, hostCountries(Set.of(missionId)));
    }

    @Transactional
    public MissionView create(MissionCommand command) {
        Validation v = validate(command);
        if (command.acronym() != null
                && missions.findByAcronym(command.acronym().strip()).isPresent()) {
            String acronym = command.acronym().strip();
            v.coded(
                    "acronym",
                    "'" + acronym + "' is already used by another mission",
                    "mission.validation.acronymTaken",
                    acronym);
        }
        v.throwIfInvalid();
        AccessScope scope = AccessScope.current();
        if (!scope.global() && command.hostCountries().stream().noneMatch(scope.countryCodes()::contains)) {
            throw new ForbiddenException("Your scope does not cover the host countries of this mission");
        }
        Mission mission = new Mission(
                command.acronym().strip(),
                command.name().strip(),
                statusOf(command),
                command.startDate(),
                command.endDate());
        apply(mission, command);
        return view(missions.save(mission));
    }

    @Transactional
    public MissionView update(long id, int expectedVersion, MissionCommand command) {
        Mission mission = missions.findById(id).orElseThrow(() -> new NotFoundException("Mission", id));
        if (!inScope(id)) {
            throw new ForbiddenException("Your scope does not cover mission " + mission.acronym);
        }
        Validation v = validate(command);
        if (command.acronym() != null && !command.acronym().strip().equals(mission.acronym)) {
            missions.findByAcronym(command.acronym().strip())
                    .ifPresent(other -> v.coded(
                            "acronym",
                            "'" + other.acronym + "' is already used by another mission",
                            "mission.validation.acronymTaken",
                            other.acronym));
        }
        v.throwIfInvalid();
        if (mission.version != expectedVersion) {
            throw ConflictException.staleVersion("Mission", id);
        }
        mission.acronym = command.acronym().strip();
        mission.name = command.name().strip();
        mission.status = statusOf(command);
        mission.startDate = command.startDate();
        mission.endDate = command.endDate();
        mission.hosts.clear();
        mission.resolutions.clear();
        mission.tasks.clear();
        apply(mission, command);
        return view(missions.save(mission));
    }

    @Transactional
    public void delete(long id, int expectedVersion) {
        Mission mission = missions.findById(id).orElseThrow(() -> new NotFoundException("Mission", id));
        if (!inScope(id)) {
            throw new ForbiddenException("Your scope does not cover mission " + mission.acronym);
        }
        if (mission.version != expectedVersion) {
            throw ConflictException.staleVersion("Mission", id);
        }
        missions.delete(mission);
    }

    public List<DeploymentView> deployments(long missionId) {
        get(missionId);
        return jdbc.sql(DEPLOYMENTS + " where d.mission_id = :id order by d.year, d.source, d.country_code")
                .param("id", missionId)
                .query(MissionService::deployment)
                .list();
    }

    public List<DeploymentView> deploymentsInCountry(String countryCode) {
        return jdbc.sql(DEPLOYMENTS + " where d.country_code = :c order by d.year, d.source, m.acronym")
                .param("c", countryCode)
                .query(MissionService::deployment)
                .list();
    }

    /** Every deployment figure of the shipped reference data, for the country-year reference panel. */
    public List<DeploymentView> allDeployments() {
        return jdbc.sql(DEPLOYMENTS + " order by d.country_code, d.year, d.source, m.acronym")
                .query(MissionService::deployment)
                .list();
    }

    /**
     * The peace operations of the shipped reference list (PACT), with their host countries: public
     * reference data, never missions that users created.
     */
    public List<MissionSummary> referenceMissions() {
        List<MissionSummary> rows = jdbc.sql("""
                        select m.id, m.acronym, m.name, m.status, m.start_date, m.end_date, '' as host_countries
                          from mission m where m.source = :source order by m.start_date, m.acronym""")
                .param("source", MissionReferenceLoader.SOURCE)
                .query(MissionSummary.class)
                .list();
        Map<Long, String> hosts = hostsOf(rows.stream().map(MissionSummary::id).toList());
        return rows.stream()
                .map(r -> new MissionSummary(
                        r.id(),
                        r.acronym(),
                        r.name(),
                        r.status(),
                        r.startDate(),
                        r.endDate(),
                        hosts.getOrDefault(r.id(), "")))
                .toList();
    }

    private static final String DEPLOYMENTS = """
            select m.acronym, d.country_code, d.year, d.source, d.troops, d.police, d.observers,
                   d.police_units, d.observer_teams, d.sites, d.months
              from deployment d left join mission m on m.id = d.mission_id""";

    private static DeploymentView deployment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        DeploymentSource source = DeploymentSource.valueOf(rs.getString("source"));
        return new DeploymentView(
                rs.getString("acronym"),
                rs.getString("country_code"),
                rs.getInt("year"),
                source,
                rs.getBigDecimal("troops"),
                rs.getBigDecimal("police"),
                rs.getBigDecimal("observers"),
                (Integer) rs.getObject("police_units", Integer.class),
                (Integer) rs.getObject("observer_teams", Integer.class),
                (Integer) rs.getObject("sites", Integer.class),
                (Integer) rs.getObject("months", Integer.class),
                source.citation());
    }

    private MissionStatus statusOf(MissionCommand command) {
        return command.status() != null
                ? command.status()
                : MissionStatus.fromDates(command.startDate(), command.endDate(), LocalDate.now(clock));
    }

    private void apply(Mission mission, MissionCommand command) {
        for (String c : new LinkedHashSet<>(command.hostCountries())) {
            mission.hosts.add(new Mission.Host(c.strip().toUpperCase(Locale.ROOT)));
        }
        if (command.resolutions() != null) {
            for (MissionView.ResolutionView r : command.resolutions()) {
                mission.resolutions.add(new Mission.Resolution(r.symbol().strip(), r.adoptedOn(), r.title()));
            }
        }
        if (command.tasks() != null) {
            for (MissionView.TaskView t : command.tasks()) {
                mission.tasks.add(new Mission.Task(
                        t.resolution().strip(), t.paragraph(), t.text().strip(), t.pillar()));
            }
        }
    }

    private Validation validate(MissionCommand command) {
        Validation v = new Validation()
                .required("acronym", command.acronym())
                .maxLength("acronym", command.acronym(), 20)
                .required("name", command.name())
                .maxLength("name", command.name(), 300)
                .required("startDate", command.startDate())
                .datesInOrder("startDate", command.startDate(), "endDate", command.endDate());
        if (command.status() == MissionStatus.CLOSED && command.endDate() == null) {
            v.coded("endDate", "is required for a closed mission", "mission.validation.endDateClosed");
        }
        if (command.hostCountries() == null || command.hostCountries().isEmpty()) {
            v.coded("hostCountries", "at least one host country is required", "mission.validation.hostRequired");
        } else {
            for (int i = 0; i < command.hostCountries().size(); i++) {
                String c = command.hostCountries().get(i);
                if (c == null || !geography.countryExists(c.strip().toUpperCase(Locale.ROOT))) {
                    v.coded(
                            "hostCountries[" + i + "]",
                            "'" + c + "' is not a known ISO 3166 alpha-3 code",
                            "mission.validation.hostUnknown",
                            String.valueOf(c));
                }
            }
        }
        Set<String> symbols = new HashSet<>();
        if (command.resolutions() != null) {
            for (int i = 0; i < command.resolutions().size(); i++) {
                MissionView.ResolutionView r = command.resolutions().get(i);
                String field = "resolutions[" + i + "]";
                if (r == null || r.symbol() == null || r.symbol().isBlank()) {
                    v.coded(field + ".symbol", "is required", "validation.required");
                } else {
                    v.maxLength(field + ".symbol", r.symbol(), 40).maxLength(field + ".title", r.title(), 300);
                    if (!symbols.add(r.symbol().strip())) {
                        v.coded(
                                field + ".symbol",
                                "'" + r.symbol().strip() + "' is listed twice",
                                "mission.validation.listedTwice",
                                r.symbol().strip());
                    }
                }
            }
        }
        if (command.tasks() != null) {
            for (int i = 0; i < command.tasks().size(); i++) {
                MissionView.TaskView t = command.tasks().get(i);
                String field = "tasks[" + i + "]";
                if (t == null) {
                    v.coded(field, "is empty", "programme.validation.empty");
                    continue;
                }
                v.required(field + ".resolution", t.resolution())
                        .required(field + ".text", t.text())
                        .maxLength(field + ".text", t.text(), 4000)
                        .maxLength(field + ".paragraph", t.paragraph(), 20);
                if (t.resolution() != null
                        && !t.resolution().isBlank()
                        && !symbols.contains(t.resolution().strip())) {
                    v.coded(
                            field + ".resolution",
                            "'" + t.resolution().strip() + "' is not one of the mission's resolutions",
                            "mission.validation.taskResolution",
                            t.resolution().strip());
                }
            }
        }
        return v;
    }

    MissionView view(Mission m) {
        return new MissionView(
                m.id == null ? 0 : m.id,
                m.acronym,
                m.name,
                m.status,
                m.startDate,
                m.endDate,
                m.hosts.stream().map(Mission.Host::countryCode).sorted().toList(),
                m.resolutions.stream()
                        .map(r -> new MissionView.ResolutionView(r.symbol(), r.adoptedOn(), r.title()))
                        .toList(),
                m.tasks.stream()
                        .map(t -> new MissionView.TaskView(t.resolution(), t.paragraph(), t.text(), t.pillar()))
                        .toList(),
                m.source,
                m.version);
    }

    long missionCount() {
        return missions.count();
    }

    Mission saveReference(Mission mission) {
        return missions.save(mission);
    }
}
