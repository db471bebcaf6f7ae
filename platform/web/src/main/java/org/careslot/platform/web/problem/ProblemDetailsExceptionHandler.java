package org.careslot.platform.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.careslot.platform.web.request.RequestBodyLimitFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every failure into RFC 9457 problem+json. Validation failures become 400 with an {@code errors}
 * map keyed by the snake_case field name; anything unexpected becomes a 500 that reveals nothing internal.
 */
@RestControllerAdvice
// before Boot's own ProblemDetailsExceptionHandler, which spring.mvc.problemdetails.enabled also registers (its
// auto-configuration runs first and does not see this one): otherwise Boot's would answer Spring MVC's exceptions
// without the 'errors' member
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblemException e, HttpServletRequest request) {
        ProblemDetail problem = problem(e.status(), e.getMessage(), request);
        if (e instanceof InvalidFieldsException invalid) {
            problem.setProperty("errors", invalid.errors());
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            errors.computeIfAbsent(FieldNames.toSnakeCase(field), k -> new ArrayList<>()).add(v.getMessage());
        });
        return badRequest(errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return badRequest(Map.of(e.getName(), List.of(FieldMessages.INVALID)), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, "You are not allowed to do this.", request));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(problem(HttpStatus.UNAUTHORIZED, "Authentication is required.", request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Quote the X-Trace-Id header when reporting it.", request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.computeIfAbsent(FieldNames.toSnakeCase(error.getField()), k -> new ArrayList<>())
                    .add(error.getDefaultMessage());
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> errors
                .computeIfAbsent("non_field_errors", k -> new ArrayList<>()).add(error.getDefaultMessage()));
        return withErrors(e, errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors
                    .computeIfAbsent(FieldNames.toSnakeCase(String.valueOf(name)), k -> new ArrayList<>())
                    .add(error.getDefaultMessage()));
        });
        return withErrors(e, errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return withErrors(e, Map.of(e.getParameterName(), List.of(FieldMessages.PARAMETER_REQUIRED)), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException) { // a chunked body past the limit
                return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                        cause.getMessage()), new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        if (e.getCause() instanceof IOException io) {
            // the connection failed while the body was read (not a client error in the body): the cause is what an
            // operator needs, and it names no part of the body
            log.warn("Request body of {} could not be read: {}", request.getDescription(false), io.toString());
        }
        // A body Jackson could not map: name the offending field when Jackson knows it.
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
            return withErrors(e, Map.of(field, List.of(FieldMessages.INVALID)), request);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getTargetType().isRecord()) {
            // valid JSON, but not the object a request record is read from (an array, a string, ...)
            return withErrors(e, Map.of("non_field_errors", List.of("Expected a JSON object.")), request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON.");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e,
                ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The upload is too large."),
                new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e,
                ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage()),
                headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
    }

    private ResponseEntity<Object> withErrors(Exception e, Map<String, List<String>> errors, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are invalid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private ResponseEntity<ProblemDetail> badRequest(Map<String, List<String>> errors, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Some fields are invalid.", request);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    static ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
