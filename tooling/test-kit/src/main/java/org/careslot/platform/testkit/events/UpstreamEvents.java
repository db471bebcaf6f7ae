package org.careslot.platform.testkit.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careslot.platform.testkit.EventContract;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Plays the upstream services in a consumer's tests: produces their events as their outbox relays do (CloudEvents
 * envelope in structured mode, record key = subject, W3C trace context in the envelope and the {@code traceparent}
 * header), each checked against the producer's published schema, with a plain Kafka producer. As a JUnit extension
 * (after {@code @RealInfrastructure}, before {@code @SpringBootTest}) it creates the upstream topics, as their
 * producers declare them, before the service's listeners subscribe: the broker does not auto-create topics.
 *
 * <pre>{@code
 * @RealInfrastructure(database = "doctor_identity_events")
 * @ExtendWith(UpstreamEvents.class)
 * @SpringBootTest
 * class IdentityUserEventsTest {
 *     ... UpstreamEvents.publishUser("user.registered", User.doctor(id, "Sabrina Sultana", 3, 26, 201), 1);
 * }
 * }</pre>
 */
public final class UpstreamEvents implements BeforeAllCallback {

    /** A topic of the contract as its producer writes it. */
    public record Stream(String topic, String source, String dataschema, String schemaPath, boolean compacted) {
    }

    public static final Stream IDENTITY_USERS = new Stream("identity.user.v1", "/identity-service",
            "urn:careslot:schema:identity.user.v1:user", "identity.user.v1/user.json", false);
    public static final Stream DOCTOR_PROFILES = new Stream("doctor.profile.v1", "/doctor-service",
            "urn:careslot:schema:doctor.profile.v1:doctor", "doctor.profile.v1/doctor.json", true);
    /** Not created by {@link #beforeAll}: booking-service's own tests let booking declare it. */
    public static final Stream BOOKING_APPOINTMENTS = new Stream("booking.appointment.v1", "/booking-service",
            "urn:careslot:schema:booking.appointment.v1:appointment", "booking.appointment.v1/appointment.json", false);

    /** An event as it was produced; {@link #send} delivers it again. {@code traceparent} may be null. */
    public record Sent(String topic, UUID id, String type, String subject, long sequence,
                       String traceparent, String json) {

        /** The W3C trace id of the event's trace context. */
        public String traceId() {
            if (traceparent == null) {
                throw new IllegalStateException("event " + id + " carries no trace context");
            }
            return traceparent.substring(3, 35);
        }
    }

    /** {@code data} of identity.user.v1 (docs/schemas/identity.user.v1/user.json). */
    public record User(UUID id, String email, String fullName, String phone, String role, Integer divisionId,
                       Integer districtId, Integer thanaId, boolean isActive, Instant createdAt, Instant updatedAt) {

        /** An active account of {@code role}, named "Test ROLE", in division/district/thana 1. */
        public static User of(UUID id, String role) {
            Instant now = Instant.now();
            return new User(id, role.toLowerCase() + "-" + id + "@example.org", "Test " + role, "+8801711111111",
                    role, 1, 1, 1, true, now, now);
        }

        /** An active DOCTOR account. */
        public static User doctor(UUID id, String fullName, int division, int district, int thana) {
            return of(id, "DOCTOR").withName(fullName).withLocation(division, district, thana)
                    .withPhone("+8801700000000");
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

    /** The event contract's JSON: snake_case properties, ISO-8601 instants. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static KafkaProducer<String, String> producer;

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureTopics();
    }

    /** Creates the upstream topics of identity and doctor unless they exist. */
    public static void ensureTopics() {
        ensureTopics(IDENTITY_USERS, DOCTOR_PROFILES);
    }

    /** Creates these topics (3 partitions, compacted where the stream is) unless they exist. */
    public static void ensureTopics(Stream... streams) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (Stream stream : streams) {
                NewTopic topic = new NewTopic(stream.topic(), 3, (short) 1);
                if (stream.compacted()) {
                    topic.configs(Map.of("cleanup.policy", "compact"));
                }
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create " + stream.topic(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the upstream topics", e);
        }
    }

    /** A user event ({@code user.registered}, {@code user.updated}, {@code user.deactivated}) as version {@code sequence}. */
    public static Sent publishUser(String type, User user, long sequence) {
        return publish(IDENTITY_USERS, type, user.id().toString(), sequence, user);
    }

    /** {@code doctor.profile.updated} with the doctor's whole state ({@code data}) as version {@code sequence}. */
    public static Sent publishDoctor(UUID doctorId, Object data, long sequence) {
        return publish(DOCTOR_PROFILES, "doctor.profile.updated", doctorId.toString(), sequence, data);
    }

    /** A new event (new id, fresh trace context) whose envelope and data follow the stream's published schemas. */
    public static Sent publish(Stream stream, String type, String subject, long sequence, Object data) {
        Sent event = event(stream, type, subject, sequence, data);
        EventContract.assertMatchesContract(new ConsumerRecord<>(stream.topic(), 0, 0L, subject, event.json()),
                stream.schemaPath());
        send(event);
        return event;
    }

    /**
     * A new event WITHOUT the schema check: for tests of what a consumer does with an event that breaks the
     * producer's contract.
     */
    public static Sent publishUnchecked(Stream stream, String type, String subject, long sequence, Object data) {
        Sent event = event(stream, type, subject, sequence, data);
        send(event);
        return event;
    }

    /** Delivers the very same event (same id) again, as a redelivery after a consumer crash would. */
    public static void send(Sent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.subject(), event.json());
        if (event.traceparent() != null) {
            record.headers().add("traceparent", event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + event.topic(), e);
        }
    }

    private static Sent event(Stream stream, String type, String subject, long sequence, Object data) {
        UUID id = UUID.randomUUID();
        HexFormat hex = HexFormat.of();
        String traceparent = "00-" + hex.toHexDigits(ThreadLocalRandom.current().nextLong())
                + hex.toHexDigits(ThreadLocalRandom.current().nextLong()) + "-"
                + hex.toHexDigits(ThreadLocalRandom.current().nextLong()) + "-01";
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", id.toString());
        envelope.put("source", stream.source());
        envelope.put("type", type);
        envelope.put("subject", subject);
        envelope.put("time", Instant.now().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("dataschema", stream.dataschema());
        envelope.put("sequence", sequence);
        envelope.put("traceparent", traceparent);
        envelope.put("data", JSON.valueToTree(data));
        return new Sent(stream.topic(), id, type, subject, sequence, traceparent, JSON.writeValueAsString(envelope));
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
