package org.bluehelm.alert;

import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The roles of the signed-in user; background work (no signed-in user) may do everything. */
final class Roles {

    /** Who manages alert rules (within their scope). */
    static final String[] RULE_EDITORS = {"ADMIN", "MISSION_MANAGER", "DATA_STEWARD"};

    /** Who acknowledges alerts (within their scope): everyone but viewers. */
    static final String[] ACKNOWLEDGERS = {"ADMIN", "MISSION_MANAGER", "DATA_STEWARD", "PARTNER"};

    private Roles() {}

    static boolean current(String... roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return true;
        }
        return authentication.getAuthorities().stream()
                .anyMatch(a -> Arrays.stream(roles).anyMatch(r -> ("ROLE_" + r).equals(a.getAuthority())));
    }
}
