package org.bluehelm.identity;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

@Table("app_user")
class AppUser {

    @Id
    @Nullable
    Long id;

    String username;
    String displayName;

    @Nullable
    String email;

    String passwordHash;
    boolean enabled = true;
    int failedSignIns;

    @Nullable
    OffsetDateTime lockedUntil;

    OffsetDateTime createdAt;

    @Version
    int version;

    @MappedCollection(idColumn = "app_user")
    Set<RoleGrant> roles = new HashSet<>();

    @MappedCollection(idColumn = "app_user")
    Set<ScopeGrant> scopes = new HashSet<>();

    AppUser(
            String username,
            String displayName,
            @Nullable String email,
            String passwordHash,
            OffsetDateTime createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    @Table("user_role")
    record RoleGrant(Role role) {}

    @Table("user_scope")
    record ScopeGrant(ScopeType scopeType, String scopeValue) {}
}
