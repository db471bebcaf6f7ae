package org.careslot.platform.web.problem;

import org.springframework.http.HttpStatus;

/** 409 — duplicates, a taken slot, an illegal status change. */
public class ConflictException extends ApiProblemException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, detail);
    }
}
