package org.careslot.platform.messaging.outbox;

import org.careslot.platform.messaging.envelope.EventEnvelope;
import org.careslot.platform.messaging.envelope.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * Writes an event into the service's {@code outbox} table inside the caller's transaction, so the event
 * exists if and only if the state change commits. Nothing is sent to Kafka here: the relay streams
 * committed outbox rows from the WAL.
 */
public class OutboxPublisher {

    private final JdbcTemplate jdbc;
    private final String source;
    private final TraceparentProvider traceparents;
    private final Clock clock;
    private final Set<String> declaredTopics;
    private final boolean requireDeclaredTopics;

    public OutboxPublisher(JdbcTemplate jdbc, String source, TraceparentProvider traceparents, Clock clock,
                           Set<String> declaredTopics, boolean requireDeclaredTopics) {
        this.jdbc = jdbc;
        this.source = source;
        this.traceparents = traceparents;
        this.clock = clock;
        this.declaredTopics = Set.copyOf(declaredTopics);
        this.requireDeclaredTopics = requireDeclaredTopics;
    }

    /**
     * @return the envelope as it will appear on Kafka
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a transaction
     * @throws IllegalArgumentException when the topic is not declared under {@code careslot.messaging.topics}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope publish(OutgoingEvent event) {
        if (requireDeclaredTopics && !declaredTopics.contains(event.topic())) {
            throw new IllegalArgumentException("topic " + event.topic()
                    + " is not declared under careslot.messaging.topics; declared: " + declaredTopics);
        }
        String traceparent = traceparents.currentTraceparent().orElse(null);
        EventEnvelope envelope = EventEnvelope.create(UUID.randomUUID(), source, event.type(), event.aggregateId(),
                clock.instant(), event.dataschema(), event.sequence(), traceparent, EventJson.toTree(event.data()));
        jdbc.update("""
                        INSERT INTO outbox (id, aggregate_type, aggregate_id, type, payload, traceparent)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                envelope.id(), event.topic(), event.aggregateId(), event.type(), envelope.toJson(), traceparent);
        return envelope;
    }
}
