package org.careslot.notification.reminder;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.notification.fixtures.NotificationIntegrationTest;
import org.careslot.notification.fixtures.TestSmsGateway;
import org.careslot.notification.fixtures.TestSmsGateway.Received;
import org.careslot.notification.reminder.domain.AppointmentChange;
import org.careslot.notification.reminder.domain.MessageText;
import org.careslot.platform.testkit.EventContract;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.events.UpstreamEvents.Sent;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.metrics.PrometheusScrape;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SMS beside e-mail, against a real HTTP server standing in for the SMS provider ({@link TestSmsGateway}), real
 * PostgreSQL, Kafka and SMTP. The fixture's service posts to it with user careslot-test / test-secret and the body
 * template {"to":"{to}","text":"{text}","reference":"{id}"}; two pollers run on the same database.
 */
class SmsDeliveryTest extends NotificationIntegrationTest {

    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("careslot-test:test-secret".getBytes(StandardCharsets.UTF_8));

    UUID rowId(UUID appointment, String kind, String role, String channel) {
        return jdbc.queryForObject("""
                SELECT id FROM reminder WHERE appointment_id = ? AND kind = ? AND recipient_role = ? AND channel = ?""",
                UUID.class, appointment, kind, role, channel);
    }

    Map<String, Object> row(UUID id) {
        return jdbc.queryForMap("SELECT status, attempts, failure_reason, sent_at FROM reminder WHERE id = ?", id);
    }

    void awaitRow(UUID id, String status) {
        await().atMost(SOON).until(() -> status.equals(row(id).get("status")));
    }

