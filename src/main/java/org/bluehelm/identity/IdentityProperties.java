package org.bluehelm.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code bluehelm.admin.*}: the first administrator's password ({@code BLUEHELM_ADMIN_PASSWORD}). */
@ConfigurationProperties("bluehelm.admin")
record IdentityProperties(@Nullable String password) {

    @Nullable
    String adminPassword() {
        return password;
    }
}
