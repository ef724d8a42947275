package org.bluehelm.actor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bluehelm.geography.GeographyService;
import org.bluehelm.mission.MissionService;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.NotFoundException;
import org.bluehelm.shared.PageQuery;
import org.bluehelm.shared.PageResponse;
import org.bluehelm.shared.SearchText;
import org.bluehelm.shared.Validation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actors. A national actor is a record of its country, a mission component a record of its mission
 * (and of its host country when one is given), and the other international actors are shared
 * reference records: every signed-in user reads them, and an administrator or mission manager may
 * change them whatever their scope. Scoped actors are read and changed only within scope; outside
 * it they are not found.
 */
@Service
@Transactional(readOnly = true)
public class ActorService {

    static final Map<String, String> SORTS = Map.of(
            "name", "a.name",
            "acronym", "a.acronym",
            "category", "a.category",
            "type", "a.type",
            "country", "a.home_country",
            "id", "a.id");

    private static final Set<String> SHARED_RECORD_EDITORS = Set.of("ROLE_ADMIN", "ROLE_MISSION_MANAGER");

    private final ActorRepository actors;
    private final GeographyService geography;
    private final MissionService missions;
    private final JdbcClient jdbc;

    ActorService(ActorRepository actors, GeographyService geography, MissionService missions, JdbcClient jdbc) {
        this.actors = actors;
        this.geography = geography;
        this.missions = missions;
        this.jdbc = jdbc;
    }

