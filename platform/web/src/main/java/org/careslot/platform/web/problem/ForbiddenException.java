package org.careslot.platform.web.problem;

import org.springframework.http.HttpStatus;

/** 403 — the caller is known but lacks the role for this action (for other users' resources answer 404 instead). */
public class ForbiddenException extends ApiProblemException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, detail);
    }
}
