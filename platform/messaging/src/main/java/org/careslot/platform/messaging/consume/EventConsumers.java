package org.careslot.platform.messaging.consume;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Hands out {@link EventHandlers} wired to this service's database: event ids in {@code processed_event},
 * aggregate sequences in {@code aggregate_sequence}, both in the handler's transaction. Auto-configured.
 */
public class EventConsumers {

    private final String consumer;
    private final ProcessedEvents processedEvents;
    private final AggregateSequences sequences;
    private final TransactionOperations transactions;

    /** @param consumer {@code careslot.messaging.consumer.name}, default {@code spring.application.name} */
    public EventConsumers(String consumer, ProcessedEvents processedEvents, AggregateSequences sequences,
                          TransactionOperations transactions) {
        this.consumer = consumer;
        this.processedEvents = processedEvents;
        this.sequences = sequences;
        this.transactions = transactions;
    }

    /** Declare a handler per event type with {@code on(...)}, then {@code build()}. */
    public EventHandlers.Builder handlers() {
        return EventHandlers.builder(consumer, processedEvents::markProcessed, sequences::advance, transactions);
    }
}
