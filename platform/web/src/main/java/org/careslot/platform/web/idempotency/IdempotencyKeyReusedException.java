package org.careslot.platform.web.idempotency;

import org.careslot.platform.web.problem.ApiProblemException;
import org.springframework.http.HttpStatus;

/** 422: the caller sent an Idempotency-Key again, but with a different request. */
public class IdempotencyKeyReusedException extends ApiProblemException {

    public IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT,
                "This Idempotency-Key was already used for a different request; use a new key for a new request.");
    }
}
