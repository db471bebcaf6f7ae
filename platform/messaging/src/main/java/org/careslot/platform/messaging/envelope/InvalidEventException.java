package org.careslot.platform.messaging.envelope;

/**
 * A record that is not a valid event of the contract. Retrying cannot fix it, so consumers' error
 * handling sends it to the dead-letter topic at once.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
