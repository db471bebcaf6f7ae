package org.careslot.platform.messaging.consume;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sequence guard of consumers: remembers, per consumer, topic and aggregate, the newest {@code sequence}
 * applied, in the handler's transaction. Events carry the aggregate's full state, so an event whose sequence is
 * not newer than the remembered one is dropped (redelivery, reordering) and a service's own tables need no
 * "update only if newer" of their own.
 */
public class AggregateSequences {

    private final JdbcTemplate jdbc;

    public AggregateSequences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records {@code sequence} if it is newer than the one recorded. Either way the aggregate's row stays locked
     * until the transaction ends, so a concurrent delivery of the same aggregate waits and then sees the outcome.
     *
     * @return true when newer (apply the event), false when stale (drop it)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean advance(String consumer, String topic, String aggregateId, long sequence) {
        return jdbc.update("""
                        INSERT INTO aggregate_sequence (consumer, topic, aggregate_id, sequence) VALUES (?, ?, ?, ?)
                        ON CONFLICT (consumer, topic, aggregate_id) DO UPDATE
                            SET sequence = EXCLUDED.sequence, updated_at = now()
                            WHERE aggregate_sequence.sequence < EXCLUDED.sequence""",
                consumer, topic, aggregateId, sequence) == 1;
    }
}
