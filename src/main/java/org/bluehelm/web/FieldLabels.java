package org.bluehelm.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns a field name from a validation error ({@code tasks[0].text}) into words a person reads in
 * the error summary: the message {@code field.tasks.text} when there is one, otherwise the name
 * itself split into words ("Tasks 1, text").
 */
@Component("fieldLabels")
public class FieldLabels {

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final MessageSource messages;

    FieldLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String label(String field) {
        Locale locale = LocaleContextHolder.getLocale();
        String key = "field." + INDEX.matcher(field).replaceAll("");
        String known = messages.getMessage(key, null, null, locale);
        Matcher m = INDEX.matcher(field);
        StringBuilder rows = new StringBuilder();
        while (m.find()) {
            rows.append(' ').append(Integer.parseInt(m.group(1)) + 1);
        }
        if (known != null) {
            return known + rows;
        }
        String words = INDEX.matcher(field)
                .replaceAll(r -> " " + (Integer.parseInt(r.group(1)) + 1))
                .replace(".", ", ")
                .replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(locale);
        return words.isEmpty() ? field : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
