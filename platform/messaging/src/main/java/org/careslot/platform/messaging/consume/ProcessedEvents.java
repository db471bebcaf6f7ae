package org.careslot.platform.messaging.consume;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Remembers which events a consumer has handled, in the same transaction as the consumer's own state
 * change: the event id is recorded if and only if the change commits, so a redelivered event is
 * recognised and skipped. Concurrent deliveries of one event serialise on the primary key: the second
 * waits for the first transaction and then sees the row. Services use it through {@link EventHandlers}.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;
    private final String defaultConsumer;

    public ProcessedEvents(JdbcTemplate jdbc, String defaultConsumer) {
        this.jdbc = jdbc;
        this.defaultConsumer = defaultConsumer;
    }

    /**
     * Records the event for this service's consumer name ({@code careslot.messaging.consumer.name}, default
     * {@code spring.application.name}).
     *
     * @return true the first time, false if the event was processed before (skip it)
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markProcessed(UUID eventId) {
        return markProcessed(eventId, defaultConsumer);
    }

    /**
     * For a service with several independent handlers of the same topic: each passes its own name, so
     * one handler's success does not make the others skip the event.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markProcessed(UUID eventId, String consumer) {
        return jdbc.update("INSERT INTO processed_event (event_id, consumer) VALUES (?, ?) ON CONFLICT DO NOTHING",
                eventId, consumer) == 1;
    }
}
