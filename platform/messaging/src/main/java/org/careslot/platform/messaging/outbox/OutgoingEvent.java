package org.careslot.platform.messaging.outbox;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * What a service hands to {@link OutboxPublisher#publish(OutgoingEvent)}.
 *
 * @param topic       the Kafka topic, e.g. {@code booking.appointment.v1}; must be declared under
 *                    {@code careslot.messaging.topics}
 * @param aggregateId the aggregate's id: record key and CloudEvents {@code subject}
 * @param type        e.g. {@code appointment.booked}
 * @param sequence    the aggregate's version after this change
 * @param dataschema  the schema id of {@code data}
 * @param data        the aggregate's full current state; serialized with snake_case names (a record or
 *                    a map, not a JSON string)
 */
public record OutgoingEvent(String topic, String aggregateId, String type, long sequence,
                            @Nullable String dataschema, Object data) {

    public OutgoingEvent {
        requireText(topic, "topic");
        requireText(aggregateId, "aggregateId");
        requireText(type, "type");
        Objects.requireNonNull(data, "data");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
        if (data instanceof CharSequence) {
            throw new IllegalArgumentException("data must be an object (record or map), not a JSON string");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
