package org.bluehelm.complaint;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluehelm.shared.AccessScope;
import org.bluehelm.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may see and reveal which case. Administrators and mission managers see every case of their
 * scope (the case's country); a case officer sees, within scope, only the cases assigned to an
 * oversight body they belong to; nobody else sees any case. Identities are revealed by the case's
 * handler, the members of its assigned body and administrators. A case one may not see is "not
 * found", whatever the reason, so that its existence is not disclosed.
 */
@Component
class CaseAccess {

    private final JdbcClient jdbc;

    CaseAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The signed-in user as the case rules see them. */
    record Viewer(AccessScope scope, boolean admin, boolean manager, boolean officer, Set<Long> bodies) {

        String username() {
            return scope.username();
        }

        /** Sees the cases of the scope regardless of assignment (administrators and mission managers). */
        boolean seesAllInScope() {
            return admin || manager;
        }

        boolean seesAnyCase() {
            return admin || manager || officer;
        }
    }

    Viewer viewer(AccessScope scope) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || scope == AccessScope.SYSTEM) {
            return new Viewer(scope, true, false, false, Set.of()); // background work and the command line
        }
        Set<String> roles = new HashSet<>();
        for (GrantedAuthority a : authentication.getAuthorities()) {
            roles.add(a.getAuthority());
        }
        Set<Long> bodies =
                Set.copyOf(jdbc.sql("select oversight_body_id from oversight_body_member where username = :u")
                        .param("u", scope.username())
                        .query(Long.class)
                        .list());
        return new Viewer(
                scope,
                roles.contains("ROLE_ADMIN"),
                roles.contains("ROLE_MISSION_MANAGER"),
                roles.contains("ROLE_CASE_OFFICER"),
                bodies);
    }

    /**
     * The SQL condition (over {@code complaint c}) selecting the cases the viewer may see, adding its
     * parameters; throws "not found" when the viewer may see no case at all.
     */
    String condition(Viewer viewer, Map<String, Object> params) {
        if (!viewer.seesAnyCase()) {
            throw new NotFoundException("Complaint", "any");
        }
        String where = scopeCondition(viewer.scope(), params);
        if (viewer.seesAllInScope()) {
            return where;
        }
        params.put("memberBodies", viewer.bodies().isEmpty() ? List.of(-1L) : List.copyOf(viewer.bodies()));
        return "(" + where + " and c.oversight_body_id in (:memberBodies))";
    }

    /** Whether the viewer may see a case of this country assigned to this body. */
    boolean canSee(Viewer viewer, @Nullable String countryCode, @Nullable Long bodyId) {
        if (!viewer.seesAnyCase()) {
            return false;
        }
        AccessScope scope = viewer.scope();
        boolean inScope = scope.global()
                || (countryCode != null
                        && (scope.countryCodes().contains(countryCode)
                                || scope.missionHostCountries().contains(countryCode)));
        if (!inScope) {
            return false;
        }
        return viewer.seesAllInScope() || (bodyId != null && viewer.bodies().contains(bodyId));
    }

    /** Whether the viewer, who sees the case, may reveal identities in it. */
    boolean canReveal(Viewer viewer, @Nullable Long bodyId, @Nullable String handler) {
        return viewer.admin()
                || viewer.username().equals(handler)
                || (bodyId != null && viewer.bodies().contains(bodyId));
    }

    /** Complaints without a country are seen only by staff who see everything. */
    static String scopeCondition(AccessScope scope, Map<String, Object> params) {
        if (scope.global()) {
            return "1 = 1";
        }
        params.put("scopeCountries", scope.countryCodes().isEmpty() ? List.of("-") : List.copyOf(scope.countryCodes()));
        params.put(
                "scopeHosts",
                scope.missionHostCountries().isEmpty() ? List.of("-") : List.copyOf(scope.missionHostCountries()));
        return "(c.country_code in (:scopeCountries) or c.country_code in (:scopeHosts))";
    }
}
