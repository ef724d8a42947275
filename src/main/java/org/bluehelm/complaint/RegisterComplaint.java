package org.bluehelm.complaint;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A report as the public sent it, before any check. */
public record RegisterComplaint(
        @Nullable String description,
        @Nullable String occurredOn,
        @Nullable String countryCode,
        @Nullable Long orgUnitId,
        @Nullable String institution,
        @Nullable String category,
        boolean anonymous,
        @Nullable String name,
        @Nullable String contact,
        List<Attachment> attachments) {

    public RegisterComplaint {
        attachments = List.copyOf(attachments);
    }

    /** A file sent with a report; its name is not kept. */
    public record Attachment(byte[] content) {}
}
