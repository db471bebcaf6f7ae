package org.careslot.platform.messaging.relay;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.careslot.platform.messaging.envelope.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Produces each batch of routed outbox records to Kafka: send all, wait until Kafka acknowledged every
 * one (acks=all), only then mark them processed, so Debezium never commits an offset (and never confirms
 * a WAL position to the slot) for an event that is not safely in Kafka. A failure fails the engine
 * before anything is marked; the batch is read again after the restart (at-least-once).
 */
final class KafkaForwarder implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    static final String TRACEPARENT = "traceparent";
    static final String CONTENT_TYPE = "content-type";
    private static final String DEBEZIUM_HEADER_PREFIX = "__debezium";
    private static final String HEARTBEAT_TOPIC_PREFIX = "__debezium-heartbeat";
    private static final byte[] STRUCTURED_CONTENT_TYPE =
            EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

    private static final Logger log = LoggerFactory.getLogger(KafkaForwarder.class);

    private final Producer<String, byte[]> producer;
    private final PublishedListener published;
    private final RelayTracing tracing;

    KafkaForwarder(Producer<String, byte[]> producer, PublishedListener published, RelayTracing tracing) {
        this.producer = producer;
        this.published = published;
        this.tracing = tracing;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> events,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(events.size());
        List<RelayTracing.RelaySpan> spans = new ArrayList<>(events.size());
        List<ProducerRecord<String, byte[]>> sent = new ArrayList<>(events.size());
        List<Instant> committed = new ArrayList<>(events.size());
        for (RecordChangeEvent<SourceRecord> event : events) {
            ProducerRecord<String, byte[]> record = toKafka(event.record());
            if (record != null) {
                spans.add(tracing.start(record));
                acknowledgements.add(producer.send(record));
                sent.add(record);
                committed.add(commitTime(event.record()));
            }
        }
        for (int i = 0; i < acknowledgements.size(); i++) {
            try {
                acknowledgements.get(i).get();
                spans.get(i).acknowledged();
            } catch (ExecutionException e) {
                spans.subList(i, spans.size()).forEach(span -> span.failed(e.getCause()));
                throw new RelayException("Kafka did not acknowledge an outbox event; the batch will be re-read", e.getCause());
            }
        }
        for (RecordChangeEvent<SourceRecord> event : events) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        Instant acknowledged = Instant.now();
        for (int i = 0; i < sent.size(); i++) {
            published.published(sent.get(i).topic(), committed.get(i), acknowledged);
        }
    }

    /** The PostgreSQL connector's source offset carries the transaction's commit time in microseconds. */
    static Instant commitTime(SourceRecord source) {
        Object micros = source.sourceOffset() == null ? null : source.sourceOffset().get("ts_usec");
        if (micros instanceof Number number) {
            long value = number.longValue();
            return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
        }
        return null;
    }

    /** @return null for records that are not outbox events (heartbeats) */
    static ProducerRecord<String, byte[]> toKafka(SourceRecord source) {
        if (source.topic() == null || source.topic().startsWith(HEARTBEAT_TOPIC_PREFIX)) {
            return null;
        }
        byte[] value;
        if (source.value() instanceof String text) {
            value = text.getBytes(StandardCharsets.UTF_8);
        } else if (source.value() instanceof byte[] bytes) {
            value = bytes;
        } else {
            log.warn("Skipping record on {} that is not an outbox event (value type {})", source.topic(),
                    source.value() == null ? "null" : source.value().getClass().getName());
            return null;
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : source.headers()) {
            if (header.key().startsWith(DEBEZIUM_HEADER_PREFIX) || header.value() == null) {
                continue;
            }
            headers.add(header.key(), String.valueOf(header.value()).getBytes(StandardCharsets.UTF_8));
        }
        headers.add(CONTENT_TYPE, STRUCTURED_CONTENT_TYPE);
        String key = source.key() == null ? null : String.valueOf(source.key());
        return new ProducerRecord<>(source.topic(), null, key, value, headers);
    }
}
