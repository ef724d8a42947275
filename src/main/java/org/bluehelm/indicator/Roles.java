package org.bluehelm.indicator;

import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The roles of the signed-in user, for the few rules that depend on a role rather than on the scope. */
final class Roles {

    private Roles() {}

    /** Whether the user has one of the roles; background work (no signed-in user) may do everything. */
    static boolean current(String... roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return true;
        }
        return authentication.getAuthorities().stream()
                .anyMatch(a -> Arrays.stream(roles).anyMatch(r -> ("ROLE_" + r).equals(a.getAuthority())));
    }
}
