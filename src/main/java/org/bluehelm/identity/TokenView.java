package org.bluehelm.identity;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A personal access token as listed: its name and first characters, never the secret. The secret
 * itself is in {@code token}, filled only in the answer to its creation.
 */
public record TokenView(
        long id,
        String name,
        String prefix,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime expiresAt,
        @Nullable OffsetDateTime lastUsedAt,
        @Nullable OffsetDateTime revokedAt,
        @Nullable String token) {}
