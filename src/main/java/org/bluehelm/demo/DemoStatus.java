package org.bluehelm.demo;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** Whether the demo dataset is in the database, and how many records it made. */
public record DemoStatus(
        String state,
        @Nullable OffsetDateTime changedAt,
        @Nullable String changedBy,
        long records) {}
