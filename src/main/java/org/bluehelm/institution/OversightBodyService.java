package org.bluehelm.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bluehelm.geography.GeographyService;
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
 * Oversight bodies and the institutions they oversee. Same scope rule as institutions; a reader sees
 * only the overseen institutions within their own scope, and a change leaves the links to the others
 * untouched.
 */
@Service
@Transactional(readOnly = true)
public class OversightBodyService {

    static final Map<String, String> SORTS = Map.of(
            "name", "b.name",
            "type", "b.type",
            "country", "b.country_code",
            "establishedOn", "b.established_on",
            "id", "b.id");

    private final OversightBodyRepository bodies;
    private final InstitutionService institutions;
    private final GeographyService geography;
    private final MissionService missions;
    private final JdbcClient jdbc;
    private final Clock clock;

    OversightBodyService(
            OversightBodyRepository bodies,
            InstitutionService institutions,
            GeographyService geography,
            MissionService missions,
            JdbcClient jdbc,
            Clock clock) {
        this.bodies = bodies;
        this.institutions = institutions;
        this.geography = geography;
        this.missions = missions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public PageResponse<OversightBodySummary> list(OversightBodyFilter filter, PageQuery page) {
        AccessScope scope = AccessScope.current();
        AccessScope.Filter bodyScope = scope.filter("b.mission_id", "b.country_code");
        AccessScope.Filter institutionScope = scope.filter("oi.mission_id", "oi.country_code");
        StringBuilder where = new StringBuilder(" where ").append(bodyScope.sql());
        Map<String, Object> params = new HashMap<>(bodyScope.params());
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" and (lower(b.name) like :q or lower(b.mandate) like :q)");
            params.put("q", SearchText.containing(filter.search()));
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            where.append(" and b.country_code = :country");
            params.put("country", Scoping.countryCode(filter.country()));
        }
        if (filter.type() != null) {
            where.append(" and b.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.missionId() != null) {
            where.append(" and b.mission_id = :mission");
            params.put("mission", filter.missionId());
        }
        if (filter.institutionId() != null) {
            where.append(" and exists (select 1 from oversight_body_institution f"
                    + " where f.oversight_body = b.id and f.institution = :institution)");
            params.put("institution", filter.institutionId());
        }
        long total = jdbc.sql("select count(*) from oversight_body b" + where)
                .params(params)
                .query(Long.class)
                .single();
        // Both scope conditions use the same parameter names and values, so one set serves both.
        List<OversightBodySummary> items = jdbc.sql(
                        """
                        select b.id, b.name, b.type, b.country_code, b.mission_id, b.independent, b.established_on,
                               (select count(*) from oversight_body_institution l
                                  join institution oi on oi.id = l.institution
                                 where l.oversight_body = b.id and %s) as institution_count,
                               b.version
                          from oversight_body b
                        """.formatted(institutionScope.sql()) + where + " order by " + page.orderBy()
                                + ", b.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(OversightBodySummary.class)
                .list();
        return PageResponse.of(items, page, total);
    }

    /** The oversight body, if it exists and the current user's scope covers it. */
    public OversightBodyView get(long id) {
        return view(readable(id));
    }

    /** The oversight body for another module: empty when it does not exist or is outside the current scope. */
    public Optional<OversightBodyView> view(long id) {
        return findReadable(id).map(this::view);
    }

    /** Whether the oversight body exists and the current user may see it (background work sees all). */
    public boolean exists(long id) {
        return findReadable(id).isPresent();
    }

    @Transactional
    public OversightBodyView create(OversightBodyCommand command) {
        String country = Scoping.countryCode(command.countryCode());
        Validation v = validate(command, country);
        v.throwIfInvalid();
        Scoping.requireWritable(command.missionId(), country);
        OversightBody body = new OversightBody(command.name().strip(), command.type(), country);
        apply(body, command, Set.of());
        return view(bodies.save(body));
    }

    @Transactional
    public OversightBodyView update(long id, int expectedVersion, OversightBodyCommand command) {
        OversightBody body = readable(id);
        String country = Scoping.countryCode(command.countryCode());
        Validation v = validate(command, country);
        Set<Long> visible = new HashSet<>();
        visibleLinks(id).forEach(i -> visible.add(i.id()));
        Set<OversightBody.Oversees> hidden = new LinkedHashSet<>();
        for (OversightBody.Oversees link : body.institutions) {
            if (!visible.contains(link.institution())) {
                hidden.add(link);
            }
        }
        if (!hidden.isEmpty() && country != null && !country.equals(body.countryCode)) {
            v.coded(
                    "countryCode",
                    "the body oversees institutions of " + body.countryCode + " that you cannot change",
                    "oversight.validation.hiddenLinks",
                    body.countryCode);
        }
        v.throwIfInvalid();
        Scoping.requireWritable(command.missionId(), country);
        if (body.version != expectedVersion) {
            throw ConflictException.staleVersion("Oversight body", id);
        }
        body.name = command.name().strip();
        body.type = command.type();
        body.countryCode = country;
        body.institutions.clear();
        apply(body, command, hidden);
        return view(bodies.save(body));
    }

    @Transactional
    public void delete(long id, int expectedVersion) {
        OversightBody body = readable(id);
        if (body.version != expectedVersion) {
            throw ConflictException.staleVersion("Oversight body", id);
        }
        bodies.delete(body);
    }

    private OversightBody readable(long id) {
        return findReadable(id).orElseThrow(() -> new NotFoundException("Oversight body", id));
    }

    private Optional<OversightBody> findReadable(long id) {
        return bodies.findById(id).filter(b -> Scoping.readable(b.missionId, b.countryCode));
    }

    private Validation validate(OversightBodyCommand command, @Nullable String country) {
        Validation v = new Validation()
                .required("name", command.name())
                .maxLength("name", command.name(), 300)
                .required("type", command.type())
                .maxLength("mandate", command.mandate(), 4000)
                .required("independent", command.independent());
        Scoping.checkCountryAndMission(v, geography, missions, country, command.missionId());
        if (command.establishedOn() != null) {
            if (command.establishedOn().isAfter(LocalDate.now(clock))) {
                v.coded("establishedOn", "must not be in the future", "oversight.validation.future");
            }
            if (command.establishedOn().getYear() < 1800) {
                v.coded("establishedOn", "must be in 1800 or later", "oversight.validation.tooEarly");
            }
        }
        boolean countryOk = country != null && !v.hasProblem("countryCode");
        if (command.institutionIds() != null) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < command.institutionIds().size(); i++) {
                Long institutionId = command.institutionIds().get(i);
                String field = "institutionIds[" + i + "]";
                if (institutionId == null) {
                    v.coded(field, "is empty", "programme.validation.empty");
                    continue;
                }
                if (!seen.add(institutionId)) {
                    v.coded(
                            field,
                            "institution " + institutionId + " is listed twice",
                            "oversight.validation.institutionTwice");
                    continue;
                }
                Optional<InstitutionView> institution = institutions.view(institutionId);
                if (institution.isEmpty()) {
                    v.coded(
                            field,
                            "institution " + institutionId + " does not exist",
                            "institution.validation.notFound");
                } else if (countryOk && !institution.get().countryCode().equals(country)) {
                    v.coded(
                            field,
                            "institution " + institutionId + " is in "
                                    + institution.get().countryCode() + ", not " + country,
                            "oversight.validation.institutionOtherCountry",
                            institution.get().name(),
                            institution.get().countryCode(),
                            country);
                }
            }
        }
        return v;
    }

    private static void apply(OversightBody body, OversightBodyCommand command, Set<OversightBody.Oversees> kept) {
        body.missionId = command.missionId();
        body.mandate = Scoping.blankToNull(command.mandate());
        body.independent = Boolean.TRUE.equals(command.independent());
        body.establishedOn = command.establishedOn();
        body.institutions.addAll(kept);
        if (command.institutionIds() != null) {
            for (Long institutionId : command.institutionIds()) {
                body.institutions.add(new OversightBody.Oversees(institutionId));
            }
        }
    }

    private OversightBodyView view(OversightBody b) {
        List<OversightBodyView.OverseenInstitution> overseen = b.id == null ? List.of() : visibleLinks(b.id);
        return new OversightBodyView(
                b.id == null ? 0 : b.id,
                b.name,
                b.type,
                b.countryCode,
                b.missionId,
                b.mandate,
                b.independent,
                b.establishedOn,
                overseen.stream().map(OversightBodyView.OverseenInstitution::id).toList(),
                overseen,
                b.version);
    }

    /** The institutions the body oversees that the current user may see. */
    private List<OversightBodyView.OverseenInstitution> visibleLinks(long bodyId) {
        AccessScope.Filter scope = AccessScope.current().filter("i.mission_id", "i.country_code");
        return jdbc.sql("""
                        select i.id, i.name, i.acronym, i.pillar
                          from institution i join oversight_body_institution l on l.institution = i.id
                         where l.oversight_body = :body""" + " and " + scope.sql() + " order by i.name, i.id")
                .params(scope.params())
                .param("body", bodyId)
                .query(OversightBodyView.OverseenInstitution.class)
                .list();
    }
}
