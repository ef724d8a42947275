package org.bluehelm.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a conflicting edit changed: the field, the value the user typed and the value now stored. */
public record FieldChange(String field, String yours, String stored) {

    /**
     * Adds the field to {@code changes} when what the user typed and what is stored differ, once
     * both are read as text without surrounding blanks (the services store values stripped).
     */
    public static void addIfDifferent(
            List<FieldChange> changes, String field, @Nullable Object yours, @Nullable Object stored) {
        String a = yours == null ? "" : yours.toString().strip();
        String b = stored == null ? "" : stored.toString().strip();
        if (!a.equals(b)) {
            changes.add(new FieldChange(field, a, b));
        }
    }
}
