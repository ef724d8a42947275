package org.bluehelm.capacity;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A mentoring session and the progress rating given at it (1 no progress ... 5 autonomous). */
public record SessionCommand(
        @Nullable LocalDate heldOn,
        @Nullable Integer rating,
        @Nullable String note) {}
