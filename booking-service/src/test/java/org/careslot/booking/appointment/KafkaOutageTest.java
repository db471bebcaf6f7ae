package org.careslot.booking.appointment;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.booking.BookingApplication;
import org.careslot.booking.doctor.DoctorDirectory.DoctorSnapshot;
import org.careslot.booking.doctor.DoctorDirectory;
import org.careslot.booking.fixtures.Actor;
import org.careslot.booking.fixtures.DoctorProfile;
import org.careslot.platform.messaging.envelope.EventJson;
import org.careslot.platform.messaging.relay.OutboxRelay;
import org.careslot.platform.messaging.relay.RelayState;
import org.careslot.platform.testkit.EventContract;
import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.net.CuttableLink;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A booking committed while Kafka is unreachable is delivered once Kafka is back, at the relay level. The shared test
 * broker cannot be stopped, so this instance of the service is configured with a Kafka address where nothing listens:
 * for its clients Kafka is down (no connection, no metadata, every send fails). Bookings and status changes still
 * succeed (nothing is sent to Kafka from a request), the relay fails and retries, the events wait in the outbox and the
 * replication slot. Then that address starts forwarding to the real broker — Kafka is back for the service — and the
 * relay delivers every event, in order, matching the schema.
 */
@RealInfrastructure(database = "booking_kafka_outage", keycloak = true)
class KafkaOutageTest {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");

    @Test
    void eventsCommittedWhileKafkaIsDownAreDeliveredWhenItReturns() {
        CuttableLink kafka = CuttableLink.to(System.getProperty("spring.kafka.bootstrap-servers"));
        kafka.cut();
        int kafkaPort = kafka.port();
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(BookingApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=localhost:" + kafkaPort,
                "--spring.kafka.consumer.group-id=booking-kafka-outage-test",
                "--spring.kafka.admin.operation-timeout=2s",
                "--careslot.messaging.relay.producer[max.block.ms]=2000",
                "--careslot.messaging.relay.restart-delay=500ms")) {
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            OutboxRelay relay = service.getBean(OutboxRelay.class);
            ServiceHttp http = new ServiceHttp(((WebServerApplicationContext) service).getWebServer().getPort());

            // the doctor as the listener would store it (no Kafka to receive it from)
            DoctorProfile doctor = DoctorProfile.random().everyDay("09:00", "12:00", 30);
            service.getBean(TransactionTemplate.class).executeWithoutResult(status -> service
                    .getBean(DoctorDirectory.class).apply(EventJson.dataAs(EventJson.toTree(doctor.data()),
                            DoctorSnapshot.class), 1));
            Actor patient = Actor.patient();
            Actor admin = Actor.admin();
            LocalDate date = LocalDate.now(DHAKA).plusDays(3);

            Answer booked = http.post("/api/v1/appointments/", Map.of("doctor_id", doctor.id().toString(),
                    "date", date.toString(), "start_time", "09:00"), patient.token());
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            String id = booked.text("id");
            assertThat(http.post("/api/v1/appointments/" + id + "/confirm/", null, admin.token()).status())
                    .isEqualTo(200);
            assertThat(http.post("/api/v1/appointments/" + id + "/cancel/", Map.of("reason", "outage"),
                    patient.token()).status()).isEqualTo(200);

            // committed in the outbox; the relay tried and failed to reach Kafka; the slot still holds the WAL
            assertThat(jdbc.queryForList("SELECT type FROM outbox WHERE aggregate_id = ? ORDER BY created_at",
                    String.class, id)).containsExactly("appointment.booked", "appointment.confirmed",
                    "appointment.cancelled");
            String committedUpTo = jdbc.queryForObject("SELECT pg_current_wal_lsn()::text", String.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> relay.status().state() == RelayState.FAILED
                    && relay.status().lastError() != null);
            assertThat(relay.status().published()).isZero();
            assertThat(jdbc.queryForObject("""
                            SELECT confirmed_flush_lsn < ?::pg_lsn FROM pg_replication_slots WHERE slot_name = ?""",
                    Boolean.class, committedUpTo, relay.slotName())).as("the slot keeps the events").isTrue();

            // Kafka comes back on the address the service was configured with
            kafka.restore();
            List<ConsumerRecord<String, String>> records = EventContract.awaitRecords("booking.appointment.v1",
                    record -> id.equals(record.key()), 3, Duration.ofSeconds(90));

            assertThat(records).extracting(record -> EventContract.envelope(record).get("type").asString())
                    .containsExactly("appointment.booked", "appointment.confirmed", "appointment.cancelled");
            assertThat(records).extracting(record -> EventContract.envelope(record).get("sequence").asLong())
                    .containsExactly(1L, 2L, 3L);
            records.forEach(record -> EventContract.assertMatchesContract(record,
                    "booking.appointment.v1/appointment.json"));
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.status().state() == RelayState.RUNNING);
        } finally {
            kafka.close();
        }
    }
}
