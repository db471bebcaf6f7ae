package org.careslot.notification.reminder;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.notification.appointment.AppointmentSnapshot;
import org.careslot.notification.fixtures.NotificationIntegrationTest;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.metrics.PrometheusScrape;
import org.careslot.notification.reminder.domain.AppointmentChange;
import org.careslot.platform.testkit.EventContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Scheduling and delivery of reminders and notices, end to end inside the service, with a real SMTP server. */
class ReminderDeliveryTest extends NotificationIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    static final String TOPIC = "notification.reminder.v1";
    static final String SCHEMA = "notification.reminder.v1/reminder.json";

    @AfterEach
    void reconnect() {
        connectSmtp();
    }

    @Test
    void aDueReminderGoesOutWithinSecondsOfItsDueTime() {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        Person patient = person("PATIENT", "Rahim Uddin");
        UUID id = UUID.randomUUID();
        Instant startsAt = Instant.now().plus(Duration.ofHours(24)).plusSeconds(4);

        apply(AppointmentChange.BOOKED, appointment(id, doctor, patient, startsAt, "PENDING"), 1);

        assertThat(statuses(id, "REMINDER")).containsExactly("SCHEDULED");
        awaitStatuses(id, "BOOKED", "SENT", "SENT");
        awaitStatuses(id, "REMINDER", "SENT");
        Duration delay = Duration.ofMillis(jdbc.queryForObject("""
                SELECT (EXTRACT(EPOCH FROM sent_at - due_at) * 1000)::bigint FROM reminder
                WHERE appointment_id = ? AND kind = 'REMINDER'""", Long.class, id));
        assertThat(delay).as("delay between due_at and sending").isBetween(Duration.ZERO, Duration.ofSeconds(2));
        assertThat(subjectsTo(patient.email())).hasSize(2)
                .anySatisfy(s -> assertThat(s).startsWith("Appointment booked with Dr. Sabrina Sultana"))
                .anySatisfy(s -> assertThat(s).startsWith("Reminder: your appointment with Dr. Sabrina Sultana"));
        assertThat(subjectsTo(doctor.email())).singleElement()
                .satisfies(s -> assertThat(s).startsWith("New appointment with Rahim Uddin"));
    }

    @Test
    void aShortNoticeBookingGetsItsReminderAtOnceAndTheEmailNamesDoctorLocalTimeAndAppointment() throws Exception {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        Person patient = person("PATIENT", "Rahim Uddin");
        UUID id = UUID.randomUUID();
        Instant startsAt = Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

        apply(AppointmentChange.BOOKED, appointment(id, doctor, patient, startsAt, "PENDING"), 1);

        awaitStatuses(id, "REMINDER", "SENT");
        MimeMessage reminder = mailTo(patient.email()).stream()
                .filter(m -> subjectOf(m).startsWith("Reminder:")).findFirst().orElseThrow();
        String localTime = org.careslot.notification.reminder.domain.MessageText.localTime(startsAt, DHAKA);
        assertThat(reminder.getSubject()).isEqualTo("Reminder: your appointment with Dr. Sabrina Sultana on " + localTime);
        assertThat(((InternetAddress) reminder.getFrom()[0]).getAddress()).isEqualTo("reminders@careslot.test");
        assertThat(reminder.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly(patient.email());
        UUID reminderId = jdbc.queryForObject("SELECT id FROM reminder WHERE appointment_id = ? AND kind = 'REMINDER'",
                UUID.class, id);
        assertThat(reminder.getMessageID()).isEqualTo("<" + reminderId + "@careslot>");
        Map<String, String> parts = parts(reminder);
        assertThat(parts).containsOnlyKeys("text/plain", "text/html");
        assertThat(parts.get("text/plain")).contains("Dear Rahim Uddin", "Dr. Sabrina Sultana", localTime,
                "Appointment id: " + id);
        assertThat(parts.get("text/html")).contains("Dr. Sabrina Sultana", localTime, id.toString());
    }

    @Test
    void cancellingCancelsTheReminderAndNotifiesPatientAndDoctor() {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        Person patient = person("PATIENT", "Rahim Uddin");
        UUID id = UUID.randomUUID();
        AppointmentSnapshot booked = appointment(id, doctor, patient, Instant.now().plus(Duration.ofDays(3)), "PENDING");
        apply(AppointmentChange.BOOKED, booked, 1);
        assertThat(statuses(id, "REMINDER")).containsExactly("SCHEDULED");

        apply(AppointmentChange.CANCELLED, withStatus(booked, "CANCELLED"), 2);

        assertThat(statuses(id, "REMINDER")).containsExactly("CANCELLED");
        awaitStatuses(id, "CANCELLED", "SENT", "SENT");
        awaitSettled(id);
        assertThat(subjectsTo(patient.email())).hasSize(2).noneMatch(s -> s.startsWith("Reminder"));
        assertThat(subjectsTo(doctor.email())).hasSize(2)
                .anySatisfy(s -> assertThat(s).startsWith("Appointment cancelled: Rahim Uddin"));
    }

    @Test
    void reschedulingCancelsTheOldReminderAndSchedulesTheNewOne() {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        Person patient = person("PATIENT", "Rahim Uddin");
        UUID id = UUID.randomUUID();
        AppointmentSnapshot booked = appointment(id, doctor, patient, Instant.now().plus(Duration.ofDays(3)), "PENDING");
        apply(AppointmentChange.BOOKED, booked, 1);
        apply(AppointmentChange.CONFIRMED, withStatus(booked, "CONFIRMED"), 2);
        assertThat(statuses(id, "REMINDER")).containsExactly("SCHEDULED");

        Instant moved = Instant.now().plus(Duration.ofHours(5)); // less than 24 h ahead: reminder at once
        apply(AppointmentChange.RESCHEDULED, appointment(id, doctor, patient, moved, "PENDING"), 3);

        awaitStatuses(id, "REMINDER", "SENT", "CANCELLED");
        awaitStatuses(id, "RESCHEDULED", "SENT");
        awaitSettled(id);
        assertThat(subjectsTo(patient.email())).hasSize(4) // booked, confirmed, moved, reminder for the new time
                .anySatisfy(s -> assertThat(s).startsWith("Appointment moved: Dr. Sabrina Sultana on "
                        + org.careslot.notification.reminder.domain.MessageText.localTime(moved, DHAKA)))
                .anySatisfy(s -> assertThat(s).isEqualTo("Reminder: your appointment with Dr. Sabrina Sultana on "
                        + org.careslot.notification.reminder.domain.MessageText.localTime(moved, DHAKA)));
        assertThat(subjectsTo(doctor.email())).hasSize(1);
    }

    @Test
    void completionAndNoShowSendNothingMore() {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        Person patient = person("PATIENT", "Rahim Uddin");
        UUID completed = UUID.randomUUID();
        UUID noShow = UUID.randomUUID();
        Instant startsAt = Instant.now().plus(Duration.ofDays(2));
        apply(AppointmentChange.BOOKED, appointment(completed, doctor, patient, startsAt, "PENDING"), 1);
        apply(AppointmentChange.BOOKED, appointment(noShow, doctor, patient, startsAt.plusSeconds(3600), "PENDING"), 1);

        apply(AppointmentChange.COMPLETED, appointment(completed, doctor, patient, startsAt, "COMPLETED"), 2);
        apply(AppointmentChange.NO_SHOW, appointment(noShow, doctor, patient, startsAt.plusSeconds(3600), "NO_SHOW"), 2);

        assertThat(statuses(completed, "REMINDER")).containsExactly("CANCELLED");
        assertThat(statuses(noShow, "REMINDER")).containsExactly("CANCELLED");
        awaitSettled(completed);
        awaitSettled(noShow);
        assertThat(rows(completed)).hasSize(3); // the two booked notices and the cancelled reminder
        assertThat(subjectsTo(patient.email())).hasSize(2).allMatch(s -> s.startsWith("Appointment booked"));
    }

    @Test
    void aBadAddressFailsAloneWithItsReasonAndTheEventsMatchTheSchema() {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        Person bad = person(UUID.randomUUID(), "PATIENT", "not an address@@", "Bad Address");
        Person good = person("PATIENT", "Good Address");
        UUID failing = UUID.randomUUID();
        UUID fine = UUID.randomUUID();
        Instant startsAt = Instant.now().plus(Duration.ofHours(6));

        apply(AppointmentChange.BOOKED, appointment(failing, doctor, bad, startsAt, "PENDING"), 1);
        apply(AppointmentChange.BOOKED, appointment(fine, doctor, good, startsAt.plusSeconds(1800), "PENDING"), 1);

        awaitStatuses(failing, "REMINDER", "FAILED");
        awaitStatuses(fine, "REMINDER", "SENT");
        Map<String, Object> failed = rows(failing).stream().filter(r -> "REMINDER".equals(r.get("kind")))
                .findFirst().orElseThrow();
        assertThat(failed.get("attempts")).isEqualTo(1); // permanent: not retried
        assertThat(failed.get("failure_reason")).isEqualTo("the recipient's e-mail address is malformed");
        assertThat(subjectsTo(good.email())).hasSize(2);

        ConsumerRecord<String, String> failedEvent = EventContract.awaitRecord(TOPIC, r -> failing.toString()
                .equals(r.key()) && r.value().contains("\"reminder.failed\"") && r.value().contains("\"REMINDER\""),
                SOON);
        EventContract.assertMatchesContract(failedEvent, SCHEMA);
        JsonNode data = EventContract.envelope(failedEvent).get("data");
        assertThat(data.get("status").asString()).isEqualTo("FAILED");
        assertThat(data.get("recipient_id").asString()).isEqualTo(bad.id().toString());
        assertThat(failedEvent.value()).doesNotContain("@@", "Bad Address");

        List<ConsumerRecord<String, String>> sent = EventContract.awaitRecords(TOPIC, r -> fine.toString()
                .equals(r.key()) && r.value().contains("\"reminder.sent\""), 3, SOON);
        sent.forEach(record -> EventContract.assertMatchesContract(record, SCHEMA));
        assertThat(sent).extracting(r -> EventContract.envelope(r).get("sequence").asLong())
                .doesNotHaveDuplicates();
        assertThat(sent).allSatisfy(r -> assertThat(r.value()).doesNotContain(good.email(), doctor.email()));
    }

    @Test
    void whileSmtpIsDownAttemptsAreRetriedAndTheMessageGoesOutOnceWhenItIsBack() {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        Person patient = person("PATIENT", "Rahim Uddin");
        UUID id = UUID.randomUUID();
        cutSmtp();

        apply(AppointmentChange.CONFIRMED, appointment(id, doctor, patient, Instant.now().plus(Duration.ofHours(2)),
                "CONFIRMED"), 2);

        await().atMost(SOON).until(() -> rows(id).stream().anyMatch(r -> "REMINDER".equals(r.get("kind"))
                && (Integer) r.get("attempts") >= 2 && "SCHEDULED".equals(r.get("status"))));
        assertThat(rows(id)).allSatisfy(r -> assertThat(r.get("failure_reason"))
                .isEqualTo("the SMTP server could not be reached or failed"));
        connectSmtp();

        awaitStatuses(id, "REMINDER", "SENT");
        awaitStatuses(id, "CONFIRMED", "SENT");
        awaitSettled(id);
        assertThat(subjectsTo(patient.email())).hasSize(2);
        List<ConsumerRecord<String, String>> events = EventContract.awaitRecords(TOPIC, r -> id.toString()
                .equals(r.key()) && r.value().contains("\"REMINDER\""), 3, SOON);
        assertThat(events).extracting(r -> EventContract.envelope(r).get("type").asString())
                .startsWith("reminder.failed", "reminder.failed").contains("reminder.sent");
        events.forEach(record -> EventContract.assertMatchesContract(record, SCHEMA));
    }

    @Test
    void manyInstancesClaimingAtOnceSendEveryMessageExactlyOnce() throws Exception {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        List<Person> patients = new ArrayList<>();
        AtomicBoolean racing = new AtomicBoolean(true);
        // besides the application's and the second instance's pollers: four more claimers on the same database
        ExecutorService racers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String instance = "racer-" + i;
            running.add(racers.submit(() -> {
                while (racing.get()) {
                    delivery.deliverDue(instance);
                }
            }));
        }
        List<UUID> appointments = new ArrayList<>();
        try {
            for (int i = 0; i < 15; i++) {
                Person patient = person("PATIENT", "Patient " + i);
                patients.add(patient);
                UUID id = UUID.randomUUID();
                appointments.add(id);
                apply(AppointmentChange.CONFIRMED, appointment(id, doctor, patient,
                        Instant.now().plus(Duration.ofHours(2)).plusSeconds(i), "CONFIRMED"), 2);
            }
            for (UUID id : appointments) {
                awaitStatuses(id, "REMINDER", "SENT");
                awaitSettled(id);
            }
        } finally {
            racing.set(false);
            for (Future<?> future : running) {
                future.get();
            }
            racers.shutdown();
        }
        int lost = 0;
        int duplicates = 0;
        for (Person patient : patients) {
            int received = subjectsTo(patient.email()).size();
            lost += Math.max(0, 2 - received);
            duplicates += Math.max(0, received - 2);
        }
        System.out.println("RELIABILITY notification-service with several instances: load held " + patients.size()
                + "/" + patients.size() + " appointments, faults injected 0, events lost " + lost + ", duplicates "
                + duplicates + " (two pollers + 4 more claimers on one database, "
                + 2 * patients.size() + " emails expected)");
        for (Person patient : patients) {
            assertThat(subjectsTo(patient.email())).as(patient.fullName()).hasSize(2); // confirmed + reminder
        }
        List<String> claimers = jdbc.queryForList("SELECT DISTINCT claimed_by FROM reminder WHERE appointment_id IN ("
                + String.join(",", appointments.stream().map(id -> "'" + id + "'").toList()) + ")", String.class);
        assertThat(claimers).as("instances that sent some of them").hasSizeGreaterThan(1);
    }

    @Test
    void aMessageLeftSendingByAnInstanceThatDiedIsSentByAnotherOnceItsLeaseRunsOut() {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        Person patient = person("PATIENT", "Rahim Uddin");
        UUID id = UUID.randomUUID();
        apply(AppointmentChange.CONFIRMED, appointment(id, doctor, patient, Instant.now().plus(Duration.ofDays(3)),
                "CONFIRMED"), 2);
        awaitStatuses(id, "CONFIRMED", "SENT");
        // the reminder (due in 2 days) was claimed by an instance that crashed before recording any outcome
        jdbc.update("""
                UPDATE reminder SET status = 'SENDING', attempts = 1, claimed_by = 'crashed', due_at = now(),
                                    next_attempt_at = now(), lease_until = now() + interval '1 second'
                WHERE appointment_id = ? AND kind = 'REMINDER'""", id);
        assertThat(subjectsTo(patient.email())).hasSize(1);

        awaitStatuses(id, "REMINDER", "SENT");
        assertThat(rows(id)).filteredOn(r -> "REMINDER".equals(r.get("kind"))).singleElement().satisfies(r -> {
            assertThat(r.get("attempts")).isEqualTo(2);
            assertThat(r.get("claimed_by")).isNotEqualTo("crashed");
        });
        assertThat(subjectsTo(patient.email())).hasSize(2)
                .anySatisfy(s -> assertThat(s).startsWith("Reminder: your appointment with Dr. Sabrina Sultana"));
    }

    @Test
    void deliveryIsMeasuredOnThePrometheusEndpoint() {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        Person patient = person("PATIENT", "Rahim Uddin");
        Person bad = person(UUID.randomUUID(), "PATIENT", "not an address@@", "Bad Address");
        UUID id = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        ServiceHttp http = new ServiceHttp(port);
        PrometheusScrape before = PrometheusScrape.of(http);

        apply(AppointmentChange.BOOKED, appointment(id, doctor, patient, Instant.now().plus(Duration.ofHours(1)),
                "PENDING"), 1);
        apply(AppointmentChange.BOOKED, appointment(failing, doctor, bad, Instant.now().plus(Duration.ofHours(2)),
                "PENDING"), 1);
        awaitStatuses(id, "REMINDER", "SENT");
        awaitStatuses(failing, "REMINDER", "FAILED");
        // the counters are incremented after the row's state commits: wait for the scrape to show them
        await().atMost(SOON).until(() -> reminders(PrometheusScrape.of(http), "careslot_reminders_sent_total")
                == reminders(before, "careslot_reminders_sent_total") + 1
                && reminders(PrometheusScrape.of(http), "careslot_reminders_failed_total")
                == reminders(before, "careslot_reminders_failed_total") + 1);

        PrometheusScrape after = PrometheusScrape.of(http);
        assertThat(reminders(after, "careslot_reminders_scheduled_total"))
                .isEqualTo(reminders(before, "careslot_reminders_scheduled_total") + 2);
        assertThat(reminders(after, "careslot_reminders_delivery_delay_seconds_count"))
                .isEqualTo(reminders(before, "careslot_reminders_delivery_delay_seconds_count") + 1);
        assertThat(reminders(after, "careslot_reminders_attempts_failed_total"))
                .isEqualTo(reminders(before, "careslot_reminders_attempts_failed_total") + 1);
        assertThat(after.text()).doesNotContain(patient.email(), id.toString());
    }

    static double reminders(PrometheusScrape scrape, String metric) {
        return scrape.value(metric, "kind", "REMINDER", "channel", "EMAIL", "application", "notification-service")
                .orElse(0);
    }

    static AppointmentSnapshot withStatus(AppointmentSnapshot a, String status) {
        return new AppointmentSnapshot(a.id(), a.doctorId(), a.patientId(), a.startsAt(), a.endsAt(), a.timeZone(),
                status);
    }

    static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
