package org.careslot.platform.messaging.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.platform.messaging.consume.EventHandlers.Outcome;
import org.careslot.platform.messaging.envelope.EventEnvelope;
import org.careslot.platform.messaging.envelope.EventJson;
import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The template's steps without a broker or a database: in-memory deduplication, sequences and transactions. */
class EventHandlersTest {

    static final String TOPIC = "test.things.v1";

    record Thing(String thingId, Integer rooms) {
    }

    /** processed ids and sequences as the database keeps them: changes of a rolled-back transaction vanish */
    static final class Ledger implements TransactionOperations {

        final Set<String> processed = new HashSet<>();
        final Map<String, Long> sequences = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        boolean inTransaction;

        boolean firstDelivery(UUID eventId, String consumer) {
            calls.add("dedupe in transaction=" + inTransaction);
            return processed.add(consumer + "/" + eventId);
        }

        boolean advance(String consumer, String topic, String aggregate, long sequence) {
            calls.add("sequence in transaction=" + inTransaction);
            String key = consumer + "/" + topic + "/" + aggregate;
            if (sequences.containsKey(key) && sequences.get(key) >= sequence) {
                return false;
            }
            sequences.put(key, sequence);
            return true;
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            Set<String> processedBefore = new HashSet<>(processed);
            Map<String, Long> sequencesBefore = new HashMap<>(sequences);
            inTransaction = true;
            try {
                TransactionStatus status = new SimpleTransactionStatus();
                return action.doInTransaction(status);
            } catch (RuntimeException e) {
                processed.retainAll(processedBefore);
                sequences.clear();
                sequences.putAll(sequencesBefore);
                throw e;
            } finally {
                inTransaction = false;
            }
        }
    }

    final Ledger ledger = new Ledger();
    final List<String> applied = new ArrayList<>();

    EventHandlers.Builder builder() {
        return EventHandlers.builder("test-consumer", ledger::firstDelivery, ledger::advance, ledger);
    }

    EventHandlers handlers() {
        return builder()
                .on("thing.created", Thing.class, (thing, event) -> {
                    ledger.calls.add("handler in transaction=" + ledger.inTransaction);
                    applied.add(event.type() + " " + thing.thingId() + " " + thing.rooms() + " @" + event.sequence());
                })
                .on("thing.changed", Thing.class, (thing, event) -> applied.add(event.type() + " " + thing.thingId()
                        + " " + thing.rooms() + " @" + event.sequence()))
                .build();
    }

    static EventEnvelope envelope(String type, String subject, long sequence, Object data) {
        return EventEnvelope.create(UUID.randomUUID(), "/thing-service", type, subject, Instant.now(), null, sequence,
                null, EventJson.toTree(data));
    }

    static ConsumerRecord<String, String> record(EventEnvelope envelope) {
        return new ConsumerRecord<>(TOPIC, 0, 0L, envelope.subject(), envelope.toJson());
    }

    @Test
    void bindsTheDataAndRunsTheHandlerOfTheTypeAfterDeduplicationAndTheSequenceGuardInOneTransaction() {
        EventHandlers handlers = handlers();

        Outcome outcome = handlers.handle(record(envelope("thing.created", "t-1", 1, Map.of("thing_id", "t-1",
                "rooms", 2))));

        assertThat(outcome).isEqualTo(Outcome.APPLIED);
        assertThat(applied).containsExactly("thing.created t-1 2 @1");
        assertThat(ledger.calls).containsExactly("dedupe in transaction=true", "sequence in transaction=true",
                "handler in transaction=true");
        assertThat(ledger.sequences).containsEntry("test-consumer/" + TOPIC + "/t-1", 1L);
    }

    @Test
    void aRedeliveredEventReachesNoHandler() {
        EventHandlers handlers = handlers();
        ConsumerRecord<String, String> record = record(envelope("thing.created", "t-1", 1, new Thing("t-1", 2)));

        assertThat(handlers.handle(record)).isEqualTo(Outcome.APPLIED);
        assertThat(handlers.handle(record)).isEqualTo(Outcome.DUPLICATE);
        assertThat(handlers.handle(record)).isEqualTo(Outcome.DUPLICATE);

        assertThat(applied).hasSize(1);
    }

