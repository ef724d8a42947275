package org.bluehelm.dataexchange;

import org.jspecify.annotations.Nullable;

/**
 * One data value as a file gives it, all text, before anything is checked; {@code problem} is set
 * when the row itself is malformed (e.g. a JSON entry that is not an object); {@code decimalComma}
 * when the value may be written with a decimal comma and spaces between thousands (a CSV file
 * separated by semicolons, as Excel writes it in French: {@code 1 234,5}).
 */
record RawRow(
        long line,
        @Nullable String dataElement,
        @Nullable String period,
        @Nullable String orgUnit,
        @Nullable String categoryOptionCombo,
        @Nullable String value,
        @Nullable String comment,
        @Nullable String problem,
        boolean decimalComma) {

    /** A row whose value, if any, has a decimal point. */
    RawRow(
            long line,
            @Nullable String dataElement,
            @Nullable String period,
            @Nullable String orgUnit,
            @Nullable String categoryOptionCombo,
            @Nullable String value,
            @Nullable String comment,
            @Nullable String problem) {
        this(line, dataElement, period, orgUnit, categoryOptionCombo, value, comment, problem, false);
    }
}
