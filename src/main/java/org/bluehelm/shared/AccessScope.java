package org.bluehelm.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the current user may see: every record ({@code global}), or those of some missions and some
 * countries. A record belongs to a mission, a country, both or neither (neither means public
 * reference data). The rule, applied by {@link #canRead} and, in SQL, by {@link #filter}:
 *
 * <ul>
 *   <li>a record of a mission is visible to users scoped to that mission or to its country;
 *   <li>a record of a country and no mission is visible to users scoped to that country or to a
 *       mission hosted there;
 *   <li>a record of neither is visible to every signed-in user.
 * </ul>
 *
 * So a user scoped to UNOSOM I sees Somalia's institutions, but not a programme of UNOSOM II.
 */
public record AccessScope(
        String username,
        boolean global,
        Set<Long> missionIds,
        Set<String> countryCodes,
        Set<String> missionHostCountries) {

    /** Background work (start-up loading, the command line): sees everything. */
    public static final AccessScope SYSTEM = new AccessScope("system", true, Set.of(), Set.of(), Set.of());

    /** Someone not signed in: sees only public reference data. */
    public static final AccessScope NONE = new AccessScope("anonymous", false, Set.of(), Set.of(), Set.of());

    public AccessScope {
        missionIds = Set.copyOf(missionIds);
        countryCodes = Set.copyOf(countryCodes);
        missionHostCountries = Set.copyOf(missionHostCountries);
    }

    /** The scope of the user signed in on this thread; {@link #SYSTEM} when no request is being served. */
    public static AccessScope current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return SYSTEM;
        }
        if (authentication instanceof AnonymousAuthenticationToken) {
            return NONE;
        }
        if (authentication.getPrincipal() instanceof ScopedPrincipal principal) {
            return principal.scope();
        }
        return NONE;
    }

    public boolean canRead(@Nullable Long missionId, @Nullable String countryCode) {
        if (global || (missionId == null && countryCode == null)) {
            return true;
        }
        if (countryCode != null && countryCodes.contains(countryCode)) {
            return true;
        }
        if (missionId != null) {
            return missionIds.contains(missionId);
        }
        return missionHostCountries.contains(countryCode);
    }

    /** Whether a mission itself (not one of its records) is within scope, given its host countries. */
    public boolean coversMission(long missionId, Set<String> hostCountries) {
        return global
                || missionIds.contains(missionId)
                || hostCountries.stream().anyMatch(countryCodes::contains);
    }

    /**
     * The same rule as {@link #canRead} as an SQL condition over two column expressions that the
     * calling code names (never user input), with its named parameters.
     */
    public Filter filter(String missionColumn, String countryColumn) {
        if (global) {
            return new Filter("1 = 1", Map.of());
        }
        Map<String, Object> params = new HashMap<>();
        params.put("scopeMissions", missionIds.isEmpty() ? Set.of(-1L) : missionIds);
        params.put("scopeCountries", countryCodes.isEmpty() ? Set.of("-") : countryCodes);
        params.put("scopeHosts", missionHostCountries.isEmpty() ? Set.of("-") : missionHostCountries);
        String sql = "((" + missionColumn + " is null and " + countryColumn + " is null)"
                + " or " + countryColumn + " in (:scopeCountries)"
                + " or " + missionColumn + " in (:scopeMissions)"
                + " or (" + missionColumn + " is null and " + countryColumn + " in (:scopeHosts)))";
        return new Filter(sql, params);
    }

    /** An SQL condition and the named parameters it uses. */
    public record Filter(String sql, Map<String, Object> params) {}

    /** Implemented by the signed-in principal so that any module can read its scope. */
    public interface ScopedPrincipal {
        AccessScope scope();
    }
}
