package org.careslot.booking.appointment;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.booking.fixtures.Actor;
import org.careslot.booking.fixtures.BookingIntegrationTest;
import org.careslot.booking.fixtures.DoctorProfile;
import org.careslot.platform.testkit.EventContract;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * booking.appointment.v1 as notification, reporting and hospital systems receive it: through the outbox, the relay
 * and Kafka, in order per appointment, matching the published schema, without symptoms or prescriptions; and medical
 * data in no log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class AppointmentEventsTest extends BookingIntegrationTest {

    static final String TOPIC = "booking.appointment.v1";
    static final String SCHEMA = "booking.appointment.v1/appointment.json";

    List<ConsumerRecord<String, String>> eventsOf(String appointmentId, int count) {
        return EventContract.awaitRecords(TOPIC, record -> appointmentId.equals(record.key()), count, ARRIVAL);
    }

    static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> EventContract.envelope(record).get("type").asString()).toList();
    }

    static List<Long> sequences(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> EventContract.envelope(record).get("sequence").asLong()).toList();
    }

    static JsonNode data(ConsumerRecord<String, String> record) {
        return EventContract.envelope(record).get("data");
    }

    /** Spring MVC logs the request bodies it read (by their toString) at DEBUG, this service its events. */
    static final List<String> VERBOSE = List.of("org.springframework.web.servlet.mvc.method.annotation",
            "org.careslot.booking", "org.careslot.platform");

    @AfterEach
    void quiet() {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        VERBOSE.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void everyChangeIsPublishedInOrderPerAppointmentMatchingTheSchemaWithoutSymptomsOrPrescriptions(
            CapturedOutput output) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        VERBOSE.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String notes = "NOTES-" + marker;
        String symptoms = "SYMPTOMS-" + marker;
        String prescription = "PRESCRIPTION-" + marker;
        String reason = "REASON-" + marker;
        Actor doctor = Actor.doctor();
        Actor patient = Actor.patient();
        LocalDate date = daysAhead(3);
        publish(DoctorProfile.of(doctor.id()).fee("650.00").everyDay("09:00", "17:00", 30), 1);

        Map<String, Object> body = booking(doctor.id(), date, "09:00");
        body.put("notes", notes);
        body.put("symptoms", symptoms);
        String moved = http.post("/api/v1/appointments/", body, patient.token()).text("id");
        assertThat(http.post("/api/v1/appointments/" + moved + "/confirm/", null, doctor.token()).status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/appointments/" + moved + "/reschedule/",
                Map.of("date", date.toString(), "start_time", "10:00"), patient.token()).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/appointments/" + moved + "/cancel/", Map.of("reason", reason),
                patient.token()).status()).isEqualTo(200);

        body.put("start_time", "11:00");
        String completed = http.post("/api/v1/appointments/", body, patient.token()).text("id");
        body.put("start_time", "12:00");
        String missed = http.post("/api/v1/appointments/", body, patient.token()).text("id");
        // failures with medical data in the request: a taken time and an invalid field
        body.put("start_time", "12:00");
        assertThat(http.post("/api/v1/appointments/", body, Actor.patient().token()).status()).isEqualTo(409);
        body.put("doctor_id", "nonsense");
        assertThat(http.post("/api/v1/appointments/", body, patient.token()).status()).isEqualTo(400);
        for (String id : List.of(completed, missed)) {
            assertThat(http.post("/api/v1/appointments/" + id + "/confirm/", null, doctor.token()).status())
                    .isEqualTo(200);
        }
        clock.setTo(date.atTime(13, 0).atZone(ZoneId.of("Asia/Dhaka")).toInstant());
        assertThat(http.post("/api/v1/appointments/" + completed + "/complete/", Map.of("prescription", prescription),
                doctor.token()).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/appointments/" + missed + "/no-show/", null, doctor.token()).status())
                .isEqualTo(200);

        List<ConsumerRecord<String, String>> first = eventsOf(moved, 4);
        assertThat(types(first)).containsExactly("appointment.booked", "appointment.confirmed",
                "appointment.rescheduled", "appointment.cancelled");
        assertThat(sequences(first)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(types(eventsOf(completed, 3))).containsExactly("appointment.booked", "appointment.confirmed",
                "appointment.completed");
        List<ConsumerRecord<String, String>> third = eventsOf(missed, 3);
        assertThat(types(third)).containsExactly("appointment.booked", "appointment.confirmed",
                "appointment.no_show");
        assertThat(sequences(third)).containsExactly(1L, 2L, 3L);

        List<ConsumerRecord<String, String>> all = new java.util.ArrayList<>(first);
        all.addAll(eventsOf(completed, 3));
        all.addAll(third);
        for (ConsumerRecord<String, String> record : all) {
            EventContract.assertMatchesContract(record, SCHEMA);
            assertThat(record.value()).doesNotContain(symptoms).doesNotContain(prescription)
                    .doesNotContain("symptoms").doesNotContain("prescription");
            assertThat(record.headers().lastHeader("traceparent")).isNotNull();
            JsonNode envelope = EventContract.envelope(record);
            assertThat(envelope.get("source").asString()).isEqualTo("/booking-service");
            assertThat(envelope.get("dataschema").asString())
                    .isEqualTo("urn:careslot:schema:booking.appointment.v1:appointment");
            assertThat(data(record).get("notes").asString()).isEqualTo(notes);
            assertThat(data(record).get("consultation_fee").asString()).isEqualTo("650.00");
            assertThat(data(record).get("doctor_id").asString()).isEqualTo(doctor.id().toString());
            assertThat(data(record).get("patient_id").asString()).isEqualTo(patient.id().toString());
        }
        JsonNode booked = data(first.get(0));
        assertThat(booked.get("status").asString()).isEqualTo("PENDING");
        assertThat(booked.get("starts_at").asString()).isEqualTo(date + "T09:00:00+06:00");
        assertThat(booked.get("ends_at").asString()).isEqualTo(date + "T09:30:00+06:00");
        assertThat(booked.get("time_zone").asString()).isEqualTo("Asia/Dhaka");
        assertThat(booked.has("cancel_reason")).isFalse();
        assertThat(data(first.get(1)).get("status").asString()).isEqualTo("CONFIRMED");
        JsonNode rescheduled = data(first.get(2));
        assertThat(rescheduled.get("status").asString()).isEqualTo("PENDING");
        assertThat(rescheduled.get("starts_at").asString()).isEqualTo(date + "T10:00:00+06:00");
        assertThat(rescheduled.get("previous_starts_at").asString()).isEqualTo(date + "T09:00:00+06:00");
        JsonNode cancelled = data(first.get(3));
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancel_reason").asString()).isEqualTo(reason);

        // the service logged nothing medical, neither on success nor on the failures above, even at DEBUG
        assertThat(output.getAll()).as("the capture works").contains("BookingRequest[doctorId=" + doctor.id());
        assertThat(output.getAll()).doesNotContain(notes).doesNotContain(symptoms).doesNotContain(prescription);
        Answer read = http.get("/api/v1/appointments/" + completed + "/", patient.token());
        assertThat(read.text("prescription")).isEqualTo(prescription);
        assertThat(read.text("symptoms")).isEqualTo(symptoms);
    }
}
