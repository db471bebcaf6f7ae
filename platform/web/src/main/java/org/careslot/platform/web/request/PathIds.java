package org.careslot.platform.web.request;

import org.careslot.platform.web.problem.ResourceNotFoundException;

import java.util.Optional;
import java.util.UUID;

/**
 * The one reading of UUIDs sent by clients. Only the canonical 8-4-4-4-12 hexadecimal form is a UUID
 * ({@link UUID#fromString} also takes "1-1-1-1-1"). An id in a path that is not a UUID cannot name anything, so it
 * answers 404 like an unknown id; in a body or query it is a field error (400), which {@code @Valid} and the
 * platform's problem handler produce for {@code UUID}-typed members.
 */
public final class PathIds {

    private PathIds() {
    }

    /** @throws ResourceNotFoundException naming {@code what} when {@code value} is not a canonical UUID */
    public static UUID parse(String value, String what) {
        return canonical(value).orElseThrow(() -> new ResourceNotFoundException(what));
    }

    /** A UUID in its canonical form, any letter case, surrounding blanks ignored; empty for anything else. */
    public static Optional<UUID> canonical(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
