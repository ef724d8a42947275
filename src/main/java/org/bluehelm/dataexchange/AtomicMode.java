package org.bluehelm.dataexchange;

import java.util.Locale;
import org.bluehelm.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * DHIS2's {@code atomicMode}: {@code ALL} (the default) writes nothing when any row has a problem;
 * {@code NONE} writes the rows that passed and reports the others.
 */
public enum AtomicMode {
    ALL,
    NONE;

    public static AtomicMode parse(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "ALL" -> ALL;
            case "NONE" -> NONE;
            default -> throw InvalidInputException.of(field, "'" + text + "' is not an atomic mode: use ALL or NONE");
        };
    }
}
