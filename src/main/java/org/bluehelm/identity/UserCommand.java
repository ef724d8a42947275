package org.bluehelm.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an administrator sends to create or change a user; a null password keeps the current one. */
public record UserCommand(
        @Nullable String username,
        @Nullable String displayName,
        @Nullable String email,
        @Nullable String password,
        @Nullable Boolean enabled,
        @Nullable List<Role> roles,
        @Nullable List<ScopeEntry> scopes) {}
