package org.careslot.identity.photo;

import org.careslot.platform.web.problem.ApiProblemException;
import org.springframework.http.HttpStatus;

/**
 * 413 for a photo over {@link CheckedPhoto#MAX_BYTES}. Normally the multipart limit answers first (through
 * platform-web's handler of {@code MaxUploadSizeExceededException}); this is the photo's own limit in case that
 * service-wide limit is raised one day.
 */
class PhotoTooLargeException extends ApiProblemException {

    PhotoTooLargeException() {
        super(HttpStatus.CONTENT_TOO_LARGE, "The upload is too large: a photo may have at most 5 MB.");
    }
}
