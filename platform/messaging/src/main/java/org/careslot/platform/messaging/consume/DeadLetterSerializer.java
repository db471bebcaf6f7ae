package org.careslot.platform.messaging.consume;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.careslot.platform.messaging.envelope.EventJson;

import java.nio.charset.StandardCharsets;

/**
 * Writes a dead letter's key and value back as they were consumed: raw bytes as is, strings as UTF-8,
 * anything a custom deserializer produced as JSON.
 */
public final class DeadLetterSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        return switch (data) {
            case null -> null;
            case byte[] bytes -> bytes;
            case Bytes bytes -> bytes.get();
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            default -> EventJson.mapper().writeValueAsBytes(data);
        };
    }
}
