package org.careslot.doctor.support;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careslot.platform.messaging.envelope.EventEnvelope;
import org.careslot.platform.messaging.envelope.EventJson;
import org.careslot.platform.testkit.EventContract;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Plays identity-service in tests: produces identity.user.v1 events (CloudEvents envelopes, as identity's outbox relay
 * does) with a plain Kafka producer. As a JUnit extension (after {@code @RealInfrastructure}, before
 * {@code @SpringBootTest}) it creates the topic before the service's listener subscribes: the broker does not
 * auto-create topics.
 */
public final class IdentityEvents implements BeforeAllCallback {

    public static final String TOPIC = "identity.user.v1";
    public static final String SCHEMA = "urn:careslot:schema:identity.user.v1:user";

    /** {@code data} of identity.user.v1 (docs/schemas/identity.user.v1/user.json). */
    public record User(UUID id, String email, String fullName, String phone, String role, Integer divisionId,
                       Integer districtId, Integer thanaId, boolean isActive, Instant createdAt, Instant updatedAt) {

        public static User doctor(UUID id, String fullName, int division, int district, int thana) {
            Instant now = Instant.now();
            return new User(id, "doctor-" + id + "@example.org", fullName, "+8801700000000", "DOCTOR", division,
                    district, thana, true, now, now);
        }

        public User withName(String name) {
            return new User(id, email, name, phone, role, divisionId, districtId, thanaId, isActive, createdAt,
                    Instant.now());
        }

        public User withLocation(int division, int district, int thana) {
            return new User(id, email, fullName, phone, role, division, district, thana, isActive, createdAt,
                    Instant.now());
        }

        public User withActive(boolean active) {
            return new User(id, email, fullName, phone, role, divisionId, districtId, thanaId, active, createdAt,
                    Instant.now());
        }

        public User withPhone(String newPhone) {
            return new User(id, email, fullName, newPhone, role, divisionId, districtId, thanaId, isActive, createdAt,
                    Instant.now());
        }

        public User withRole(String newRole) {
            return new User(id, email, fullName, phone, newRole, divisionId, districtId, thanaId, isActive, createdAt,
                    Instant.now());
        }
    }

    private static KafkaProducer<String, String> producer;

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureTopic();
    }

    public static void ensureTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + TOPIC, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + TOPIC, e);
        }
    }

    /**
     * Publishes a new event (new event id) of {@code type} with the user's state as version {@code sequence}, with a
     * fresh W3C trace context in the envelope and the {@code traceparent} header, as identity's relay sends it.
     */
    public static EventEnvelope publish(String type, User user, long sequence) {
        String traceparent = "00-" + UUID.randomUUID().toString().replace("-", "") + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "-01";
        EventEnvelope envelope = EventEnvelope.create(UUID.randomUUID(), "/identity-service", type,
                user.id().toString(), Instant.now(), SCHEMA, sequence, traceparent, EventJson.toTree(user));
        // the fixtures follow identity's published contract
        EventContract.assertMatchesContract(new ConsumerRecord<>(TOPIC, 0, 0L, user.id().toString(),
                envelope.toJson()), "identity.user.v1/user.json");
        send(envelope);
        return envelope;
    }

    /** Delivers the very same event again, as a redelivery after a consumer crash would. */
    public static void send(EventEnvelope envelope) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, envelope.subject(), envelope.toJson());
            if (envelope.traceparent() != null) {
                record.headers().add("traceparent", envelope.traceparent().getBytes(StandardCharsets.UTF_8));
            }
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + TOPIC, e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
        }
        return producer;
    }

    private static String bootstrapServers() {
        String servers = System.getProperty("spring.kafka.bootstrap-servers");
        if (servers == null) {
            throw new IllegalStateException("no Kafka: put @RealInfrastructure before this extension");
        }
        return servers;
    }
}
