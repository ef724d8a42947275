package org.bluehelm.dataexchange;

import java.util.Locale;
import org.bluehelm.measurement.BulkValueService.WriteMode;
import org.bluehelm.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What an import does with values already stored (DHIS2's {@code importStrategy}): replace them
 * and create the new ones ({@code CREATE_AND_UPDATE}, the default), create only new values and
 * ignore the stored ones ({@code CREATE}), replace only stored values ({@code UPDATE}), or delete
 * the stored values the file lists ({@code DELETE}: a row's value may be left empty).
 */
public enum ImportStrategy {
    CREATE_AND_UPDATE,
    CREATE,
    UPDATE,
    DELETE;

    WriteMode mode() {
        return WriteMode.valueOf(name());
    }

    /** Also takes DHIS2's older names NEW_AND_UPDATES, NEW, UPDATES and DELETES. */
    public static ImportStrategy parse(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return CREATE_AND_UPDATE;
        }
        return switch (text.strip().toUpperCase(Locale.ROOT).replace('-', '_')) {
            case "CREATE_AND_UPDATE", "NEW_AND_UPDATES" -> CREATE_AND_UPDATE;
            case "CREATE", "NEW" -> CREATE;
            case "UPDATE", "UPDATES" -> UPDATE;
            case "DELETE", "DELETES" -> DELETE;
            default ->
                throw InvalidInputException.of(
                        field, "'" + text + "' is not a strategy: use CREATE_AND_UPDATE, CREATE, UPDATE or DELETE");
        };
    }
}
