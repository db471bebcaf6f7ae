package org.careslot.booking.appointment;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.booking.appointment.domain.AppointmentAction;
import org.careslot.booking.appointment.domain.AppointmentStatus;
import org.careslot.booking.appointment.messaging.AppointmentEvents;
import org.careslot.booking.appointment.messaging.AppointmentEvents.AppointmentData;
import org.careslot.platform.messaging.envelope.EventEnvelope;
import org.careslot.platform.messaging.envelope.EventJson;
import org.careslot.platform.testkit.EventContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The appointment's event data and representations, without Spring. */
class AppointmentDataTest {

    static Appointment booked() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        return new Appointment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2030, 1, 2),
                LocalTime.of(9, 0), LocalTime.of(9, 30), "Asia/Dhaka", Instant.parse("2030-01-02T03:00:00Z"),
                Instant.parse("2030-01-02T03:30:00Z"), AppointmentStatus.PENDING, new BigDecimal("500.00"),
                "NOTES-secret", "SYMPTOMS-secret", null, null, null, 1, UUID.randomUUID(), now, now);
    }

    static ConsumerRecord<String, String> asRecord(Appointment appointment, String type) {
        EventEnvelope envelope = EventEnvelope.create(UUID.randomUUID(), "/booking-service", type,
                appointment.id().toString(), Instant.now(), AppointmentEvents.SCHEMA, appointment.version(), null,
                EventJson.toTree(AppointmentData.of(appointment)));
        return new ConsumerRecord<>(AppointmentEvents.TOPIC, 0, 0L, appointment.id().toString(), envelope.toJson());
    }

    @Test
    void theBookedStateMatchesTheSchemaWithOffsetsOfTheDoctorsZoneAndNoMedicalDataButNotes() {
        Appointment appointment = booked();
        JsonNode data = EventJson.toTree(AppointmentData.of(appointment));

        EventContract.assertMatchesContract(asRecord(appointment, "appointment.booked"),
                "booking.appointment.v1/appointment.json");
        assertThat(data.get("starts_at").asString()).isEqualTo("2030-01-02T09:00:00+06:00");
        assertThat(data.get("ends_at").asString()).isEqualTo("2030-01-02T09:30:00+06:00");
        assertThat(data.get("consultation_fee").asString()).isEqualTo("500.00");
        assertThat(data.get("notes").asString()).isEqualTo("NOTES-secret");
        assertThat(data.has("cancel_reason")).as("absent until cancelled").isFalse();
        assertThat(data.has("previous_starts_at")).as("absent until rescheduled").isFalse();
        assertThat(data.toString()).doesNotContain("SYMPTOMS").doesNotContain("symptoms")
                .doesNotContain("prescription");
    }

    @Test
    void cancelledAndRescheduledStatesCarryTheirExtrasAndMatchTheSchema() {
        Appointment appointment = booked();
        Instant now = Instant.parse("2030-01-01T01:00:00Z");
        Appointment moved = appointment.rescheduled(LocalDate.of(2030, 1, 3), LocalTime.of(10, 0),
                LocalTime.of(10, 30), "Asia/Dhaka", Instant.parse("2030-01-03T04:00:00Z"),
                Instant.parse("2030-01-03T04:30:00Z"), now);
        Appointment cancelled = moved.cancelled("travel", now);

        EventContract.assertMatchesContract(asRecord(moved, "appointment.rescheduled"),
                "booking.appointment.v1/appointment.json");
        EventContract.assertMatchesContract(asRecord(cancelled, "appointment.cancelled"),
                "booking.appointment.v1/appointment.json");
        JsonNode data = EventJson.toTree(AppointmentData.of(cancelled));
        assertThat(data.get("previous_starts_at").asString()).isEqualTo("2030-01-02T09:00:00+06:00");
        assertThat(data.get("cancel_reason").asString()).isEqualTo("travel");
        assertThat(data.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.version()).isEqualTo(3);
        assertThat(moved.status()).isEqualTo(AppointmentStatus.PENDING);
    }

    @Test
    void everyActionHasItsEventTypeAndCompletionKeepsAnEarlierPrescription() {
        assertThat(AppointmentAction.BOOK.eventType()).isEqualTo("appointment.booked");
        assertThat(AppointmentAction.NO_SHOW.eventType()).isEqualTo("appointment.no_show");
        Appointment completed = booked().moved(AppointmentAction.CONFIRM, Instant.now())
                .completed("rest", Instant.now());
        assertThat(completed.prescription()).isEqualTo("rest");
        assertThat(completed.status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(completed.completed(null, Instant.now()).prescription()).isEqualTo("rest");
    }

    @Test
    void medicalDataNeverAppearsInToString() {
        Appointment appointment = booked().completed("PRESCRIPTION-secret", Instant.now());
        assertThat(appointment.toString()).doesNotContain("secret");
        assertThat(AppointmentData.of(appointment).toString()).doesNotContain("secret");
        assertThat(new BookingRequest("d", "2030-01-01", "09:00", "NOTES-secret", "SYMPTOMS-secret", null).toString())
                .doesNotContain("secret");
    }
}
