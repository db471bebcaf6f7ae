package org.careslot.platform.messaging.outbox;

import java.util.Optional;

/** The W3C {@code traceparent} of the current span, if any; stored with each outbox row. */
@FunctionalInterface
public interface TraceparentProvider {

    Optional<String> currentTraceparent();

    static TraceparentProvider none() {
        return Optional::empty;
    }
}
