package org.careslot.platform.testkit.examples;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The README's example of an outside system reading {@code booking.appointment.v1} with nothing but the Kafka client
 * (and any JSON parser): CloudEvents envelopes in structured JSON mode, keyed by appointment id. Redelivery and
 * reordering are normal, so an event whose {@code sequence} is not newer than the last one seen for its appointment
 * is dropped (a real consumer keeps that number in its own database, in the transaction of its own change).
 */
public final class MinimalAppointmentConsumer implements AutoCloseable {

    public static final String TOPIC = "booking.appointment.v1";

    private final KafkaConsumer<String, String> consumer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Long> newestSequence = new HashMap<>();

    public MinimalAppointmentConsumer(String bootstrapServers, String groupId) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(TOPIC));
    }

    /** Hands each new event of one poll to {@code handler}, then commits: at-least-once delivery. */
    public void pollOnce(Duration timeout, Consumer<JsonNode> handler) {
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            JsonNode event = json.readTree(record.value());
            long sequence = event.path("sequence").asLong();
            if (sequence > newestSequence.getOrDefault(record.key(), 0L)) {
                handler.accept(event);
                newestSequence.put(record.key(), sequence);
            }
        }
        consumer.commitSync();
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static void main(String[] args) {
        String servers = args.length > 0 ? args[0] : "localhost:59092";
        try (var appointments = new MinimalAppointmentConsumer(servers, "my-hospital-system")) {
            while (true) {
                appointments.pollOnce(Duration.ofSeconds(1), event -> System.out.printf("%s %s -> %s%n",
                        event.path("type").asString(), event.path("subject").asString(),
                        event.path("data").path("status").asString()));
            }
        }
    }
}
