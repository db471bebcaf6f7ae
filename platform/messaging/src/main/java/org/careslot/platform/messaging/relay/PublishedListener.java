package org.careslot.platform.messaging.relay;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** Told of each outbox event Kafka acknowledged (metrics). Called on the relay's engine thread: keep it cheap. */
@FunctionalInterface
public interface PublishedListener {

    /**
     * @param topic       the Kafka topic
     * @param committedAt when the outbox row's transaction committed in PostgreSQL (the change event's source
     *                    offset {@code ts_usec}), or null when the record does not say
     * @param acknowledgedAt when Kafka's acknowledgement of the batch was seen
     */
    void published(String topic, @Nullable Instant committedAt, Instant acknowledgedAt);
}
