package org.careslot.platform.messaging.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.StringUtils;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way to consume events: handlers declared per event type, and for every record the same steps —
 * <ol>
 *   <li>parse the envelope ({@link InvalidEventException} for anything that is not an event of the contract);</li>
 *   <li>skip a type no handler is declared for (logged; topics evolve additively);</li>
 *   <li>bind {@code data} to the handler's record ({@link InvalidEventException} when it does not fit);</li>
 *   <li>in one transaction: skip an event processed before (event id), skip an event whose {@code sequence} is not
 *       newer than the last one applied for its aggregate, run the handler.</li>
 * </ol>
 * The event id, the aggregate's sequence and the handler's changes commit together or not at all. Build one with
 * {@link EventConsumers#handlers()} and call {@link #handle} from a {@code @KafkaListener}:
 *
 * <pre>{@code
 * @Component
 * class IdentityUserListener {
 *     private final EventHandlers handlers;
 *
 *     IdentityUserListener(EventConsumers consumers, KnownUsers users) {
 *         this.handlers = consumers.handlers()
 *                 .on("user.registered", UserSnapshot.class, (user, event) -> users.apply(user, event.sequence()))
 *                 .on("user.updated", UserSnapshot.class, (user, event) -> users.apply(user, event.sequence()))
 *                 .build();
 *     }
 *
 *     @KafkaListener(topics = "identity.user.v1")
 *     void on(ConsumerRecord<String, String> record) {
 *         handlers.handle(record);
 *     }
 * }
 * }</pre>
 */
public final class EventHandlers {

    /** What happened to a record. */
    public enum Outcome {
        /** the handler ran and its transaction committed */
        APPLIED,
        /** this consumer processed the event (same id) before */
        DUPLICATE,
        /** the event's sequence is not newer than the last one applied for its aggregate */
        STALE,
        /** no handler is declared for the event's type */
        UNKNOWN_TYPE
    }

    /** Records an event id for a consumer; false when it was recorded before. */
    @FunctionalInterface
    public interface Deduplication {
        boolean firstDelivery(UUID eventId, String consumer);
    }

    /** Records an aggregate's sequence for a consumer; false when it is not newer than the recorded one. */
    @FunctionalInterface
    public interface SequenceGuard {
        boolean advance(String consumer, String topic, String aggregateId, long sequence);
    }

    private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);

    private final String consumer;
    private final Map<String, Route<?>> routes;
    private final Deduplication deduplication;
    private final SequenceGuard sequences;
    private final TransactionOperations transactions;
    private final Set<String> reportedUnknownTypes = ConcurrentHashMap.newKeySet();

    private EventHandlers(Builder builder) {
        this.consumer = builder.consumer;
        this.routes = Map.copyOf(builder.routes);
        this.deduplication = builder.deduplication;
        this.sequences = builder.sequences;
        this.transactions = builder.transactions;
    }

    /**
     * A builder over any deduplication, sequence guard and transactions; services get theirs, wired to the
     * database, from {@link EventConsumers#handlers()}.
     */
    public static Builder builder(String consumer, Deduplication deduplication, SequenceGuard sequences,
                                  TransactionOperations transactions) {
        return new Builder(consumer, deduplication, sequences, transactions);
    }

    /** The name under which event ids and sequences are recorded. */
    public String consumer() {
        return consumer;
    }

    /**
     * Handles one record (String or byte[] value).
     *
     * @throws InvalidEventException when the record is not an event of the contract or its data does not fit
     *                               the handler's record: dead-lettered without retries
     */
    public Outcome handle(ConsumerRecord<?, ?> record) {
        IncomingEvent event = IncomingEvent.from(record);
        Route<?> route = routes.get(event.type());
        if (route == null) {
            if (reportedUnknownTypes.add(event.type())) {
                log.info("{}: skipping events of type {} on {} (no handler declared)", consumer, event.type(),
                        event.topic());
            }
            log.debug("{}: skipped event {} of unknown type {}", consumer, event.id(), event.type());
            return Outcome.UNKNOWN_TYPE;
        }
        String aggregateId = aggregateId(event);
        Runnable apply = route.bind(event);
        Outcome outcome = transactions.execute(status -> {
            if (!deduplication.firstDelivery(event.id(), consumer)) {
                return Outcome.DUPLICATE;
            }
            if (!sequences.advance(consumer, event.topic(), aggregateId, event.sequence())) {
                return Outcome.STALE;
            }
            apply.run();
            return Outcome.APPLIED;
        });
        log.debug("{}: event {} ({} of {}, sequence {}): {}", consumer, event.id(), event.type(), aggregateId,
                event.sequence(), outcome);
        return outcome;
    }

    private static String aggregateId(IncomingEvent event) {
        if (StringUtils.hasText(event.subject())) {
            return event.subject();
        }
        if (StringUtils.hasText(event.key())) {
            return event.key();
        }
        throw new InvalidEventException("event " + event.id() + " names no aggregate (neither subject nor key)");
    }

    private record Route<T>(Class<T> dataType, EventHandler<T> handler) {

        /** Binds now (outside the transaction), applies later. */
        Runnable bind(IncomingEvent event) {
            T data = event.dataAs(dataType);
            if (data == null) {
                throw new InvalidEventException("event " + event.id() + " has no data for " + dataType.getName());
            }
            return () -> handler.handle(data, event);
        }
    }

    public static final class Builder {

        private String consumer;
        private final Deduplication deduplication;
        private final SequenceGuard sequences;
        private final TransactionOperations transactions;
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();

        private Builder(String consumer, Deduplication deduplication, SequenceGuard sequences,
                        TransactionOperations transactions) {
            this.consumer = requireText(consumer, "consumer");
            this.deduplication = Objects.requireNonNull(deduplication, "deduplication");
            this.sequences = Objects.requireNonNull(sequences, "sequences");
            this.transactions = Objects.requireNonNull(transactions, "transactions");
        }

        /**
         * Another name than the service's consumer name: needed only when several handler sets of one service
         * consume the same topic, so that one's progress does not make the others skip events.
         */
        public Builder named(String consumer) {
            this.consumer = requireText(consumer, "consumer");
            return this;
        }

        /** Events of {@code type} have their {@code data} bound to {@code dataType} and passed to {@code handler}. */
        public <T> Builder on(String type, Class<T> dataType, EventHandler<T> handler) {
            requireText(type, "type");
            Route<T> route = new Route<>(Objects.requireNonNull(dataType, "dataType"),
                    Objects.requireNonNull(handler, "handler"));
            if (routes.putIfAbsent(type, route) != null) {
                throw new IllegalArgumentException("a handler for " + type + " is declared already");
            }
            return this;
        }

        public EventHandlers build() {
            if (routes.isEmpty()) {
                throw new IllegalStateException("no handler declared");
            }
            return new EventHandlers(this);
        }

        private static String requireText(String value, String name) {
            if (!StringUtils.hasText(value)) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
