package org.careslot.platform.messaging.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * One event as it travels on Kafka: a CloudEvents 1.0 envelope in structured JSON mode
 * (see docs/asyncapi.yaml and design/events.md). Absent optional attributes are omitted, not null.
 *
 * @param specversion     always {@value #SPEC_VERSION}
 * @param id              unique per event; consumers deduplicate on it
 * @param source          the producing service, {@code /<spring.application.name>}
 * @param type            e.g. {@code appointment.booked}
 * @param subject         the aggregate id (also the Kafka record key)
 * @param time            when the event was created (inside the producing transaction)
 * @param datacontenttype always {@value #DATA_CONTENT_TYPE}
 * @param dataschema      the schema id of {@code data}
 * @param sequence        the aggregate's version after the change; consumers drop anything not newer than
 *                        what they have
 * @param traceparent     W3C trace context of the producing request, when it was traced
 * @param data            the aggregate's full current state, snake_case
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema",
        "sequence", "traceparent", "data"})
public record EventEnvelope(
        String specversion,
        UUID id,
        String source,
        String type,
        @Nullable String subject,
        Instant time,
        String datacontenttype,
        @Nullable String dataschema,
        long sequence,
        @Nullable String traceparent,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** Kafka {@code content-type} header value for structured-mode CloudEvents. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /** A new event of this contract (spec version and content type filled in). */
    public static EventEnvelope create(UUID id, String source, String type, String subject, Instant time,
                                       @Nullable String dataschema, long sequence, @Nullable String traceparent,
                                       JsonNode data) {
        return new EventEnvelope(SPEC_VERSION, id, source, type, subject, time, DATA_CONTENT_TYPE, dataschema,
                sequence, traceparent, data);
    }

    public static EventEnvelope parse(String json) {
        return EventJson.parse(json);
    }

    public static EventEnvelope parse(byte[] json) {
        return EventJson.parse(json);
    }

    public String toJson() {
        return EventJson.write(this);
    }

    /** {@code data} read into a type whose properties are the camelCase form of the snake_case fields. */
    public <T> T dataAs(Class<T> type) {
        return EventJson.dataAs(data, type);
    }

    void requireValid() {
        if (!SPEC_VERSION.equals(specversion)) {
            throw new InvalidEventException("unsupported specversion: " + specversion);
        }
        if (id == null || source == null || source.isBlank() || type == null || type.isBlank()) {
            throw new InvalidEventException("envelope lacks id, source or type");
        }
        if (data == null || data.isNull()) {
            throw new InvalidEventException("envelope " + id + " has no data");
        }
    }
}
