package org.careslot.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careslot.platform.messaging.consume.DeadLetterTopics;
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
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The consuming side: idempotent handling with {@link ProcessedEvents} in the handler's transaction, and
 * the platform error handler (bounded retries, then {@code <topic>.dlt} with a {@value FailureReason#HEADER}
 * header). Events are published the way services publish them (outbox → relay → Kafka); redeliveries and
 * records that are not events are produced directly.
 */
@RealInfrastructure(database = "messaging_consumer")
@SpringBootTest(properties = {
        "spring.application.name=messaging-consumer-test",
        "careslot.messaging.topics[test.consumed.v1].partitions=3",
        "careslot.messaging.consumer.retry.max-retries=2",
        "careslot.messaging.consumer.retry.initial-interval=100ms",
        "careslot.messaging.consumer.retry.multiplier=2",
        "careslot.messaging.consumer.retry.max-interval=200ms",
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
     * A service's handler: records every delivery, refuses "poisoned" events, handles each event once.
     * A transactional proxy wraps it, so tests read its state through methods only.
     */
    static class ThingListener {

        private final ProcessedEvents processedEvents;
        private final JdbcTemplate jdbc;
        /** deliveries per {@code partition@offset}, counted before the record is even parsed */
        private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        private final Set<UUID> skippedAsDuplicate = ConcurrentHashMap.newKeySet();

        ThingListener(ProcessedEvents processedEvents, JdbcTemplate jdbc) {
            this.processedEvents = processedEvents;
            this.jdbc = jdbc;
        }

        @KafkaListener(id = "consumer-test-things", topics = TOPIC)
        @Transactional
        public void on(ConsumerRecord<String, String> record) {
            deliveries.computeIfAbsent(position(record.partition(), record.offset()), key -> new AtomicInteger())
                    .incrementAndGet();
            IncomingEvent event = IncomingEvent.from(record);
            if (event.type().equals("thing.poisoned")) {
                throw new IllegalStateException("cannot handle " + event.id());
            }
            if (!processedEvents.markProcessed(event)) {
                skippedAsDuplicate.add(event.id());
                return;
            }
            jdbc.update("INSERT INTO test_handled_event (event_id, aggregate_id, sequence) VALUES (?, ?, ?)",
                    event.id(), event.key(), event.sequence());
        }

        public Set<UUID> skippedAsDuplicate() {
            return Set.copyOf(skippedAsDuplicate);
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
        ThingListener thingListener(ProcessedEvents processedEvents, JdbcTemplate jdbc) {
            return new ThingListener(processedEvents, jdbc);
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
    void aRedeliveredEventIsHandledOnce() throws Exception {
        String aggregate = "redelivered-thing";
        EventEnvelope event = publishCommitted(aggregate, "thing.changed", 1);
        awaitHandled(event.id());

        // the same record once more, as after a consumer crash before its offset commit
        producer.send(new ProducerRecord<>(TOPIC, aggregate, event.toJson())).get();
        // same key, same partition, produced after the copy: once it is handled, the copy was delivered
        EventEnvelope next = publishCommitted(aggregate, "thing.changed", 2);
        awaitHandled(next.id());

        assertThat(listener.skippedAsDuplicate()).contains(event.id());
        assertThat(handled(event.id())).isEqualTo(1);
        assertThat(listener.skippedAsDuplicate()).doesNotContain(next.id());
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
        assertThat(handled(poisoned.id())).isZero();
        assertThat(transactions.<Boolean>execute(status -> processedEvents.markProcessed(poisoned.id())))
                .as("the failed event was not recorded as processed").isTrue();
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
