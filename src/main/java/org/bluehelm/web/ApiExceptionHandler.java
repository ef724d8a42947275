package org.bluehelm.web;

import java.lang.reflect.ParameterizedType;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bluehelm.shared.ConflictException;
import org.bluehelm.shared.FieldProblem;
import org.bluehelm.shared.ForbiddenException;
import org.bluehelm.shared.InvalidInputException;
import org.bluehelm.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure of a REST controller into {@code application/problem+json} with a stable
 * {@code code} and, for bad input, the list of {@code errors} by field. Never exposes exception
 * text from the framework or the database. Comes before {@link UiAdvice}, whose
 * {@code @Controller} selection also matches REST controllers.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** Parameters that name a record by its id (indicator, orgUnit, programme...). */
    private static final Set<String> IDENTIFIERS =
            Set.of("id", "indicator", "orgUnit", "programme", "mission", "institution", "within", "unit");

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return invalid(e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.code(), e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
        return problem(
                HttpStatus.CONFLICT,
                "stale-version",
                "The record was changed by someone else since you read it; reload it and apply your change again");
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "duplicate", "A record with the same key already exists");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("Integrity violation: {}", e.getMostSpecificCause().getMessage());
        return problem(
                HttpStatus.CONFLICT,
                "integrity",
                "The change would break a reference between records (it is used elsewhere, or refers to a missing record)");
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new FieldProblem(e.getName(), "'" + e.getValue() + "' " + expected(e))));
    }

    /**
     * What a parameter takes, said so that a user can correct it (ids are numbers, dates ISO); for
     * a list, what each of its items takes.
     */
    private static String expected(MethodArgumentTypeMismatchException e) {
        Class<?> declared = e.getParameter().getParameterType();
        boolean list = Collection.class.isAssignableFrom(declared) || declared.isArray();
        Class<?> type = list ? itemType(e) : declared;
        String what;
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            what = IDENTIFIERS.contains(e.getName()) || e.getName().endsWith("Id")
                    ? "a whole number: give the id, not the code"
                    : "a whole number";
        } else if (type == LocalDate.class) {
            what = "a date (yyyy-mm-dd)";
        } else if (type == Boolean.class || type == boolean.class) {
            what = "true or false";
        } else if (type != null && type.isEnum()) {
            what = "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        } else {
            return "has the wrong type";
        }
        return "is not " + what + (list ? " (or a comma-separated list of them)" : "");
    }

    private static @Nullable Class<?> itemType(MethodArgumentTypeMismatchException e) {
        Class<?> declared = e.getParameter().getParameterType();
        if (declared.isArray()) {
            return declared.getComponentType();
        }
        return e.getParameter().getGenericParameterType() instanceof ParameterizedType p
                        && p.getActualTypeArguments()[0] instanceof Class<?> item
                ? item
                : null;
    }

    /** A refusal with a status and a reason written for the user (e.g. "format must be csv or xlsx"). */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> refused(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        String code = status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return problem(status, code, e.getReason() != null ? e.getReason() : status.getReasonPhrase());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Something went wrong on our side; the error has been logged");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(
                        f.getField(), f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(problems).getBody());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof DatabindException databind
                && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            return ResponseEntity.badRequest()
                    .body(invalid(List.of(new FieldProblem(field, "has a value of the wrong type or form")))
                            .getBody());
        }
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "malformed-request", "The request body is not valid JSON")
                        .getBody());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail detail = body instanceof ProblemDetail pd ? pd : ProblemDetail.forStatus(statusCode);
        if (detail.getProperties() == null || !detail.getProperties().containsKey("code")) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            detail.setProperty(
                    "code",
                    status == null
                            ? "http-" + statusCode.value()
                            : status.name().toLowerCase().replace('_', '-'));
        }
        return ResponseEntity.status(statusCode).headers(headers).body(detail);
    }

    private ResponseEntity<ProblemDetail> invalid(List<FieldProblem> problems) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                problems.size() == 1
                        ? problems.get(0).field() + " " + problems.get(0).message()
                        : problems.size() + " fields are invalid");
        detail.setTitle("Invalid input");
        detail.setType(URI.create("urn:bluehelm:problem:invalid-input"));
        detail.setProperty("code", "invalid-input");
        detail.setProperty(
                "errors",
                problems.stream()
                        .map(p -> Map.of("field", p.field(), "message", p.message()))
                        .toList());
        return ResponseEntity.badRequest().body(detail);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String message) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message);
        detail.setType(URI.create("urn:bluehelm:problem:" + code));
        detail.setProperty("code", code);
        return ResponseEntity.status(status).body(detail);
    }
}
