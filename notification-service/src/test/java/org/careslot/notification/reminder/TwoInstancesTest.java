package org.careslot.notification.reminder;

import org.careslot.notification.NotificationApplication;
import org.careslot.notification.fixtures.NotificationIntegrationTest;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notification-service as two applications (two Spring contexts, as two JVMs would run it): one database, one
 * consumer group, so Kafka splits booking.appointment.v1's partitions between them and both pollers claim due
 * messages from the same table. A stream of bookings and confirmations through Kafka, some events delivered twice:
 * every appointment has each message once and every email goes out once.
 */
class TwoInstancesTest extends NotificationIntegrationTest {

    static final Duration DELIVERED = Duration.ofSeconds(90);

    @Test
    void twoInstancesSendEachReminderAndNoticeOnce() {
        int count = 24;
        long begin = System.nanoTime();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(NotificationApplication.class).run(
                "--server.port=0",
                "--spring.kafka.consumer.group-id=notification-service-it",
                "--reminders.delivery.poll-interval=100ms",
                "--reminders.delivery.batch-size=3")) {
            Person doctor = person("DOCTOR", "Farzana Haque");
            List<Person> patients = new ArrayList<>();
            List<UUID> appointments = new ArrayList<>();
            int redelivered = 0;
            for (int i = 0; i < count; i++) {
                Person patient = person("PATIENT", "Patient " + i);
                patients.add(patient);
                UUID id = UUID.randomUUID();
                appointments.add(id);
                // within 24 h: the reminder is due at once, so both instances race to send it
                Instant startsAt = Instant.now().plus(Duration.ofHours(3)).plusSeconds(60L * i);
                UpstreamEvents.Sent booked = UpstreamEvents.publish(APPOINTMENTS, "appointment.booked", id.toString(),
                        1, UpstreamEventsTest.appointmentData(id, doctor.id(), patient.id(), startsAt, "PENDING"));
                UpstreamEvents.Sent confirmed = UpstreamEvents.publish(APPOINTMENTS, "appointment.confirmed",
                        id.toString(), 2,
                        UpstreamEventsTest.appointmentData(id, doctor.id(), patient.id(), startsAt, "CONFIRMED"));
                if (i % 4 == 0) {
                    UpstreamEvents.send(i % 8 == 0 ? booked : confirmed);
                    redelivered++;
                }
            }
            // booked (patient + doctor), confirmed (patient), reminder (patient): each once, each SENT
            List<String> expected = List.of("BOOKED/DOCTOR/SENT", "BOOKED/PATIENT/SENT", "CONFIRMED/PATIENT/SENT",
                    "REMINDER/PATIENT/SENT");
            try {
                await().atMost(DELIVERED).pollInterval(Duration.ofMillis(250)).until(() -> appointments.stream()
                        .allMatch(id -> messages(id).equals(expected)));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                System.out.println("not every message SENT once within " + DELIVERED);
            }
            int lost = 0;
            int duplicates = 0;
            for (UUID id : appointments) {
                List<String> found = messages(id);
                for (String message : expected) {
                    long times = found.stream().filter(message::equals).count();
                    lost += times == 0 ? 1 : 0;
                    duplicates += (int) Math.max(0, times - 1);
                }
            }
            for (Person patient : patients) {
                int mails = subjectsTo(patient.email()).size();
                lost += Math.max(0, 3 - mails);
                duplicates += Math.max(0, mails - 3);
            }
            int doctorMails = subjectsTo(doctor.email()).size();
            lost += Math.max(0, count - doctorMails);
            duplicates += Math.max(0, doctorMails - count);
            List<String> claimers = jdbc.queryForList("SELECT DISTINCT claimed_by FROM reminder WHERE appointment_id "
                    + "IN (" + String.join(",", appointments.stream().map(id -> "'" + id + "'").toList()) + ")",
                    String.class);
            String line = "RELIABILITY notification-service with two instances: load held " + count + "/" + count
                    + " appointments (" + 4 * count + " emails expected, " + redelivered + " events delivered twice), "
                    + "faults injected 0, events lost " + lost + ", duplicates " + duplicates + " (senders: "
                    + claimers.size() + "; " + (System.nanoTime() - begin) / 1_000_000 + " ms)";
            System.out.println(line);
            assertThat(lost).as(line).isZero();
            assertThat(duplicates).as(line).isZero();
        }
    }

    /** kind/recipient/status of each message row of the appointment, sorted. */
    List<String> messages(UUID appointment) {
        return rows(appointment).stream().map(row -> row.get("kind") + "/" + row.get("recipient_role") + "/"
                + row.get("status")).sorted().toList();
    }
}
