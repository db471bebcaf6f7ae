package org.careslot.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.careslot.platform.messaging.consume.AggregateSequences;
import org.careslot.platform.messaging.consume.DeadLetterTopics;
import org.careslot.platform.messaging.consume.EventConsumers;
import org.careslot.platform.messaging.consume.EventHandlers;
import org.careslot.platform.messaging.consume.FailureReason;
import org.careslot.platform.messaging.consume.IncomingEvent;
import org.careslot.platform.messaging.consume.ProcessedEvents;
import org.careslot.platform.messaging.envelope.EventEnvelope;
import org.careslot.platform.messaging.envelope.EventJson;
import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.careslot.platform.messaging.outbox.OutboxPublisher;
import org.careslot.platform.messaging.outbox.OutgoingEvent;
import org.careslot.platform.messaging.support.TopicReader;
import org.careslot.platform.testkit.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The consuming side: the handler template ({@link EventHandlers}: deduplication by event id, the sequence guard,
 * one transaction with the handler), Kafka observation (a consumed record continues its producer's trace) and the
 * platform error handler (bounded retries, then {@code <topic>.dlt} with a {@value FailureReason#HEADER} header).
 * Events are published the way services publish them (outbox → relay → Kafka); redeliveries, reordered events and
 * records that are not events are produced directly. Where a test must show that something did NOT happen, it
 * publishes a marker event of the same aggregate (same partition) last and checks once the marker was handled.
 */
@RealInfrastructure(database = "messaging_consumer")
@SpringBootTest(properties = {
        "spring.application.name=messaging-consumer-test",
        "careslot.messaging.topics[test.consumed.v1].partitions=3",
        "careslot.messaging.consumer.retry.max-retries=2",
        "careslot.messaging.consumer.retry.initial-interval=100ms",
        "careslot.messaging.consumer.retry.multiplier=2",
        "careslot.messaging.consumer.retry.max-interval=200ms",
        "careslot.messaging.consumer.retry.outage-max-interval=200ms",
})
@DirtiesContext
class ConsumerScenarioTest {

    static final String TOPIC = "test.consumed.v1";
    static final String DEAD_LETTERS = TOPIC + DeadLetterTopics.SUFFIX;
    static final Duration ARRIVAL = Duration.ofSeconds(60);
    static final int ATTEMPTS = 1 + 2; // first delivery + max-retries

    @Autowired
    OutboxPublisher publisher;
    @Autowired
    ProcessedEvents processedEvents;
    @Autowired
    AggregateSequences sequences;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ThingListener listener;

    // static: @RealInfrastructure must publish the servers before anything (the Spring context) uses them
    static KafkaProducer<String, String> producer;
    static TopicReader deadLetters;

    record Thing(String thingId, long version) {
    }

    /**
     * A service's listener written with the template: records every delivery (before the template even parses
     * it) and every handler invocation, writes its effect in the template's transaction, fails on "poisoned"
     * events after writing.
     */
    static class ThingListener {

        private final JdbcTemplate jdbc;
        private final Tracer tracer;
        private final EventHandlers handlers;
        /** deliveries per {@code partition@offset} */
        private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        private final Map<UUID, AtomicInteger> invocations = new ConcurrentHashMap<>();
        /** the trace id the handler ran in, per event */
        private final Map<UUID, String> traceIds = new ConcurrentHashMap<>();
        /** PostgreSQL's protocol at a port where nothing listens: the driver's real "connection refused" */
        private final JdbcTemplate databaseAway = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + unusedPort() + "/away?connectTimeout=2", "postgres", "postgres"));

        ThingListener(EventConsumers consumers, JdbcTemplate jdbc, Tracer tracer) {
            this.jdbc = jdbc;
            this.tracer = tracer;
            this.handlers = consumers.handlers()
                    .on("thing.changed", Thing.class, this::apply)
                    .on("thing.poisoned", Thing.class, (thing, event) -> {
                        apply(thing, event);
                        throw new IllegalStateException("cannot handle " + event.id());
                    })
                    .on("thing.while-database-away", Thing.class, (thing, event) -> {
                        // a database that is not there, for more deliveries than the bounded retries allow
                        if (invocations.computeIfAbsent(event.id(), id -> new AtomicInteger()).get() < ATTEMPTS + 2) {
                            invocations.get(event.id()).incrementAndGet();
                            databaseAway.queryForObject("SELECT 1", Integer.class);
                        }
                        apply(thing, event);
                    })
                    .build();
        }

        @KafkaListener(id = "consumer-test-things", topics = TOPIC)
        public void on(ConsumerRecord<String, String> record) {
            deliveries.computeIfAbsent(position(record.partition(), record.offset()), key -> new AtomicInteger())
                    .incrementAndGet();
            handlers.handle(record);
        }

        private void apply(Thing thing, IncomingEvent event) {
            invocations.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            Span span = tracer.currentSpan();
            if (span != null) {
                traceIds.put(event.id(), span.context().traceId());
            }
            jdbc.update("INSERT INTO test_handled_event (event_id, aggregate_id, sequence) VALUES (?, ?, ?)",
                    event.id(), thing.thingId(), event.sequence());
        }

        /** @return how often the handler ran for the event (committed or not) */
        public int invocations(UUID eventId) {
            AtomicInteger count = invocations.get(eventId);
            return count == null ? 0 : count.get();
        }

        public String traceId(UUID eventId) {
            return traceIds.get(eventId);
        }

        /** @return how often the listener was called with the record that became this dead letter */
        public int deliveries(ConsumerRecord<?, ?> deadLetter) {
            // Spring writes the original position as big-endian int and long
            int partition = ByteBuffer.wrap(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value())
                    .getInt();
            long offset = ByteBuffer.wrap(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value())
                    .getLong();
            AtomicInteger count = deliveries.get(position(partition, offset));
            return count == null ? 0 : count.get();
        }

        static String position(int partition, long offset) {
            return partition + "@" + offset;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listeners {

        @Bean
        ThingListener thingListener(EventConsumers consumers, JdbcTemplate jdbc, Tracer tracer) {
            return new ThingListener(consumers, jdbc, tracer);
        }
    }

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        deadLetters = new TopicReader(DEAD_LETTERS);
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        deadLetters.close();
    }

    EventEnvelope publishCommitted(String aggregateId, String type, long sequence) {
        return transactions.execute(status -> publisher.publish(
                new OutgoingEvent(TOPIC, aggregateId, type, sequence, null, new Thing(aggregateId, sequence))));
    }

    long handled(UUID eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM test_handled_event WHERE event_id = ?", Long.class, eventId);
    }

    void awaitHandled(UUID eventId) {
        await().atMost(ARRIVAL).until(() -> handled(eventId) == 1);
    }

    /** An event produced directly (not through the outbox), e.g. an older state under a new id. */
    EventEnvelope produce(String aggregateId, String type, long sequence, Object data, String traceparent)
            throws Exception {
        EventEnvelope event = EventEnvelope.create(UUID.randomUUID(), "/elsewhere", type, aggregateId, Instant.now(),
                null, sequence, traceparent, EventJson.toTree(data));
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, aggregateId, event.toJson());
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record).get();
        return event;
    }

    ConsumerRecord<String, String> awaitDeadLetter(String key) {
        List<ConsumerRecord<String, String>> records = deadLetters.awaitRecords(ARRIVAL,
                all -> all.stream().anyMatch(record -> key.equals(record.key())));
        List<ConsumerRecord<String, String>> mine = records.stream().filter(record -> key.equals(record.key())).toList();
        assertThat(mine).hasSize(1);
        return mine.getFirst();
    }

    @Test
    void markProcessedIsTrueOnlyTheFirstTimeAndOnlyIfTheTransactionCommits() {
        UUID event = UUID.randomUUID();
        assertThat(transactions.<List<Boolean>>execute(status -> List.of(
                processedEvents.markProcessed(event), processedEvents.markProcessed(event))))
                .containsExactly(true, false);
        assertThat(transactions.<Boolean>execute(status -> processedEvents.markProcessed(event))).isFalse();
        assertThat(jdbc.queryForObject("SELECT consumer FROM processed_event WHERE event_id = ?", String.class, event))
                .isEqualTo("messaging-consumer-test");

        // the handler's transaction rolls back: the event is not recorded, the redelivery handles it
        UUID rolledBack = UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            assertThat(processedEvents.markProcessed(rolledBack)).isTrue();
            throw new IllegalStateException("handler failed after marking");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(transactions.<Boolean>execute(status -> {
            status.setRollbackOnly();
            return processedEvents.markProcessed(rolledBack);
        })).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE event_id = ?", Long.class,
                rolledBack)).isZero();
        assertThat(transactions.<Boolean>execute(status -> processedEvents.markProcessed(rolledBack))).isTrue();

        // each named handler of a service keeps its own record
        assertThat(transactions.<Boolean>execute(status -> processedEvents.markProcessed(event, "audit-handler"))).isTrue();
        assertThat(transactions.<Boolean>execute(status -> processedEvents.markProcessed(event, "audit-handler"))).isFalse();

        // only inside the handler's transaction: outside one it would record regardless of the outcome
        UUID outside = UUID.randomUUID();
        assertThatThrownBy(() -> processedEvents.markProcessed(outside))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE event_id = ?", Long.class, outside))
                .isZero();
    }

    @Test
    void aSequenceAdvancesOnlyForwardPerConsumerAndAggregateAndOnlyIfTheTransactionCommits() {
        String aggregate = UUID.randomUUID().toString();
        assertThat(transactions.<List<Boolean>>execute(status -> List.of(
                sequences.advance("c", TOPIC, aggregate, 2), sequences.advance("c", TOPIC, aggregate, 2),
                sequences.advance("c", TOPIC, aggregate, 1), sequences.advance("c", TOPIC, aggregate, 3),
                sequences.advance("other", TOPIC, aggregate, 1), sequences.advance("c", "other.v1", aggregate, 1))))
                .containsExactly(true, false, false, true, true, true);

        assertThat(transactions.<Boolean>execute(status -> {
            status.setRollbackOnly();
            return sequences.advance("c", TOPIC, aggregate, 9);
        })).isTrue();
        assertThat(transactions.<Boolean>execute(status -> sequences.advance("c", TOPIC, aggregate, 4))).isTrue();

        assertThatThrownBy(() -> sequences.advance("c", TOPIC, aggregate, 5))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void concurrentDeliveriesOfOneEventSerialiseSoOnlyOneHandlerProceeds() throws Exception {
        UUID event = UUID.randomUUID();
        CountDownLatch firstMarked = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        try (ExecutorService handlers = Executors.newFixedThreadPool(2)) {
            Future<Boolean> first = handlers.submit(() -> transactions.<Boolean>execute(status -> {
                boolean marked = processedEvents.markProcessed(event);
                firstMarked.countDown();
                try {
                    // still inside the transaction: the row is written but not committed
                    assertThat(firstMayCommit.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return marked;
            }));
            assertThat(firstMarked.await(60, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> second = handlers.submit(() -> transactions.<Boolean>execute(status ->
                    processedEvents.markProcessed(event)));
            // the second delivery waits on the first one's uncommitted row ...
            await().atMost(ARRIVAL).until(() -> jdbc.queryForObject("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock'
                      AND query LIKE 'INSERT INTO processed_event%'""", Long.class) == 1);
            assertThat(second.isDone()).isFalse();
            firstMayCommit.countDown();
            // ... and, once it committed, sees it
            assertThat(first.get(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(60, TimeUnit.SECONDS)).isFalse();
        }
    }

    @Test
    void aRedeliveredEventReachesTheHandlerOnce() throws Exception {
        String aggregate = "redelivered-thing";
        EventEnvelope event = publishCommitted(aggregate, "thing.changed", 1);
        awaitHandled(event.id());

        // the same record twice more, as after a consumer crash before its offset commit
        producer.send(new ProducerRecord<>(TOPIC, aggregate, event.toJson())).get();
        producer.send(new ProducerRecord<>(TOPIC, aggregate, event.toJson())).get();
        // same key, same partition, produced after the copies: once it is handled, the copies were delivered
        EventEnvelope marker = publishCommitted(aggregate, "thing.changed", 2);
        awaitHandled(marker.id());

        assertThat(listener.invocations(event.id())).isEqualTo(1);
        assertThat(listener.invocations(marker.id())).isEqualTo(1);
    }

    @Test
    void anEventNotNewerThanTheLastAppliedOfItsAggregateReachesNoHandler() throws Exception {
        String aggregate = "reordered-thing";
        EventEnvelope third = publishCommitted(aggregate, "thing.changed", 3);
        awaitHandled(third.id());

        // older states under new ids, as reordering upstream produces them, then a newer one as the marker
        EventEnvelope second = produce(aggregate, "thing.changed", 2, new Thing(aggregate, 2), null);
        EventEnvelope sameSequence = produce(aggregate, "thing.changed", 3, new Thing(aggregate, 3), null);
        EventEnvelope marker = publishCommitted(aggregate, "thing.changed", 4);
        awaitHandled(marker.id());

        assertThat(listener.invocations(second.id())).isZero();
        assertThat(listener.invocations(sameSequence.id())).isZero();
        assertThat(jdbc.queryForObject("SELECT sequence FROM aggregate_sequence WHERE consumer = ? AND topic = ? "
                + "AND aggregate_id = ?", Long.class, "messaging-consumer-test", TOPIC, aggregate)).isEqualTo(4L);
        // the dropped events count as processed: a redelivery of them is skipped before the sequence check
        assertThat(transactions.<Boolean>execute(status -> processedEvents.markProcessed(second.id()))).isFalse();
    }

    @Test
    void anEventOfATypeWithoutHandlerIsSkippedAndTheNextOneApplies() throws Exception {
        String aggregate = "renamed-thing";
        EventEnvelope unknown = produce(aggregate, "thing.renamed", 5, Map.of("new_name", "x"), null);
        EventEnvelope marker = publishCommitted(aggregate, "thing.changed", 1);
        awaitHandled(marker.id());

        assertThat(listener.invocations(unknown.id())).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE event_id = ?", Long.class,
                unknown.id())).as("not recorded: a handler added later still gets it on a replay").isZero();
    }

    @Test
    void aConsumedRecordContinuesTheTraceOfItsTraceparentHeader() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-" + traceId.substring(16) + "-01";
        EventEnvelope traced = produce("traced-thing", "thing.changed", 1, new Thing("traced-thing", 1),
                traceparent);
        awaitHandled(traced.id());

        assertThat(listener.traceId(traced.id())).isEqualTo(traceId);
    }

    @Test
    void aDeadLetterStaysInTheTraceOfTheRecordItCarries() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-" + traceId.substring(16) + "-01";
        EventEnvelope poisoned = produce("traced-poisoned-thing", "thing.poisoned", 1,
                new Thing("traced-poisoned-thing", 1), traceparent);

        ConsumerRecord<String, String> deadLetter = awaitDeadLetter("traced-poisoned-thing");
        assertThat(deadLetter.value()).contains(poisoned.id().toString());
        assertThat(listener.traceId(poisoned.id())).isEqualTo(traceId);
        assertThat(TopicReader.header(deadLetter, "traceparent")).startsWith("00-" + traceId + "-");
    }

    @Test
    void aFailingEventIsRetriedThenDeadLetteredAndThePartitionMovesOn() {
        String aggregate = "poisoned-thing";
        EventEnvelope poisoned = publishCommitted(aggregate, "thing.poisoned", 1);
        EventEnvelope after = publishCommitted(aggregate, "thing.changed", 2);

        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(aggregate);
        assertThat(deadLetter.topic()).isEqualTo(DEAD_LETTERS);
        assertThat(deadLetter.value()).isEqualTo(poisoned.toJson()); // byte for byte, as consumed
        assertThat(TopicReader.header(deadLetter, FailureReason.HEADER))
                .isEqualTo("java.lang.IllegalStateException: cannot handle " + poisoned.id());
        assertThat(TopicReader.header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        assertThat(listener.deliveries(deadLetter)).as("deliveries").isEqualTo(ATTEMPTS);

        // the next event of the same aggregate (same partition) is not blocked behind the failure
        awaitHandled(after.id());
        assertThat(listener.invocations(poisoned.id())).isEqualTo(ATTEMPTS);
        assertThat(handled(poisoned.id())).as("the handler's writes rolled back with the failure").isZero();
        assertThat(transactions.<Boolean>execute(status -> processedEvents.markProcessed(poisoned.id())))
                .as("the failed event was not recorded as processed").isTrue();
    }

    @Test
    void anEventFailingWhileTheDatabaseIsAwayIsRetriedBeyondTheBoundUntilItIsBackNotDeadLettered() {
        String aggregate = "thing-while-database-away";
        EventEnvelope event = publishCommitted(aggregate, "thing.while-database-away", 1);

        awaitHandled(event.id());
        assertThat(listener.invocations(event.id())).as("failed deliveries beyond the bound, then the one that applied")
                .isEqualTo(ATTEMPTS + 2 + 1);
    }

    static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void recordsThatAreNoEventsAreDeadLetteredWithoutRetries() throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, "garbage-key", "this is not an event")).get();
        producer.send(new ProducerRecord<>(TOPIC, "tombstone-key", null)).get();
        String wrongVersion = EventEnvelope.create(UUID.randomUUID(), "/elsewhere", "thing.changed", "old-key",
                        Instant.now(), null, 1, null, EventJson.toTree(new Thing("old-key", 1)))
                .toJson().replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\"");
        producer.send(new ProducerRecord<>(TOPIC, "old-key", wrongVersion)).get();

        ConsumerRecord<String, String> garbage = awaitDeadLetter("garbage-key");
        assertThat(garbage.value()).isEqualTo("this is not an event");
        assertThat(TopicReader.header(garbage, FailureReason.HEADER))
                .startsWith(InvalidEventException.class.getName() + ": not an event envelope");
        assertThat(listener.deliveries(garbage)).as("deliveries").isEqualTo(1);

        ConsumerRecord<String, String> tombstone = awaitDeadLetter("tombstone-key");
        assertThat(tombstone.value()).isNull();
        assertThat(TopicReader.header(tombstone, FailureReason.HEADER))
                .startsWith(InvalidEventException.class.getName() + ": tombstone on " + TOPIC);
        assertThat(listener.deliveries(tombstone)).as("deliveries").isEqualTo(1);

        ConsumerRecord<String, String> old = awaitDeadLetter("old-key");
        assertThat(old.value()).isEqualTo(wrongVersion);
        assertThat(TopicReader.header(old, FailureReason.HEADER))
                .isEqualTo(InvalidEventException.class.getName() + ": unsupported specversion: 0.3");
        assertThat(listener.deliveries(old)).as("deliveries").isEqualTo(1);
    }
}
