package org.bluehelm.identity;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A user as administrators see it; never carries the password hash. */
public record UserView(
        long id,
        String username,
        String displayName,
        @Nullable String email,
        boolean enabled,
        boolean locked,
        List<Role> roles,
        List<ScopeEntry> scopes,
        OffsetDateTime createdAt,
        int version) {}
