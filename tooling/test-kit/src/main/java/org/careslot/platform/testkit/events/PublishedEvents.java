package org.careslot.platform.testkit.events;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting what a service published without a check that cannot fail: awaiting "n records" and then asserting
 * "exactly n" proves nothing, because the read stops at n. Instead the test makes the service publish a marker
 * last, on the same record key (so the same partition, in order), and counts what came before the marker.
 */
public final class PublishedEvents {

    private PublishedEvents() {
    }

    /**
     * Reads {@code topic} from the beginning (a new consumer group) until a record matching {@code marker} arrives,
     * or fails after {@code timeout}.
     *
     * @return the records matching {@code match} that precede the marker on its partition, in order
     */
    public static List<ConsumerRecord<String, String>> before(String topic,
                                                              Predicate<ConsumerRecord<String, String>> match,
                                                              Predicate<ConsumerRecord<String, String>> marker,
                                                              Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        ConsumerRecord<String, String> found = null;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (found == null && marker.test(record)) {
                        found = record;
                    } else if (found == null) {
                        seen.add(record);
                    }
                }
            }
        }
        assertThat(found).as("marker record on %s within %s", topic, timeout).isNotNull();
        ConsumerRecord<String, String> markerRecord = found;
        return seen.stream()
                .filter(record -> record.partition() == markerRecord.partition()
                        && record.offset() < markerRecord.offset())
                .filter(match)
                .toList();
    }
}