    @Test
    void anEventNotNewerThanTheLastAppliedOfItsAggregateReachesNoHandler() {
        EventHandlers handlers = handlers();

        assertThat(handlers.handle(record(envelope("thing.changed", "t-1", 3, new Thing("t-1", 3)))))
                .isEqualTo(Outcome.APPLIED);
        assertThat(handlers.handle(record(envelope("thing.changed", "t-1", 2, new Thing("t-1", 2)))))
                .isEqualTo(Outcome.STALE);
        assertThat(handlers.handle(record(envelope("thing.created", "t-1", 3, new Thing("t-1", 1)))))
                .as("same sequence, other type").isEqualTo(Outcome.STALE);
        assertThat(handlers.handle(record(envelope("thing.changed", "t-2", 1, new Thing("t-2", 1)))))
                .as("another aggregate has its own sequence").isEqualTo(Outcome.APPLIED);
        assertThat(handlers.handle(record(envelope("thing.changed", "t-1", 4, new Thing("t-1", 4)))))
                .isEqualTo(Outcome.APPLIED);

        assertThat(applied).containsExactly("thing.changed t-1 3 @3", "thing.changed t-2 1 @1",
                "thing.changed t-1 4 @4");
    }

    @Test
    void consumersWithOtherNamesKeepTheirOwnProgress() {
        EventHandlers first = handlers();
        EventHandlers second = builder().named("audit")
                .on("thing.changed", Thing.class, (thing, event) -> applied.add("audit " + thing.thingId()))
                .build();
        ConsumerRecord<String, String> record = record(envelope("thing.changed", "t-1", 1, new Thing("t-1", 1)));

        assertThat(first.handle(record)).isEqualTo(Outcome.APPLIED);
        assertThat(second.handle(record)).isEqualTo(Outcome.APPLIED);
        assertThat(second.consumer()).isEqualTo("audit");
        assertThat(applied).containsExactly("thing.changed t-1 1 @1", "audit t-1");
    }

    @Test
    void anUnknownTypeIsSkippedWithoutBeingRecorded() {
        EventHandlers handlers = handlers();

        assertThat(handlers.handle(record(envelope("thing.painted", "t-1", 7, Map.of("colour", "red")))))
                .isEqualTo(Outcome.UNKNOWN_TYPE);

        assertThat(applied).isEmpty();
        assertThat(ledger.calls).as("neither its id nor its sequence is recorded").isEmpty();
        // so a later event of a known type with a lower sequence still applies
        assertThat(handlers.handle(record(envelope("thing.changed", "t-1", 6, new Thing("t-1", 6)))))
                .isEqualTo(Outcome.APPLIED);
    }

    @Test
    void dataThatDoesNotFitTheRecordIsAnInvalidEventAndNothingIsRecorded() {
        EventHandlers handlers = handlers();

        assertThatThrownBy(() -> handlers.handle(record(envelope("thing.changed", "t-1", 1,
                Map.of("thing_id", "t-1", "rooms", "many"))))).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(Thing.class.getName());
        assertThatThrownBy(() -> handlers.handle(new ConsumerRecord<>(TOPIC, 0, 0L, "k", "not json")))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> handlers.handle(new ConsumerRecord<>(TOPIC, 0, 0L, null,
                EventEnvelope.create(UUID.randomUUID(), "/thing-service", "thing.changed", null, Instant.now(), null,
                        1, null, EventJson.toTree(new Thing("t-1", 1))).toJson())))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("names no aggregate");

        assertThat(ledger.calls).isEmpty();
        assertThat(applied).isEmpty();
    }

    @Test
    void aFailingHandlerLeavesTheEventUnrecordedSoTheRetryAppliesIt() {
        List<String> attempts = new ArrayList<>();
        EventHandlers handlers = builder()
                .on("thing.changed", Thing.class, (thing, event) -> {
                    attempts.add(thing.thingId());
                    if (attempts.size() == 1) {
                        throw new IllegalStateException("database hiccup");
                    }
                })
                .build();
        ConsumerRecord<String, String> record = record(envelope("thing.changed", "t-1", 1, new Thing("t-1", 1)));

        assertThatThrownBy(() -> handlers.handle(record)).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.processed).isEmpty();
        assertThat(ledger.sequences).isEmpty();

        assertThat(handlers.handle(record)).isEqualTo(Outcome.APPLIED);
        assertThat(attempts).containsExactly("t-1", "t-1");
    }

    @Test
    void theKeyNamesTheAggregateWhenTheEnvelopeHasNoSubject() {
        EventHandlers handlers = handlers();
        String withoutSubject = EventEnvelope.create(UUID.randomUUID(), "/thing-service", "thing.changed", null,
                Instant.now(), null, 5, null, EventJson.toTree(new Thing("t-9", 1))).toJson();

        assertThat(handlers.handle(new ConsumerRecord<>(TOPIC, 0, 0L, "t-9", withoutSubject)))
                .isEqualTo(Outcome.APPLIED);
        assertThat(ledger.sequences).containsEntry("test-consumer/" + TOPIC + "/t-9", 5L);
    }

    @Test
    void aTypeHasOneHandlerAndATemplateAtLeastOne() {
        assertThatThrownBy(() -> builder()
                .on("thing.changed", Thing.class, (thing, event) -> { })
                .on("thing.changed", Thing.class, (thing, event) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thing.changed");
        assertThatThrownBy(() -> builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder().named(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
