package org.bluehelm.dataexchange;

import org.jspecify.annotations.Nullable;

/**
 * One data value as a file gives it, all text, before anything is checked; {@code problem} is set
 * when the row itself is malformed (e.g. a JSON entry that is not an object).
 */
record RawRow(
        long line,
        @Nullable String dataElement,
        @Nullable String period,
        @Nullable String orgUnit,
        @Nullable String categoryOptionCombo,
        @Nullable String value,
        @Nullable String comment,
        @Nullable String problem) {}
