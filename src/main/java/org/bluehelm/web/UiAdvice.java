package org.bluehelm.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Executable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.SimpleTypeConverter;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.Order;
import org.springframework.core.annotation.SynthesizingMethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page of the browser UI needs, and its error pages: records not found or forbidden,
 * and input refused outside a form (a page number or sort key in the address), shown as a 400 page
 * that lists each problem by field in the user's language (and, when the address itself has the
 * mistake, says so and links to the page without it); so are the values of a form that do not
 * fit their fields where the page does not show its form again. REST controllers are answered first by
 * {@link ApiExceptionHandler}, which comes before this advice.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UiAdvice {

    private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

    private final MessageSource messages;
    private final SimpleTypeConverter converter = new SimpleTypeConverter();

    /** The MVC conversions exist only with a web server (commands such as {@code import} start without one). */
    UiAdvice(MessageSource messages, @Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversions) {
        this.messages = messages;
        conversions.ifAvailable(this.converter::setConversionService);
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
    ModelAndView invalid(InvalidInputException e, Locale locale, HttpServletRequest request) {
        return invalid(FormErrors.of(e, messages, locale), request);
    }

    /**
     * A parameter of the address that does not convert to what the page takes: names it and every
     * other parameter of the same page that does not convert either, so that the user corrects them
     * at once (Spring stops at the first).
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, Locale locale, HttpServletRequest request) {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        problems.put(e.getName(), unfit(e.getName(), e.getValue()));
        Executable handler = e.getParameter().getExecutable();
        for (int i = 0; i < handler.getParameterCount(); i++) {
            MethodParameter parameter = SynthesizingMethodParameter.forExecutable(handler, i);
            parameter.initParameterNameDiscovery(PARAMETER_NAMES);
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation == null) {
                continue;
            }
            String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
            String[] values = name == null ? null : request.getParameterValues(name);
            if (name == null || values == null || problems.containsKey(name)) {
                continue;
            }
            Object value = values.length == 1 ? values[0] : values;
            try {
                converter.convertIfNecessary(value, parameter.getParameterType(), parameter);
            } catch (TypeMismatchException | IllegalArgumentException notConverted) {
                problems.put(name, unfit(name, String.join(",", values)));
            }
        }
        return invalid(
                FormErrors.of(new InvalidInputException(List.copyOf(problems.values())), messages, locale), request);
    }

    /**
     * A form whose values do not fit their fields, on a page that does not show the form again
     * (its handler takes no {@code BindingResult}): a 400 page listing them.
     */
    @ExceptionHandler(BindException.class)
    ModelAndView unbound(BindException e, Locale locale, HttpServletRequest request) {
        List<FieldProblem> problems = e.getFieldErrors().stream()
                .map(f -> unfit(f.getField(), f.getRejectedValue()))
                .toList();
        return invalid(FormErrors.of(new InvalidInputException(problems), messages, locale), request);
    }

    private static FieldProblem unfit(String field, @Nullable Object value) {
        String text = String.valueOf(value);
        return new FieldProblem(field, "'" + text + "' is not a valid value", "validation.format", List.of(text));
    }

    /**
     * The 400 page. A page asked for with a mistake in its address (a GET: nothing was submitted)
     * says so, and offers the same page without its query string: "back to the list" when the page
     * is a list (it takes a page number or sort key).
     */
    private static ModelAndView invalid(Map<String, String> problems, HttpServletRequest request) {
        ModelAndView view = error(HttpStatus.BAD_REQUEST);
        view.addObject("problems", problems);
        boolean address = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        view.addObject("addressMistake", address);
        // the parameters of a GET are those of its query string
        if (address
                && !problems.isEmpty()
                && problems.keySet().stream()
                        .allMatch(f -> request.getParameterMap().containsKey(f))) {
            view.addObject(
                    "withoutQuery",
                    request.getRequestURI().substring(request.getContextPath().length()));
            view.addObject("isList", isList(request));
        }
        return view;
    }

    private static boolean isList(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
            return false;
        }
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(PARAMETER_NAMES);
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            String name = annotation == null || annotation.name().isEmpty()
                    ? parameter.getParameterName()
                    : annotation.name();
            if (annotation != null && ("page".equals(name) || "sort".equals(name))) {
                return true;
            }
        }
        return false;
    }

    private static ModelAndView error(HttpStatus status) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status.value());
        view.setStatus(status);
        return view;
    }
}
