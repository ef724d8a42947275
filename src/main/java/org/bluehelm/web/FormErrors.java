package org.bluehelm.web;

import java.util.LinkedHashMap;
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
            String text = p.code() == null
                    ? p.message()
                    : messages.getMessage(p.code(), p.args().toArray(), p.message(), locale);
            errors.merge(p.field(), text, (a, b) -> a + "; " + b);
        }
        return errors;
    }
}
