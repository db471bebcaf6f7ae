package org.careslot.doctor.profile.api;

import org.careslot.platform.web.problem.ResourceNotFoundException;

import java.util.UUID;

/** Ids in paths: something that is not a UUID cannot name anything, so it is a 404 like an unknown id. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException(what);
        }
    }
}
