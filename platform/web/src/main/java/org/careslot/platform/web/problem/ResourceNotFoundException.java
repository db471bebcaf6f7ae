package org.careslot.platform.web.problem;

import org.springframework.http.HttpStatus;

/** 404 — also used for resources that exist but the caller may not see, so existence never leaks. */
public class ResourceNotFoundException extends ApiProblemException {

    public ResourceNotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, what + " not found");
    }
}
