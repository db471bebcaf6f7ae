package org.careslot.identity.user.keycloak;

import org.careslot.platform.web.problem.ApiProblemException;
import org.springframework.http.HttpStatus;

/** Keycloak did not answer (or answered with a server error): the request changed nothing; retry later. */
public class IdentityProviderUnavailableException extends ApiProblemException {

    public IdentityProviderUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "The identity provider is unavailable. Nothing was changed; please retry.");
        initCause(cause);
    }
}
