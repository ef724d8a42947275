package org.bluehelm.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * How a page handles one submitted form: values that do not fit their field, or a service that
 * refuses the input, put the problems by field in the model and show the form again; a stale
 * version does the same where the page says how to show it; otherwise the save step decides where
 * to go (usually a redirect with a flash message).
 *
 * <pre>{@code
 * return FormFlow.of(messages, model)
 *         .binding(binding, "lesson.validation.format")
 *         .submit(() -> {
 *             LessonView created = lessons.create(form.command());
 *             redirect.addFlashAttribute("flash", "flash.saved");
 *             return "redirect:/lessons/" + created.id();
 *         }, () -> form(form, null, model));
 * }</pre>
 */
public final class FormFlow {

    private final MessageSource messages;
    private final Model model;
    private @Nullable BindingResult binding;
    private String formatCode = "";
    private String errorsAttribute = "errors";
    private @Nullable Runnable onConflict;
    private UnaryOperator<Map<String, String>> errorsMapping = UnaryOperator.identity();

    private FormFlow(MessageSource messages, Model model) {
        this.messages = messages;
        this.model = model;
    }

    /** A submission whose problems go to the model attribute {@code errors}. */
    public static FormFlow of(MessageSource messages, Model model) {
        return new FormFlow(messages, model);
    }

    /**
     * Refuses the form before saving when a value could not be bound to its field (a select
     * tampered with, a date that does not exist); each such field gets the message {@code
     * formatCode} with the rejected value ({@code validation.format} fits any form).
     */
    public FormFlow binding(BindingResult binding, String formatCode) {
        this.binding = binding;
        this.formatCode = formatCode;
        return this;
    }

    /** Puts the problems in the model attribute {@code attribute} instead of {@code errors}. */
    public FormFlow errorsAs(String attribute) {
        this.errorsAttribute = attribute;
        return this;
    }

    /**
     * Passes the problems through {@code mapping} before they reach the model: for a form whose
     * service reports fields under other names than the inputs (a list of scopes built from several
     * inputs).
     */
    public FormFlow errorsMapped(UnaryOperator<Map<String, String>> mapping) {
        this.errorsMapping = mapping;
        return this;
    }

    /** On a stale version, runs {@code onConflict} (which fills the model) and shows the form again. */
    public FormFlow onConflict(Runnable onConflict) {
        this.onConflict = onConflict;
        return this;
    }

    /** On a stale version, shows the form again with the message {@code messageCode} on the field version. */
    public FormFlow conflictAs(String messageCode) {
        return onConflict(() -> model.addAttribute(errorsAttribute, Map.of("version", text(messageCode))));
    }

    /**
     * Runs {@code save} and returns its view unless the form is refused; then returns the view of
     * {@code reshow}, with the problems in the model. A stale version the page did not plan for
     * goes on to the error handling of the application.
     */
    public String submit(Supplier<String> save, Supplier<String> reshow) {
        if (binding != null && binding.hasErrors()) {
            model.addAttribute(errorsAttribute, errorsMapping.apply(bindingErrors(binding)));
            return reshow.get();
        }
        try {
            return save.get();
        } catch (InvalidInputException e) {
            model.addAttribute(
                    errorsAttribute, errorsMapping.apply(FormErrors.of(e, messages, LocaleContextHolder.getLocale())));
        } catch (ConflictException e) {
            if (onConflict == null) {
                throw e;
            }
            onConflict.run();
        }
        return reshow.get();
    }

    private Map<String, String> bindingErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.put(
                    error.getField(),
                    messages.getMessage(
                            formatCode,
                            new Object[] {error.getRejectedValue()},
                            "is not valid",
                            LocaleContextHolder.getLocale()));
        }
        return errors;
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }
}
