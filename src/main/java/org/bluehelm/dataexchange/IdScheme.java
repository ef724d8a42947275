package org.bluehelm.dataexchange;

import java.util.Locale;
import org.bluehelm.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** How a file names indicators (DHIS2's data elements) and organisation units: by code or by id. */
public enum IdScheme {
    CODE,
    ID;

    /** {@code CODE} (the default when blank) or {@code ID}; DHIS2's {@code UID} means the id here. */
    public static IdScheme parse(String field, @Nullable String text, IdScheme fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "CODE" -> CODE;
            case "ID", "UID" -> ID;
            default -> throw InvalidInputException.of(field, "'" + text + "' is not an id scheme: use CODE or ID");
        };
    }
}
