package org.bluehelm.shared;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The pattern a list's free-text search ({@code q}) is matched with: the text as typed, anywhere in
 * a lower-cased field ({@code lower(name) like :q}), whatever its case.
 */
public final class SearchText {

    private SearchText() {}

    /**
     * The {@code LIKE} pattern finding the search anywhere: stripped, lower-cased, and with
     * {@code %}, {@code _} and {@code \} escaped by {@code \} (the default escape of {@code LIKE}
     * on PostgreSQL and H2), so that they match themselves: a search for "50%" finds what says
     * 50%, not everything.
     */
    public static String containing(String search) {
        String text = search.strip().toLowerCase(Locale.ROOT);
        StringBuilder pattern = new StringBuilder(text.length() + 8).append('%');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    /** {@link #containing}, or null when there is nothing to search for (no filter). */
    public static @Nullable String containingOrNull(@Nullable String search) {
        return search == null || search.isBlank() ? null : containing(search);
    }
}
