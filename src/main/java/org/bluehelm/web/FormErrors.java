package org.bluehelm.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.InvalidInputException;
import org.springframework.context.MessageSource;

/**
 * The problems of a refused form, by field, in the user's language: a problem with a message code
 * is translated from {@code messages*.properties}; one without keeps its English text.
 */
public final class FormErrors {

    private FormErrors() {}

    public static Map<String, String> of(InvalidInputException e, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            errors.merge(p.field(), text(p, messages, locale), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    /** One problem's text in the user's language (its English text when it has no message code). */
    public static String text(FieldProblem p, MessageSource messages, Locale locale) {
        return p.code() == null
                ? p.message()
                : messages.getMessage(p.code(), p.args().toArray(), p.message(), locale);
    }

    /**
     * The problems in the order given, each with its text in the user's language, for a page that
     * lists them (an import's lines) rather than showing them at the fields of a form.
     */
    public static List<FieldProblem> translated(List<FieldProblem> problems, MessageSource messages, Locale locale) {
        return problems.stream()
                .map(p -> new FieldProblem(p.field(), text(p, messages, locale), p.code(), p.args()))
                .toList();
    }
}
