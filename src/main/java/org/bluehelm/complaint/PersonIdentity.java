package org.bluehelm.complaint;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A person's identity as revealed to a staff member, with who revealed it and when. */
public record PersonIdentity(
        long personId,
        PersonRole role,
        @Nullable String name,
        @Nullable String contact,
        String revealedBy,
        OffsetDateTime revealedAt) {}
