package org.bluehelm.dataexchange;

import org.jspecify.annotations.Nullable;

/**
 * One problem of an import: where it is ({@code line} is the CSV line counting the header, the
 * XLSX row number, or the index in the JSON {@code dataValues} array from 0), the field
 * ({@code dataElement}, {@code period}, {@code orgUnit}, {@code categoryOptionCombo},
 * {@code value}, {@code comment}, or {@code row} for the row as a whole), the text found and why
 * it was refused.
 */
public record ImportConflict(
        long line, String field, @Nullable String value, String message) {}
