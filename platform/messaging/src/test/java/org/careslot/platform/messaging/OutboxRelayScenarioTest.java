package org.careslot.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.platform.messaging.envelope.EventEnvelope;
import org.careslot.platform.messaging.outbox.OutboxPublisher;
import org.careslot.platform.messaging.outbox.OutgoingEvent;
import org.careslot.platform.messaging.relay.OutboxRelay;
import org.careslot.platform.messaging.relay.OutboxRelayHealthIndicator;
import org.careslot.platform.messaging.relay.RelayState;
import org.careslot.platform.messaging.schema.RetentionCleanup;
import org.careslot.platform.messaging.support.TopicReader;
import org.careslot.platform.testkit.RealInfrastructure;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The publishing side end to end, against a real PostgreSQL (logical decoding) and a real Kafka broker:
 * {@link OutboxPublisher} inside service transactions → outbox table → WAL → Debezium relay → Kafka.
 */
@RealInfrastructure(database = "messaging_relay")
@SpringBootTest(properties = {
        "spring.application.name=messaging-relay-test",
        // frequent Debezium heartbeats while the tests run: none of them may reach a topic
        "careslot.messaging.relay.heartbeat-interval=500ms",
        "careslot.messaging.topics[test.ordering.v1].partitions=3",
        "careslot.messaging.topics[test.rollback.v1].partitions=3",
        "careslot.messaging.topics[test.notx.v1].partitions=1",
        "careslot.messaging.topics[test.traced.v1].partitions=1",
        "careslot.messaging.topics[test.retention.v1].partitions=1",
        // finished spans reach FinishedSpans quickly
        "management.opentelemetry.tracing.export.schedule-delay=100ms",
})
@DirtiesContext
class OutboxRelayScenarioTest {

    static final Duration ARRIVAL = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    OutboxPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Tracer tracer;
    @Autowired
    MeterRegistry meters;
    @Autowired
    OutboxRelayHealthIndicator relayHealth;
    @Autowired
    FinishedSpans finishedSpans;

    /** An exporter that keeps what the service would send to a collector: the spans really made. */
    static class FinishedSpans implements SpanExporter {

        final List<SpanData> spans = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    @TestConfiguration
    static class SpanCollection {

        @Bean
        FinishedSpans finishedSpans() {
            return new FinishedSpans();
        }
    }

    /** The aggregate state carried in {@code data} (snake_case on the wire). */
    record Thing(String thingId, long version, String note) {
    }

    @BeforeEach
    void relayIsStreaming() {
        await().atMost(ARRIVAL).until(() -> relay.status().state() == RelayState.RUNNING);
    }

    EventEnvelope publishCommitted(String topic, String aggregateId, String type, long sequence) {
        return transactions.execute(status -> publisher.publish(event(topic, aggregateId, type, sequence)));
    }

    static OutgoingEvent event(String topic, String aggregateId, String type, long sequence) {
        return new OutgoingEvent(topic, aggregateId, type, sequence, "urn:careslot:test:thing:1",
                new Thing(aggregateId, sequence, type + " #" + sequence));
    }

    static EventEnvelope envelope(ConsumerRecord<String, String> record) {
        return EventEnvelope.parse(record.value());
    }

