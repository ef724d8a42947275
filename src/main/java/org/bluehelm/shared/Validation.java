package org.bluehelm.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Collects every problem with a command before anything is written, then throws them together.
 * Service methods start with one of these so that a failed request changes nothing.
 */
public final class Validation {

    private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");

    private final List<FieldProblem> problems = new ArrayList<>();

    public Validation required(String field, @Nullable Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            coded(field, "is required", "validation.required");
        }
        return this;
    }

    public Validation maxLength(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            coded(field, "must be at most " + max + " characters", "validation.maxLength", max);
        }
        return this;
    }

    public Validation iso3(String field, @Nullable String value) {
        if (value != null && !ISO3.matcher(value).matches()) {
            coded(
                    field,
                    "'" + value + "' is not an ISO 3166 alpha-3 code (three capital letters, e.g. LBR)",
                    "validation.iso3",
                    value);
        }
        return this;
    }

    public Validation datesInOrder(
            String startField, @Nullable LocalDate start, String endField, @Nullable LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            // the web UI names the start field by its label (field.<name>), in the user's language
            coded(endField, "must not be before " + startField, "validation.datesInOrder", label(startField));
        }
        return this;
    }

    public Validation notNegative(String field, @Nullable Number value) {
        if (value != null && new BigDecimal(value.toString()).signum() < 0) {
            coded(field, "must not be negative", "validation.notNegative");
        }
        return this;
    }

    public Validation between(String field, @Nullable Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            coded(field, "must be between " + min + " and " + max, "validation.between", min, max);
        }
        return this;
    }

    private static MessageSourceResolvable label(String field) {
        return new DefaultMessageSourceResolvable(new String[] {"field." + field}, field);
    }

    public Validation check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    public Validation add(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return this;
    }

    /** Adds a problem found elsewhere (a parser's, a value rule's), keeping its message code. */
    public Validation add(FieldProblem problem) {
        problems.add(problem);
        return this;
    }

    /** Adds a problem that the web UI can translate: {@code code} is a message key, {@code args} its arguments. */
    public Validation coded(String field, String message, String code, Object... args) {
        problems.add(new FieldProblem(field, message, code, List.of(args)));
        return this;
    }

    public boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /** Throws every problem found so far; does nothing when there is none. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
