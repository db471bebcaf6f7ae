package org.careslot.platform.messaging.relay;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.careslot.platform.messaging.envelope.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping of one routed outbox record (as Debezium's EventRouter emits it) to a Kafka record. */
class KafkaForwarderTest {

    static SourceRecord routed(String topic, Object key, Object value, ConnectHeaders headers) {
        return new SourceRecord(Map.of("server", "s"), Map.of("lsn", 1L), topic, null, Schema.STRING_SCHEMA, key,
                Schema.OPTIONAL_STRING_SCHEMA, value, null, headers);
    }

    static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Test
    void forwardsTheEnvelopeAsIsKeyedByAggregateWithTraceAndContentTypeButNoDebeziumHeaders() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("id", "7f1d0c2e-59a4-4f6b-9f0e-2f4f1c9a3b10");
        headers.addString("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        headers.addString("__debezium.context.connectorName", "postgresql");
        headers.addString("__debezium-operation", "c");
        headers.addString("empty", null);
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"x\"}";

        ProducerRecord<String, byte[]> record = KafkaForwarder.toKafka(routed("booking.appointment.v1", "a-1", envelope,
                headers));

        assertThat(record.topic()).isEqualTo("booking.appointment.v1");
        assertThat(record.key()).isEqualTo("a-1");
        assertThat(record.partition()).isNull(); // partitioned by key
        assertThat(record.value()).isEqualTo(envelope.getBytes(StandardCharsets.UTF_8));
        assertThat(headers(record)).containsExactly(
                Map.entry("id", "7f1d0c2e-59a4-4f6b-9f0e-2f4f1c9a3b10"),
                Map.entry("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                Map.entry("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE));
    }

    @Test
    void forwardsByteArrayPayloadsUnchanged() {
        byte[] payload = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

        ProducerRecord<String, byte[]> record = KafkaForwarder.toKafka(new SourceRecord(Map.of(), Map.of(), "t.v1",
                null, Schema.STRING_SCHEMA, "k", Schema.BYTES_SCHEMA, payload));

        assertThat(record.value()).isSameAs(payload);
    }

    @Test
    void skipsHeartbeatsAndRecordsThatAreNoOutboxEvents() {
        Schema schema = SchemaBuilder.struct().field("id", Schema.STRING_SCHEMA).build();

        assertThat(KafkaForwarder.toKafka(routed("__debezium-heartbeat.booking_outbox", null, null,
                new ConnectHeaders()))).isNull();
        assertThat(KafkaForwarder.toKafka(new SourceRecord(Map.of(), Map.of(), "t.v1", null, Schema.STRING_SCHEMA,
                "k", schema, new Struct(schema).put("id", "x")))).isNull();
        assertThat(KafkaForwarder.toKafka(routed("t.v1", "k", null, new ConnectHeaders()))).isNull();
    }
}
