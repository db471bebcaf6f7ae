package org.careslot.platform.testkit;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published event contract as tests see it: records read from a real topic, and checks of a record against the
 * CloudEvents envelope schema and the event's data schema in the repository's {@code docs/schemas}.
 */
public final class EventContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventContract() {
    }

    /**
     * Reads {@code topic} from the beginning (a new consumer group each call) until a record matches, or fails after
     * {@code timeout}.
     */
    public static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                            Duration timeout) {
        List<ConsumerRecord<String, String>> found = awaitRecords(topic, match, 1, timeout);
        return found.getFirst();
    }

    /** All matching records seen until {@code count} arrived or the timeout ran out (then it fails). */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic,
                                                                   Predicate<ConsumerRecord<String, String>> match,
                                                                   int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                    if (match.test(record)) {
                        found.add(record);
                    }
                });
            }
        }
        assertThat(found).as("records on %s matching the condition within %s", topic, timeout)
                .hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    /** The record value as JSON. */
    public static JsonNode envelope(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value());
    }

    /**
     * Asserts that the record is a CloudEvents envelope of the contract, keyed by its subject, whose {@code data}
     * matches {@code docs/schemas/<dataSchemaPath>}.
     */
    public static void assertMatchesContract(ConsumerRecord<String, String> record, String dataSchemaPath) {
        JsonNode envelope = envelope(record);
        assertThat(schema("cloudevent-envelope.json").validate(envelope)).as("envelope errors").isEmpty();
        assertThat(record.key()).as("record key").isEqualTo(envelope.get("subject").asString());
        assertThat(schema(dataSchemaPath).validate(envelope.get("data"))).as("data errors of %s", dataSchemaPath)
                .isEmpty();
    }

    private static Schema schema(String path) {
        Path file = repositoryRoot().resolve("docs/schemas").resolve(path);
        try (InputStream in = Files.newInputStream(file)) {
            return SCHEMAS.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The nearest directory holding {@code .mvn}: where the build was started from. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".mvn"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the repository (no .mvn directory above " + Path.of("").toAbsolutePath() + ")");
    }
}
