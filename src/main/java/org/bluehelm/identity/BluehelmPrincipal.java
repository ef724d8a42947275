package org.bluehelm.identity;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.bluehelm.shared.AccessScope;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user: roles become {@code ROLE_*} authorities; the scope travels with them. */
record BluehelmPrincipal(
        long id,
        String username,
        String displayName,
        String passwordHash,
        boolean enabled,
        OffsetDateTime lockedUntilOrEpoch,
        List<Role> roles,
        AccessScope scope)
        implements UserDetails, AccessScope.ScopedPrincipal {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntilOrEpoch.isBefore(OffsetDateTime.now());
    }
}
