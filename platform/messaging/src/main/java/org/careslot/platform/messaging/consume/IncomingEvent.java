package org.careslot.platform.messaging.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.careslot.platform.messaging.envelope.EventEnvelope;
import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A consumed event: the parsed envelope plus where it came from. Services receive it in their
 * {@link EventHandler}s; {@link EventHandlers} parses it, deduplicates and guards the sequence.
 *
 * @param key the record key (the aggregate id)
 */
public record IncomingEvent(String topic, int partition, long offset, @Nullable String key,
                            @Nullable String traceparentHeader, EventEnvelope envelope) {

    /**
     * Accepts {@code String} or {@code byte[]} values (Boot's default String deserializer or a byte-array one).
     *
     * @throws InvalidEventException for tombstones and anything that is not an envelope of the contract;
     *                               the platform's error handler dead-letters it without retrying
     */
    public static IncomingEvent from(ConsumerRecord<?, ?> record) {
        EventEnvelope envelope = switch (record.value()) {
            case String json -> EventEnvelope.parse(json);
            case byte[] json -> EventEnvelope.parse(json);
            case null -> throw new InvalidEventException("tombstone on " + record.topic() + " at offset " + record.offset());
            default -> throw new InvalidEventException("unsupported record value type "
                    + record.value().getClass().getName() + "; use a String or byte[] value deserializer");
        };
        Header traceparent = record.headers().lastHeader("traceparent");
        return new IncomingEvent(record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : String.valueOf(record.key()),
                traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8), envelope);
    }

    public UUID id() {
        return envelope.id();
    }

    public String type() {
        return envelope.type();
    }

    public long sequence() {
        return envelope.sequence();
    }

    public @Nullable String subject() {
        return envelope.subject();
    }

    public JsonNode data() {
        return envelope.data();
    }

    public <T> T dataAs(Class<T> type) {
        return envelope.dataAs(type);
    }
}
