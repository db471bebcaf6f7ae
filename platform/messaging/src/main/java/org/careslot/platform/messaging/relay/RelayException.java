package org.careslot.platform.messaging.relay;

/** The relay could not hand events to Kafka; the engine stops and restarts from its last offset. */
public class RelayException extends RuntimeException {

    public RelayException(String message, Throwable cause) {
        super(message, cause);
    }
}
