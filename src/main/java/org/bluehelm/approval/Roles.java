package org.bluehelm.approval;

import java.util.Collection;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The roles of the signed-in user; background work (no signed-in user) may do everything. */
final class Roles {

    private Roles() {}

    static boolean current(Collection<String> roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return true;
        }
        return authentication.getAuthorities().stream()
                .anyMatch(a -> roles.stream().anyMatch(r -> ("ROLE_" + r).equals(a.getAuthority())));
    }
}
