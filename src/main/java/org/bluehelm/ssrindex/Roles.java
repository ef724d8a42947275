package org.bluehelm.ssrindex;

import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The roles of the signed-in user; background work (no signed-in user) may do everything. */
final class Roles {

    private Roles() {}

    static boolean current(String... roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return true;
        }
        return authentication.getAuthorities().stream()
                .anyMatch(a -> Arrays.stream(roles).anyMatch(r -> ("ROLE_" + r).equals(a.getAuthority())));
    }

    static String username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
