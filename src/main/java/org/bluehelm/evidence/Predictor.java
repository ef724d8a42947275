package org.bluehelm.evidence;

import org.jspecify.annotations.Nullable;

/**
 * A synthetic-control predictor: the mean of {@code column} over the times from {@code from} to
 * {@code to} (inclusive); both null for the whole pre-treatment period. Written {@code COL},
 * {@code COL:1980-1988} or {@code COL:1975}.
 */
public record Predictor(
        String column, @Nullable String from, @Nullable String to) {

    public static Predictor parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return new Predictor(text.trim(), null, null);
        }
        String column = text.substring(0, colon).trim();
        Window window = Window.parse("predictor", text.substring(colon + 1));
        if (column.isEmpty()) {
            throw Refused.of("predictor", "'" + text + "' names no column", "evidence.validation.noColumn", text);
        }
        return new Predictor(column, window.from(), window.to());
    }

    public String label() {
        if (from == null) {
            return column;
        }
        return column + ":" + (from.equals(to) ? from : from + "-" + to);
    }

    /** A range of times {@code FROM-TO} or a single time. */
    public record Window(String from, String to) {

        public static Window parse(String field, String text) {
            String t = text.trim();
            // the separating dash is not the first character (a negative time) and splits two non-empty parts
            int dash = t.indexOf('-', 1);
            if (t.isEmpty()) {
                throw Refused.of(field, "the window is empty", "evidence.validation.emptyWindow");
            }
            if (dash < 0) {
                return new Window(t, t);
            }
            String from = t.substring(0, dash).trim();
            String to = t.substring(dash + 1).trim();
            if (from.isEmpty() || to.isEmpty()) {
                throw Refused.of(field, "'" + text + "' is not a window FROM-TO", "evidence.validation.window", text);
            }
            return new Window(from, to);
        }
    }
}
