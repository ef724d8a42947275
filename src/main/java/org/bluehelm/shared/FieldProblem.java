package org.bluehelm.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with one field (or, for imports, one line) of the input. {@code message} is the
 * English text the API returns; {@code code} and {@code args}, when set, let the web UI show the
 * same message in the user's language ({@code messages*.properties}).
 */
public record FieldProblem(
        String field, String message, @Nullable String code, List<Object> args) {

    public FieldProblem(String field, String message) {
        this(field, message, null, List.of());
    }

    public FieldProblem {
        args = List.copyOf(args);
    }
}