    public PageResponse<ActorSummary> list(ActorFilter filter, PageQuery page) {
        AccessScope.Filter scope = AccessScope.current().filter("a.mission_id", "a.country_code");
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" and (lower(a.name) like :q or lower(a.acronym) like :q)");
            params.put("q", SearchText.containing(filter.search()));
        }
        if (filter.category() != null) {
            where.append(" and a.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.type() != null) {
            where.append(" and a.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.country() != null && !filter.country().isBlank()) {
            where.append(" and a.home_country = :country");
            params.put("country", countryCode(filter.country()));
        }
        if (filter.missionId() != null) {
            where.append(" and a.mission_id = :mission");
            params.put("mission", filter.missionId());
        }
        long total = jdbc.sql("select count(*) from actor a" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<ActorSummary> items = jdbc.sql(
                        """
                        select a.id, a.name, a.acronym, a.category, a.type, a.home_country as country_code,
                               a.mission_id, a.website, a.version
                          from actor a""" + where + " order by " + page.orderBy() + ", a.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ActorSummary.class)
                .list();
        return PageResponse.of(items, page, total);
    }

    /** The actor, if it exists and the current user may see it. */
    public ActorView get(long id) {
        return view(readable(id));
    }

    /** The actor for another module: empty when it does not exist or is outside the current scope. */
    public Optional<ActorView> view(long id) {
        return findReadable(id).map(ActorService::view);
    }

    /** Whether the actor exists and the current user may see it (background work sees all). */
    public boolean exists(long id) {
        return findReadable(id).isPresent();
    }

    @Transactional
    public ActorView create(ActorCommand command) {
        Resolved r = validate(command);
        requireWritable(r.scopeMission(), r.scopeCountry());
        Actor actor = new Actor(command.name().strip(), r.category(), r.type());
        apply(actor, command, r);
        return view(actors.save(actor));
    }

    @Transactional
    public ActorView update(long id, int expectedVersion, ActorCommand command) {
        Actor actor = readable(id);
        requireWritable(actor.missionId, actor.countryCode);
        Resolved r = validate(command);
        requireWritable(r.scopeMission(), r.scopeCountry());
        if (actor.version != expectedVersion) {
            throw ConflictException.staleVersion("Actor", id);
        }
        actor.name = command.name().strip();
        actor.category = r.category();
        actor.type = r.type();
        apply(actor, command, r);
        return view(actors.save(actor));
    }

    @Transactional
    public void delete(long id, int expectedVersion) {
        Actor actor = readable(id);
        requireWritable(actor.missionId, actor.countryCode);
        if (actor.version != expectedVersion) {
            throw ConflictException.staleVersion("Actor", id);
        }
        actors.delete(actor);
    }

    private Actor readable(long id) {
        return findReadable(id).orElseThrow(() -> new NotFoundException("Actor", id));
    }

    private Optional<Actor> findReadable(long id) {
        return actors.findById(id).filter(a -> AccessScope.current().canRead(a.missionId, a.countryCode));
    }

    /**
     * A shared record may be changed by an administrator or mission manager with any scope (and by
     * background work); a scoped one only by a user whose scope covers it.
     */
    private static void requireWritable(@Nullable Long scopeMission, @Nullable String scopeCountry) {
        if (scopeMission == null && scopeCountry == null) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null
                    && authentication.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .noneMatch(SHARED_RECORD_EDITORS::contains)) {
                throw new ForbiddenException("Only an administrator or mission manager may change shared actors");
            }
        } else if (!AccessScope.current().canRead(scopeMission, scopeCountry)) {
            throw new ForbiddenException(
                    scopeMission == null
                            ? "Your scope does not cover " + scopeCountry
                            : "Your scope does not cover mission " + scopeMission);
        }
    }

    /** The command's category, type and scope once every field has been checked. */
    private record Resolved(
            ActorCategory category,
            ActorType type,
            @Nullable String country,
            @Nullable Long scopeMission,
            @Nullable String scopeCountry) {}

    private Resolved validate(ActorCommand command) {
        Validation v = new Validation()
                .required("name", command.name())
                .maxLength("name", command.name(), 300)
                .maxLength("acronym", command.acronym(), 40)
                .required("type", command.type())
                .maxLength("description", command.description(), 4000)
                .maxLength("website", command.website(), 500);
        ActorType type = command.type();
        ActorCategory category =
                command.category() != null ? command.category() : type == null ? null : type.category();
        if (category == null) {
            v.coded("category", "is required: INTERNATIONAL or NATIONAL", "validation.required");
        } else if (type != null && type.category() != category) {
            v.coded(
                    "type",
                    type + " is an " + type.category() + " actor type, not " + category,
                    "actor.validation.typeCategory");
        }
        String country = countryCode(command.countryCode());
        if (country != null && !geography.countryExists(country)) {
            v.coded(
                    "countryCode",
                    "'" + country + "' is not a known ISO 3166 alpha-3 country code",
                    "actor.validation.unknownCountry",
                    country);
        }
        if (category == ActorCategory.NATIONAL && country == null) {
            v.coded("countryCode", "is required for a national actor", "actor.validation.countryForNational");
        }
        Long missionId = command.missionId();
        if (type == ActorType.MISSION_COMPONENT) {
            if (missionId == null) {
                v.coded("missionId", "is required for a mission component", "actor.validation.missionForComponent");
            } else if (!missions.exists(missionId)) {
                v.coded("missionId", "mission " + missionId + " does not exist", "actor.validation.missionNotFound");
            } else if (country != null
                    && !v.hasProblem("countryCode")
                    && !missions.hostCountries(Set.of(missionId)).contains(country)) {
                v.coded(
                        "countryCode",
                        "mission " + missionId + " is not hosted by " + country,
                        "actor.validation.missionNotHosted",
                        country);
            }
        } else if (missionId != null) {
            v.coded(
                    "missionId",
                    "only a MISSION_COMPONENT belongs to a mission",
                    "actor.validation.missionOnlyForComponent");
        }
        checkWebsite(v, command.website());
        v.throwIfInvalid();
        if (type == ActorType.MISSION_COMPONENT) {
            return new Resolved(category, type, country, missionId, country);
        }
        return new Resolved(category, type, country, null, category == ActorCategory.NATIONAL ? country : null);
    }

    private static void checkWebsite(Validation v, @Nullable String website) {
        if (website == null || website.isBlank()) {
            return;
        }
        try {
            URI uri = new URI(website.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                v.coded(
                        "website",
                        "must be an http or https address, e.g. https://www.example.org",
                        "actor.validation.website");
            }
        } catch (URISyntaxException e) {
            v.coded("website", "'" + website.strip() + "' is not a web address", "actor.validation.website");
        }
    }

    private static void apply(Actor actor, ActorCommand command, Resolved r) {
        actor.acronym = blankToNull(command.acronym());
        actor.homeCountry = r.country();
        actor.missionId = r.scopeMission();
        actor.countryCode = r.scopeCountry();
        actor.website = blankToNull(command.website());
        actor.description = blankToNull(command.description());
    }

    private static ActorView view(Actor a) {
        return new ActorView(
                a.id == null ? 0 : a.id,
                a.name,
                a.acronym,
                a.category,
                a.type,
                a.homeCountry,
                a.missionId,
                a.website,
                a.description,
                a.missionId == null && a.countryCode == null,
                a.version);
    }

    private static @Nullable String countryCode(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase(Locale.ROOT);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
