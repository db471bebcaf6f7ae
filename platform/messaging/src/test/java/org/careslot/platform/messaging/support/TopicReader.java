package org.careslot.platform.messaging.support;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Reads a whole topic from the beginning with a plain consumer, outside Spring: no group, no commits,
 * {@code read_committed}. Every partition is assigned once the topic exists (a dead-letter topic is only
 * created when the first dead letter is written). Not thread-safe; use it from the test thread.
 */
public final class TopicReader implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
    private boolean assigned;

    public TopicReader(String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.CLIENT_ID_CONFIG, "test-reader-" + topic),
                new StringDeserializer(), new StringDeserializer());
    }

    public static String bootstrapServers() {
        String servers = System.getProperty("spring.kafka.bootstrap-servers");
        if (servers == null) {
            throw new IllegalStateException("no Kafka: annotate the test class with @RealInfrastructure");
        }
        return servers;
    }

    /** Fetches what is there now (or within a short poll) and returns everything read so far. */
    public List<ConsumerRecord<String, String>> poll() {
        if (!assigned) {
            List<PartitionInfo> partitions = consumer.listTopics(Duration.ofSeconds(10)).get(topic);
            if (partitions == null || partitions.isEmpty()) {
                return List.copyOf(records);
            }
            List<TopicPartition> all = partitions.stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            assigned = true;
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return List.copyOf(records);
    }

    /** Polls until everything read so far satisfies the condition; returns all records read. */
    public List<ConsumerRecord<String, String>> awaitRecords(Duration timeout,
                                                            Predicate<List<ConsumerRecord<String, String>>> condition) {
        await().atMost(timeout)
                .pollInSameThread() // a KafkaConsumer belongs to one thread
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> condition.test(poll()));
        return List.copyOf(records);
    }

    public List<ConsumerRecord<String, String>> awaitAtLeast(int count, Duration timeout) {
        return awaitRecords(timeout, all -> all.size() >= count);
    }

    public static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static List<String> headerKeys(ConsumerRecord<?, ?> record) {
        List<String> keys = new ArrayList<>();
        record.headers().forEach(header -> keys.add(header.key()));
        return keys;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
