package org.careslot.platform.messaging.envelope;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * The one JSON mapping of the event contract. It is deliberately separate from the web layer's mapper:
 * a service tweaking its REST JSON must not change what other systems receive on Kafka.
 *
 * <ul>
 *   <li>property names are snake_case ({@code doctorId} → {@code doctor_id});</li>
 *   <li>instants and dates are ISO-8601 strings;</li>
 *   <li>unknown properties are ignored when reading, because topics evolve additively.</li>
 * </ul>
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    /** The mapper, e.g. for schema tests of {@code data} objects. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** The aggregate state as it travels in {@code data}. */
    public static JsonNode toTree(Object data) {
        return MAPPER.valueToTree(data);
    }

    public static String write(EventEnvelope envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    /** @throws InvalidEventException when the text is not a CloudEvents 1.0 envelope of this contract */
    public static EventEnvelope parse(String json) {
        EventEnvelope envelope;
        try {
            envelope = MAPPER.readValue(json, EventEnvelope.class);
        } catch (JacksonException e) {
            throw new InvalidEventException("not an event envelope: " + e.getOriginalMessage(), e);
        }
        if (envelope == null) {
            throw new InvalidEventException("not an event envelope: empty document");
        }
        envelope.requireValid();
        return envelope;
    }

    public static EventEnvelope parse(byte[] json) {
        return parse(new String(json, StandardCharsets.UTF_8));
    }

    /** Reads {@code data} into a type (snake_case properties, unknown ones ignored). */
    public static <T> T dataAs(JsonNode data, Class<T> type) {
        try {
            return MAPPER.treeToValue(data, type);
        } catch (JacksonException e) {
            throw new InvalidEventException("data does not match " + type.getName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
