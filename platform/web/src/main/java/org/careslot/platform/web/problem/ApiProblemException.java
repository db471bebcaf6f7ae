package org.careslot.platform.web.problem;

import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on, rendered as RFC 9457 problem+json by {@link ProblemDetailsExceptionHandler}.
 * Domain code throws the subclasses; it never builds HTTP responses itself.
 */
public abstract class ApiProblemException extends RuntimeException {

    private final HttpStatus status;

    protected ApiProblemException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
