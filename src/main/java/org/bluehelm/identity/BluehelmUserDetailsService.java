package org.bluehelm.identity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class BluehelmUserDetailsService implements UserDetailsService {

    private static final OffsetDateTime EPOCH = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final UserService userService;

    BluehelmUserDetailsService(UserService userService) {
        this.userService = userService;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = userService
                .repository()
                .findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return principalOf(user);
    }

    BluehelmPrincipal principalOf(AppUser user) {
        return new BluehelmPrincipal(
                user.id == null ? 0 : user.id,
                user.username,
                user.displayName,
                user.passwordHash,
                user.enabled,
                user.lockedUntil == null ? EPOCH : user.lockedUntil,
                user.roles.stream().map(AppUser.RoleGrant::role).sorted().toList(),
                userService.scopeOf(user));
    }
}
