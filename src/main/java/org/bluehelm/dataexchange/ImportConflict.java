package org.bluehelm.dataexchange;

import org.jspecify.annotations.Nullable;

/**
 * One problem of an import: where it is ({@code line} is the line of a CSV file where the row
 * begins, counting the header and the lines of quoted values spanning several; the XLSX row
 * number; or the line of a JSON file where the value's entry begins), the field
 * ({@code dataElement}, {@code period}, {@code orgUnit}, {@code categoryOptionCombo},
 * {@code value}, {@code comment}, or {@code row} for the row as a whole), the text found and why
 * it was refused.
 */
public record ImportConflict(
        long line, String field, @Nullable String value, String message) {}
