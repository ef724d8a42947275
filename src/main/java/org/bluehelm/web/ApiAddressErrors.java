package org.bluehelm.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests under {@code /api/} that no controller serves (an unknown address, a method the address
 * does not take) answered in {@code application/problem+json} like every other API error, with the
 * codes {@code not-found} and {@code method-not-allowed}. {@link ApiExceptionHandler} only sees
 * requests a REST controller took; these never reach one. Other addresses go on to the error page
 * of the browser UI.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiAddressErrors {

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> notFound(Exception e, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw e;
        }
        return ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "not-found", "The API has nothing at this address");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws Exception {
        if (!isApi(request)) {
            throw e;
        }
        Set<HttpMethod> allowed = e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
        String names = allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
        ResponseEntity<ProblemDetail> problem = ApiExceptionHandler.problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "method-not-allowed",
                "This address does not take " + request.getMethod() + (names.isEmpty() ? "" : "; it takes " + names));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .header(HttpHeaders.ALLOW, names)
                .body(problem.getBody());
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
