package org.bluehelm.outcome;

import org.jspecify.annotations.Nullable;

/** A country-year series a user uploads: what to call it, the source to cite, its unit, and the CSV text. */
public record UploadSeries(
        @Nullable String label,
        @Nullable String citation,
        @Nullable String unit,
        @Nullable String csv) {}
