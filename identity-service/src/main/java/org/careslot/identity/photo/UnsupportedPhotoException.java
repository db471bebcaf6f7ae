package org.careslot.identity.photo;

import org.careslot.platform.web.problem.ApiProblemException;
import org.springframework.http.HttpStatus;

/** 415 (api.md: "wrong upload type"): the {@code file} part is not a JPEG or PNG by its content. */
class UnsupportedPhotoException extends ApiProblemException {

    static final String MESSAGE = "The file must be a JPEG or PNG image.";

    UnsupportedPhotoException() {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file: " + MESSAGE);
    }
}
