package org.bluehelm.capacity;

import org.jspecify.annotations.Nullable;

/** A technical-assistance deliverable as the user gives it. */
public record DeliverableCommand(
        @Nullable String title,
        @Nullable DeliverableKind kind,
        @Nullable Long institutionId,
        @Nullable DeliverableStatus status) {}