    @Test
    void committedEventsArriveExactlyOnceInCommitOrderPerAggregate() throws Exception {
        String topic = "test.ordering.v1";
        int aggregates = 5;
        int perAggregate = 40;
        int total = aggregates * perAggregate;
        List<String> ids = IntStream.rangeClosed(1, aggregates).mapToObj(i -> "thing-" + i).toList();

        // one writer per aggregate, all at once: commits of different aggregates interleave in the WAL
        long started = System.nanoTime();
        Map<String, List<EventEnvelope>> published = new LinkedHashMap<>();
        try (ExecutorService writers = Executors.newFixedThreadPool(aggregates)) {
            Map<String, Future<List<EventEnvelope>>> futures = new LinkedHashMap<>();
            for (String id : ids) {
                futures.put(id, writers.submit(() -> {
                    List<EventEnvelope> mine = new ArrayList<>();
                    for (long sequence = 1; sequence <= perAggregate; sequence++) {
                        mine.add(publishCommitted(topic, id, "thing.changed", sequence));
                    }
                    return mine;
                }));
            }
            for (var entry : futures.entrySet()) {
                published.put(entry.getKey(), entry.getValue().get());
            }
        }
        long committed = System.nanoTime();

        try (TopicReader reader = new TopicReader(topic)) {
            reader.awaitAtLeast(total, ARRIVAL);
            long arrived = System.nanoTime();
            System.out.printf("[timing] %d events: committed in %d ms, all on Kafka %d ms after the first commit "
                            + "(%d ms after the last)%n", total, (committed - started) / 1_000_000,
                    (arrived - started) / 1_000_000, (arrived - committed) / 1_000_000);

            // fence: one more event per aggregate, i.e. per partition in use; once all fences are read, any
            // duplicate of an earlier event would have been read as well (same key, same partition, earlier)
            Set<UUID> fences = new HashSet<>();
            for (String id : ids) {
                fences.add(publishCommitted(topic, id, "thing.fence", perAggregate + 1).id());
            }
            List<ConsumerRecord<String, String>> all = reader.awaitRecords(ARRIVAL, records -> records.stream()
                    .map(record -> envelope(record).id()).collect(Collectors.toSet()).containsAll(fences));
            List<ConsumerRecord<String, String>> events = all.stream()
                    .filter(record -> !fences.contains(envelope(record).id()))
                    .toList();

            Map<UUID, EventEnvelope> byId = published.values().stream().flatMap(List::stream)
                    .collect(Collectors.toMap(EventEnvelope::id, e -> e));
            assertThat(events).hasSize(total);
            assertThat(events.stream().map(record -> envelope(record).id()))
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(byId.keySet());

            for (ConsumerRecord<String, String> record : events) {
                EventEnvelope expected = byId.get(envelope(record).id());
                // the envelope reaches Kafka byte for byte as the publisher wrote it
                assertThat(record.value()).isEqualTo(expected.toJson());
                assertThat(record.key()).isEqualTo(expected.subject());
                assertThat(TopicReader.headerKeys(record))
                        .noneMatch(key -> key.startsWith("__debezium"))
                        .doesNotContain("traceparent"); // no trace was active
                assertThat(TopicReader.header(record, "content-type"))
                        .isEqualTo(EventEnvelope.STRUCTURED_CONTENT_TYPE);
            }

            // the wire format of one event, attribute by attribute
            ConsumerRecord<String, String> first = events.getFirst();
            JsonNode json = JSON.readTree(first.value());
            EventEnvelope sent = byId.get(UUID.fromString(json.get("id").asString()));
            assertThat(json.get("specversion").asString()).isEqualTo("1.0");
            assertThat(json.get("source").asString()).isEqualTo("/messaging-relay-test");
            assertThat(json.get("type").asString()).isEqualTo("thing.changed");
            assertThat(json.get("subject").asString()).isEqualTo(first.key());
            assertThat(json.get("datacontenttype").asString()).isEqualTo("application/json");
            assertThat(json.get("dataschema").asString()).isEqualTo("urn:careslot:test:thing:1");
            assertThat(json.get("time").isString()).isTrue();
            assertThat(json.get("sequence").asLong()).isEqualTo(sent.sequence());
            assertThat(json.has("traceparent")).isFalse();
            assertThat(json.get("data").get("thing_id").asString()).isEqualTo(first.key());
            assertThat(json.get("data").get("version").asLong()).isEqualTo(sent.sequence());
            System.out.println("[wire] headers " + TopicReader.headerKeys(first) + " value " + first.value());

            // per aggregate: one partition, and exactly the commit order
            Map<String, List<ConsumerRecord<String, String>>> byKey = events.stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new, Collectors.toList()));
            assertThat(byKey).containsOnlyKeys(ids);
            for (String id : ids) {
                List<ConsumerRecord<String, String>> records = byKey.get(id);
                assertThat(records.stream().map(ConsumerRecord::partition).distinct()).as(id).hasSize(1);
                assertThat(records.stream().map(record -> envelope(record).sequence()))
                        .as("sequence order of %s", id)
                        .containsExactlyElementsOf(sequences(1, perAggregate));
                assertThat(records.stream().map(record -> envelope(record).id()))
                        .containsExactlyElementsOf(published.get(id).stream().map(EventEnvelope::id).toList());
            }
        }
        // counted once Kafka acknowledged a batch, which may be just after the reader saw its records
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(
                meters.get("careslot.outbox.relay.published").tag("topic", topic).counter().count())
                .isEqualTo(total + aggregates));
        assertThat(relay.status().published()).isGreaterThanOrEqualTo(total + aggregates);
        // Debezium heartbeats (every 500 ms here) are swallowed by the relay, never produced
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TopicReader.bootstrapServers()))) {
            assertThat(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get())
                    .noneMatch(name -> name.startsWith("__debezium"));
        }
        Health health = relayHealth.health(true);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("state", RelayState.RUNNING)
                .containsEntry("slot", relay.slotName());
    }

    static List<Long> sequences(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void rolledBackEventsAreNeverPublished() {
        String topic = "test.rollback.v1";
        String aggregate = "rolled-back-thing";
        // rolled back on purpose ...
        EventEnvelope markedRollbackOnly = transactions.execute(status -> {
            EventEnvelope envelope = publisher.publish(event(topic, aggregate, "thing.changed", 1));
            status.setRollbackOnly();
            return envelope;
        });
        // ... and by an exception after publishing, in a transaction that also published other events
        List<UUID> thrownAway = new ArrayList<>();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            thrownAway.add(publisher.publish(event(topic, aggregate, "thing.changed", 2)).id());
            thrownAway.add(publisher.publish(event(topic, aggregate, "thing.changed", 3)).id());
            throw new IllegalStateException("business rule violated after publishing");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE aggregate_type = ?", Long.class, topic))
                .isZero();

        // same key, so the same partition: had a rolled-back event been relayed, it would precede the marker
        EventEnvelope marker = publishCommitted(topic, aggregate, "thing.marker", 4);
        try (TopicReader reader = new TopicReader(topic)) {
            List<ConsumerRecord<String, String>> records = reader.awaitRecords(ARRIVAL,
                    all -> all.stream().anyMatch(record -> envelope(record).id().equals(marker.id())));
            assertThat(records).extracting(record -> envelope(record).id())
                    .containsExactly(marker.id())
                    .doesNotContain(markedRollbackOnly.id())
                    .doesNotContainAnyElementsOf(thrownAway);
        }
    }

    @Test
    void publishingOutsideATransactionIsRefusedAndWritesNothing() {
        String topic = "test.notx.v1";
        String aggregate = "no-transaction-thing";
        assertThatThrownBy(() -> publisher.publish(event(topic, aggregate, "thing.changed", 1)))
                .isInstanceOf(IllegalTransactionStateException.class);
        // an undeclared topic would stall the relay: refused before anything is written, and the
        // transaction the caller is in stays usable for the caller to decide
        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                publisher.publish(event("test.undeclared.v1", aggregate, "thing.changed", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.undeclared.v1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE aggregate_type IN (?, ?)", Long.class,
                topic, "test.undeclared.v1")).isZero();

        EventEnvelope marker = publishCommitted(topic, aggregate, "thing.marker", 2);
        try (TopicReader reader = new TopicReader(topic)) {
            List<ConsumerRecord<String, String>> records = reader.awaitRecords(ARRIVAL,
                    all -> all.stream().anyMatch(record -> envelope(record).id().equals(marker.id())));
            assertThat(records).extracting(record -> envelope(record).id()).containsExactly(marker.id());
        }
    }

    @Test
    void theTraceOfThePublishingRequestTravelsInTheEnvelopeAndAsKafkaHeaderBeneathTheRelaysSpan() {
        String topic = "test.traced.v1";
        String aggregate = "traced-thing";
        Span span = tracer.nextSpan().name("book-appointment").start();
        EventEnvelope traced;
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            traced = publishCommitted(topic, aggregate, "thing.changed", 1);
        } finally {
            span.end();
        }
        EventEnvelope untraced = publishCommitted(topic, aggregate, "thing.changed", 2);

        String expected = "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01";
        assertThat(traced.traceparent()).isEqualTo(expected);
        assertThat(untraced.traceparent()).isNull();
        assertThat(jdbc.queryForObject("SELECT traceparent FROM outbox WHERE id = ?", String.class, traced.id()))
                .isEqualTo(expected);

        try (TopicReader reader = new TopicReader(topic)) {
            List<ConsumerRecord<String, String>> records = reader.awaitAtLeast(2, ARRIVAL);
            assertThat(records).hasSize(2);
            ConsumerRecord<String, String> first = records.get(0);
            ConsumerRecord<String, String> second = records.get(1);
            assertThat(envelope(first).id()).isEqualTo(traced.id());
            assertThat(envelope(first).traceparent()).isEqualTo(expected);
            // the header names the relay's span: a PRODUCER child of the publishing span, ended once Kafka acked
            String header = TopicReader.header(first, "traceparent");
            assertThat(header).matches("00-" + span.context().traceId() + "-[0-9a-f]{16}-01")
                    .isNotEqualTo(expected);
            String relaySpanId = header.substring(36, 52);
            await().atMost(ARRIVAL).until(() -> finishedSpans.spans.stream()
                    .anyMatch(finished -> finished.getSpanId().equals(relaySpanId)));
            SpanData relaySpan = finishedSpans.spans.stream()
                    .filter(finished -> finished.getSpanId().equals(relaySpanId)).findFirst().orElseThrow();
            assertThat(relaySpan.getTraceId()).isEqualTo(span.context().traceId());
            assertThat(relaySpan.getParentSpanId()).isEqualTo(span.context().spanId());
            assertThat(relaySpan.getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.PRODUCER);
            assertThat(relaySpan.getName()).isEqualTo("outbox relay " + topic);
            assertThat(envelope(second).id()).isEqualTo(untraced.id());
            assertThat(envelope(second).traceparent()).isNull();
            assertThat(TopicReader.headerKeys(second)).doesNotContain("traceparent");
            assertThat(finishedSpans.spans).noneMatch(finished -> finished.getName().equals("outbox relay " + topic)
                    && !finished.getTraceId().equals(span.context().traceId()));
            for (ConsumerRecord<String, String> record : records) {
                assertThat(TopicReader.headerKeys(record)).noneMatch(key -> key.startsWith("__debezium"));
            }
        }
    }

    @Test
    void retentionCleanupDeletesRelayedRowsWithoutDisturbingTheRelay() {
        String topic = "test.retention.v1";
        String aggregate = "old-thing";
        EventEnvelope old = publishCommitted(topic, aggregate, "thing.changed", 1);
        try (TopicReader reader = new TopicReader(topic)) {
            reader.awaitAtLeast(1, ARRIVAL);

            // as if the retention period had passed: every row written so far is due
            RetentionCleanup cleanup = new RetentionCleanup(jdbc, Clock.offset(Clock.systemUTC(), Duration.ofDays(8)),
                    Duration.ofDays(7), Duration.ofDays(30), Duration.ofHours(1));
            assertThat(cleanup.runOnce()).isPositive();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE id = ?", Long.class, old.id())).isZero();

            // the deletes reach the relay through the WAL as well: they must neither be published nor stop it
            EventEnvelope next = publishCommitted(topic, aggregate, "thing.changed", 2);
            List<ConsumerRecord<String, String>> records = reader.awaitRecords(ARRIVAL,
                    all -> all.stream().anyMatch(record -> envelope(record).id().equals(next.id())));
            assertThat(records).extracting(record -> envelope(record).id()).containsExactly(old.id(), next.id());
            assertThat(relay.status().state()).isEqualTo(RelayState.RUNNING);
        }
    }
}
