package org.careslot.platform.messaging.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.platform.messaging.envelope.EventEnvelope;
import org.careslot.platform.messaging.envelope.EventJson;
import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomingEventTest {

    record Thing(String thingId, int rooms) {
    }

    static final EventEnvelope ENVELOPE = EventEnvelope.create(UUID.randomUUID(), "/doctor-service", "doctor.updated",
            "doc-1", Instant.parse("2026-01-01T00:00:00Z"), null, 7, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            EventJson.toTree(Map.of("thing_id", "doc-1", "rooms", 2)));

    @Test
    void readsStringAndByteArrayValues() {
        ConsumerRecord<String, String> text = new ConsumerRecord<>("doctor.doctor.v1", 2, 41, "doc-1", ENVELOPE.toJson());
        text.headers().add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01"
                .getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> bytes = new ConsumerRecord<>("doctor.doctor.v1", 0, 5,
                "doc-1".getBytes(StandardCharsets.UTF_8), ENVELOPE.toJson().getBytes(StandardCharsets.UTF_8));

        IncomingEvent fromText = IncomingEvent.from(text);
        IncomingEvent fromBytes = IncomingEvent.from(bytes);

        assertThat(fromText.envelope()).isEqualTo(ENVELOPE);
        assertThat(fromText.id()).isEqualTo(ENVELOPE.id());
        assertThat(fromText.type()).isEqualTo("doctor.updated");
        assertThat(fromText.sequence()).isEqualTo(7);
        assertThat(fromText.subject()).isEqualTo("doc-1");
        assertThat(fromText.key()).isEqualTo("doc-1");
        assertThat(fromText.topic()).isEqualTo("doctor.doctor.v1");
        assertThat(fromText.partition()).isEqualTo(2);
        assertThat(fromText.offset()).isEqualTo(41);
        assertThat(fromText.traceparentHeader()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-b7ad6b7169203331-01");
        assertThat(fromText.dataAs(Thing.class)).isEqualTo(new Thing("doc-1", 2));
        assertThat(fromBytes.envelope()).isEqualTo(ENVELOPE);
        assertThat(fromBytes.traceparentHeader()).isNull();
    }

    @Test
    void tombstonesAndForeignValueTypesAreInvalidEvents() {
        assertThatThrownBy(() -> IncomingEvent.from(new ConsumerRecord<>("t.v1", 0, 3, "k", null)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("tombstone on t.v1 at offset 3");
        assertThatThrownBy(() -> IncomingEvent.from(new ConsumerRecord<>("t.v1", 0, 3, "k", 42)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> IncomingEvent.from(new ConsumerRecord<>("t.v1", 0, 3, "k", "{}")))
                .isInstanceOf(InvalidEventException.class);
    }
}