    @Test
    void theSmsGoesOutAsTheExactRequestBesideTheEmailAndEmailOnlyContactsGetNone() {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        Person patient = person("PATIENT", "Rahim Uddin", List.of("EMAIL", "SMS"));
        UUID id = UUID.randomUUID();
        Instant startsAt = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        ServiceHttp http = new ServiceHttp(port);
        PrometheusScrape before = PrometheusScrape.of(http);

        apply(AppointmentChange.BOOKED, appointment(id, doctor, patient, startsAt, "PENDING"), 1);

        UUID bookedSms = rowId(id, "BOOKED", "PATIENT", "SMS");
        UUID reminderSms = rowId(id, "REMINDER", "PATIENT", "SMS");
        awaitRow(bookedSms, "SENT");
        awaitRow(reminderSms, "SENT");
        awaitStatuses(id, "BOOKED", "SENT", "SENT", "SENT");
        awaitStatuses(id, "REMINDER", "SENT", "SENT");
        assertThat(rows(id)).extracting(r -> r.get("kind") + "/" + r.get("recipient_role") + "/" + r.get("channel"))
                .containsExactlyInAnyOrder("BOOKED/PATIENT/EMAIL", "BOOKED/PATIENT/SMS", "BOOKED/DOCTOR/EMAIL",
                        "REMINDER/PATIENT/EMAIL", "REMINDER/PATIENT/SMS");

        String when = MessageText.localTime(startsAt, DHAKA);
        String ref = id.toString().substring(0, 8);
        List<Received> sent = sms().to(patient.phone());
        assertThat(sent).hasSize(2).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(TestSmsGateway.PATH);
            assertThat(request.authorization()).isEqualTo(BASIC);
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.answered()).isEqualTo(200);
        });
        assertThat(sent).extracting(Received::body).containsExactlyInAnyOrder(
                "{\"to\":\"" + patient.phone() + "\",\"text\":\"CareSlot: Your appointment with Dr. Sabrina Sultana on "
                        + when + " is booked. The doctor will confirm it. Ref " + ref + "\",\"reference\":\""
                        + bookedSms + "@careslot\"}",
                "{\"to\":\"" + patient.phone() + "\",\"text\":\"CareSlot: This is a reminder of your appointment with "
                        + "Dr. Sabrina Sultana on " + when + ". Ref " + ref + "\",\"reference\":\"" + reminderSms
                        + "@careslot\"}");
        assertThat(sms().to(doctor.phone())).isEmpty();
        assertThat(subjectsTo(patient.email())).hasSize(2);
        assertThat(subjectsTo(doctor.email())).hasSize(1);
        // the metrics tell the channels apart (counted after the row commits: wait for the scrape)
        await().atMost(SOON).until(() -> {
            PrometheusScrape now = PrometheusScrape.of(http);
            return sentBySms(now, "BOOKED") >= sentBySms(before, "BOOKED") + 1
                    && sentBySms(now, "REMINDER") >= sentBySms(before, "REMINDER") + 1;
        });
    }

    static double sentBySms(PrometheusScrape scrape, String kind) {
        return scrape.value("careslot_reminders_sent_total", "kind", kind, "channel", "SMS", "application",
                "notification-service").orElse(0);
    }

    @Test
    void aFailingGatewayNeitherHoldsBackNorRepeatsTheEmailAndTheSmsGoesOutOnceWhenItRecovers() {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        Person patient = person("PATIENT", "Rahim Uddin", List.of("SMS", "EMAIL"));
        sms().script(patient.phone(), 500, TestSmsGateway.DROP); // then 200 again
        UUID id = UUID.randomUUID();

        apply(AppointmentChange.BOOKED, appointment(id, doctor, patient, Instant.now().plus(Duration.ofDays(3)),
                "PENDING"), 1);

        UUID email = rowId(id, "BOOKED", "PATIENT", "EMAIL");
        UUID text = rowId(id, "BOOKED", "PATIENT", "SMS");
        awaitRow(text, "SENT");
        awaitRow(email, "SENT");
        assertThat(row(email).get("attempts")).isEqualTo(1);
        assertThat(row(text).get("attempts")).isEqualTo(3);
        assertThat(((java.sql.Timestamp) row(email).get("sent_at")))
                .as("the e-mail went out before the SMS gateway recovered")
                .isBefore((java.sql.Timestamp) row(text).get("sent_at"));
        assertThat(subjectsTo(patient.email())).singleElement()
                .satisfies(s -> assertThat(s).startsWith("Appointment booked with Dr. Sabrina Sultana"));
        assertThat(sms().to(patient.phone())).extracting(Received::answered)
                .containsExactly(500, TestSmsGateway.DROP, 200);
        assertThat(sms().to(patient.phone())).extracting(Received::reference).containsOnly(text + "@careslot");

        List<ConsumerRecord<String, String>> failed = EventContract.awaitRecords("notification.reminder.v1",
                r -> id.toString().equals(r.key()) && r.value().contains("\"reminder.failed\""), 2, SOON);
        failed.forEach(record -> EventContract.assertMatchesContract(record,
                "notification.reminder.v1/reminder.json"));
        assertThat(failed).extracting(r -> EventContract.envelope(r).get("data"))
                .allSatisfy(data -> {
                    assertThat(data.get("channel").asString()).isEqualTo("SMS");
                    assertThat(data.get("status").asString()).isEqualTo("SCHEDULED");
                })
                .extracting(data -> data.get("failure_reason").asString())
                .containsExactlyInAnyOrder("the SMS gateway answered HTTP 500",
                        "the SMS gateway could not be reached or did not answer");
        assertThat(failed).allSatisfy(r -> assertThat(r.value()).doesNotContain(patient.phone()));
    }

    @Test
    void aRefusalOfTheGatewayIsPermanentAndNotRetried() {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        Person patient = person("PATIENT", "Rahim Uddin", List.of("EMAIL", "SMS"));
        sms().script(patient.phone(), 400);
        UUID id = UUID.randomUUID();

        apply(AppointmentChange.BOOKED, appointment(id, doctor, patient, Instant.now().plus(Duration.ofDays(3)),
                "PENDING"), 1);

        UUID text = rowId(id, "BOOKED", "PATIENT", "SMS");
        awaitRow(text, "FAILED");
        awaitRow(rowId(id, "BOOKED", "PATIENT", "EMAIL"), "SENT");
        assertThat(row(text).get("attempts")).isEqualTo(1);
        assertThat(row(text).get("failure_reason")).isEqualTo("the SMS gateway answered HTTP 400");
        awaitSettled(id);
        assertThat(sms().to(patient.phone())).extracting(Received::answered).containsExactly(400);
        assertThat(subjectsTo(patient.email())).hasSize(1);
    }

    @Test
    void channelsArriveWithIdentityEventsAndRedeliveredEventsAndTwoPollersSendEachSmsOnce() {
        UUID doctorId = UUID.randomUUID();
        UUID patientId = UUID.randomUUID();
        String doctorPhone = uniquePhone();
        String patientPhone = uniquePhone();
        // an event from before notification_channels existed: e-mail only
        UpstreamEvents.publish(UpstreamEvents.IDENTITY_USERS, "user.registered", doctorId.toString(), 1,
                user(doctorId, "DOCTOR", "Sabrina Sultana", doctorPhone, null));
        UpstreamEvents.publish(UpstreamEvents.IDENTITY_USERS, "user.registered", patientId.toString(), 1,
                user(patientId, "PATIENT", "Rahim Uddin", patientPhone, null));
        Sent chose = UpstreamEvents.publish(UpstreamEvents.IDENTITY_USERS, "user.updated", patientId.toString(), 2,
                user(patientId, "PATIENT", "Rahim Uddin", patientPhone, List.of("SMS", "EMAIL")));
        UpstreamEvents.send(chose);
        await().atMost(SOON).until(() -> jdbc.queryForList(
                "SELECT array_to_string(notification_channels, ',') FROM contact WHERE user_id = ?", String.class,
                patientId).equals(List.of("SMS,EMAIL")));
        await().atMost(SOON).until(() -> jdbc.queryForList(
                "SELECT array_to_string(notification_channels, ',') FROM contact WHERE user_id = ?", String.class,
                doctorId).equals(List.of("EMAIL")));

        List<UUID> appointments = new ArrayList<>();
        Instant startsAt = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 4; i++) {
            UUID id = UUID.randomUUID();
            appointments.add(id);
            Sent booked = UpstreamEvents.publish(APPOINTMENTS, "appointment.booked", id.toString(), 1,
                    UpstreamEventsTest.appointmentData(id, doctorId, patientId, startsAt.plusSeconds(600L * i),
                            "PENDING"));
            UpstreamEvents.send(booked); // redelivery
        }
        for (UUID id : appointments) {
            await().atMost(SOON).until(() -> statuses(id, "BOOKED", "SMS").equals(List.of("SENT"))
                    && statuses(id, "REMINDER", "SMS").equals(List.of("SENT")));
            awaitStatuses(id, "BOOKED", "SENT", "SENT", "SENT");
            awaitSettled(id);
            assertThat(rows(id)).hasSize(5);
        }

        List<Received> sent = sms().to(patientPhone);
        assertThat(sent).hasSize(appointments.size() * 2).extracting(Received::reference).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM reminder WHERE recipient_id = ? AND channel = 'SMS' AND status = 'SENT'
                AND attempts = 1""", Long.class, patientId)).isEqualTo(appointments.size() * 2L);
        assertThat(sms().to(doctorPhone)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reminder WHERE recipient_id = ? AND channel = 'SMS'",
                Long.class, doctorId)).isZero();
    }

    static Map<String, Object> user(UUID id, String role, String name, String phone, List<String> channels) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("email", role.toLowerCase() + "-" + id + "@example.org");
        data.put("full_name", name);
        data.put("phone", phone);
        data.put("role", role);
        data.put("division_id", 1);
        data.put("district_id", 1);
        data.put("thana_id", 1);
        data.put("is_active", true);
        data.put("created_at", Instant.now().toString());
        data.put("updated_at", Instant.now().toString());
        if (channels != null) {
            data.put("notification_channels", channels);
        }
        return data;
    }
}
