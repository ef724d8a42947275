package org.bluehelm.complaint;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A reporter's identity as revealed to a staff member, with who revealed it and when. */
public record IdentityView(
        long complaintId,
        boolean anonymous,
        @Nullable String name,
        @Nullable String contact,
        String revealedBy,
        OffsetDateTime revealedAt) {}
