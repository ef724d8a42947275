package org.bluehelm.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page of the browser UI needs, and its error pages: records not found or forbidden,
 * and input refused outside a form (a page number or sort key in the address), shown as a 400 page
 * that lists each problem by field in the user's language; so are the values of a form that do not
 * fit their fields where the page does not show its form again. REST controllers are answered first by
 * {@link ApiExceptionHandler}, which comes before this advice.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UiAdvice {

    private final MessageSource messages;

    UiAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return error(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden() {
        return error(HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, Locale locale) {
        return invalid(FormErrors.of(e, messages, locale));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        return invalid(
                FormErrors.of(new InvalidInputException(List.of(unfit(e.getName(), e.getValue()))), messages, locale));
    }

    /**
     * A form whose values do not fit their fields, on a page that does not show the form again
     * (its handler takes no {@code BindingResult}): a 400 page listing them.
     */
    @ExceptionHandler(BindException.class)
    ModelAndView unbound(BindException e, Locale locale) {
        List<FieldProblem> problems = e.getFieldErrors().stream()
                .map(f -> unfit(f.getField(), f.getRejectedValue()))
                .toList();
        return invalid(FormErrors.of(new InvalidInputException(problems), messages, locale));
    }

    private static FieldProblem unfit(String field, @Nullable Object value) {
        String text = String.valueOf(value);
        return new FieldProblem(field, "'" + text + "' is not a valid value", "validation.format", List.of(text));
    }

    private static ModelAndView invalid(Map<String, String> problems) {
        ModelAndView view = error(HttpStatus.BAD_REQUEST);
        view.addObject("problems", problems);
        return view;
    }

    private static ModelAndView error(HttpStatus status) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status.value());
        view.setStatus(status);
        return view;
    }
}
