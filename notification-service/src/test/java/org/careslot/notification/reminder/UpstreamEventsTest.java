package org.careslot.notification.reminder;

import org.careslot.notification.fixtures.NotificationIntegrationTest;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.events.UpstreamEvents.Sent;
import org.careslot.platform.testkit.events.UpstreamEvents.User;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** identity.user.v1 and booking.appointment.v1 consumed from Kafka: redelivered and reordered events change nothing. */
class UpstreamEventsTest extends NotificationIntegrationTest {

    static Map<String, Object> appointmentData(UUID id, UUID doctor, UUID patient, Instant startsAt, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("doctor_id", doctor.toString());
        data.put("patient_id", patient.toString());
        data.put("starts_at", OffsetDateTime.ofInstant(startsAt, DHAKA).toString());
        data.put("ends_at", OffsetDateTime.ofInstant(startsAt.plus(Duration.ofMinutes(30)), DHAKA).toString());
        data.put("time_zone", DHAKA.getId());
        data.put("status", status);
        data.put("consultation_fee", "650.00");
        data.put("notes", "private notes");
        return data;
    }

    void awaitContact(UUID id, String fullName) {
        await().atMost(SOON).until(() -> jdbc.queryForList("SELECT full_name FROM contact WHERE user_id = ?",
                String.class, id).equals(List.of(fullName)));
    }

    @Test
    void duplicateAndOutOfOrderEventsSendEachMessageOnce() {
        UUID doctorId = UUID.randomUUID();
        UUID patientId = UUID.randomUUID();
        User doctor = User.of(doctorId, "DOCTOR").withName("Sabrina Sultana");
        User patient = User.of(patientId, "PATIENT").withName("Rahim");
        UpstreamEvents.publishUser("user.registered", doctor, 1);
        UpstreamEvents.publishUser("user.registered", patient, 1);
        UpstreamEvents.publishUser("user.updated", patient.withName("Rahim Uddin"), 2);
        Sent stale = UpstreamEvents.publishUser("user.updated", patient.withName("Old Name"), 1);
        awaitContact(patientId, "Rahim Uddin");
        awaitContact(doctorId, "Sabrina Sultana");
        UpstreamEvents.send(stale);

        UUID id = UUID.randomUUID();
        Instant startsAt = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        Sent booked = UpstreamEvents.publish(APPOINTMENTS, "appointment.booked", id.toString(), 1,
                appointmentData(id, doctorId, patientId, startsAt, "PENDING"));
        UpstreamEvents.send(booked); // redelivery
        UpstreamEvents.publish(APPOINTMENTS, "appointment.confirmed", id.toString(), 2,
                appointmentData(id, doctorId, patientId, startsAt, "CONFIRMED"));
        UpstreamEvents.send(booked); // overtaken
        awaitStatuses(id, "CONFIRMED", "SENT");
        awaitStatuses(id, "REMINDER", "SENT");
        awaitSettled(id);

        assertThat(subjectsTo(patient.email())).hasSize(3) // booked, reminder, confirmed: each once
                .allSatisfy(s -> assertThat(s).contains("Dr. Sabrina Sultana"));
        assertThat(subjectsTo(doctor.email())).singleElement()
                .satisfies(s -> assertThat(s).startsWith("New appointment with Rahim Uddin"));

        // a later version seen first: the older one that arrives afterwards is dropped
        UUID second = UUID.randomUUID();
        UpstreamEvents.publish(APPOINTMENTS, "appointment.cancelled", second.toString(), 3,
                appointmentData(second, doctorId, patientId, startsAt.plus(Duration.ofDays(1)), "CANCELLED"));
        UpstreamEvents.publish(APPOINTMENTS, "appointment.booked", second.toString(), 1,
                appointmentData(second, doctorId, patientId, startsAt.plus(Duration.ofDays(1)), "PENDING"));
        awaitStatuses(second, "CANCELLED", "SENT", "SENT");
        UUID marker = UUID.randomUUID();
        UpstreamEvents.publish(APPOINTMENTS, "appointment.booked", marker.toString(), 1,
                appointmentData(marker, doctorId, patientId, startsAt.plus(Duration.ofDays(2)), "PENDING"));
        awaitStatuses(marker, "BOOKED", "SENT", "SENT");
        assertThat(rows(second)).extracting(r -> r.get("kind")).containsOnly("CANCELLED");
    }
}
