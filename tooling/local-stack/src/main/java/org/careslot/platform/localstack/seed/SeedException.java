package org.careslot.platform.localstack.seed;

/** Seeding cannot go on: the message says what answered what. */
public final class SeedException extends RuntimeException {

    SeedException(String message) {
        super(message);
    }
}
