package org.careslot.booking.appointment;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.booking.fixtures.Actor;
import org.careslot.booking.fixtures.BookingIntegrationTest;
import org.careslot.booking.fixtures.DoctorProfile;
import org.careslot.platform.testkit.EventContract;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.events.UpstreamEvents.User;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo-data seed path (POST /internal/demo/appointments, on in these tests): an admin books a past time on the
 * doctor's grid through the same rules, history and outbox as a booking, and the public lifecycle completes it; the
 * public booking endpoint still refuses the past.
 */
class DemoBackdatingTest extends BookingIntegrationTest {

    static final String PATH = "/internal/demo/appointments/";

    @Test
    void anAdminBooksAPastTimeWhoseEventsAreThoseOfABookingAndTheDoctorCompletesIt() {
        Actor doctor = Actor.doctor();
        Actor patient = Actor.patient();
        Actor admin = Actor.admin();
        publish(DoctorProfile.of(doctor.id()).fee("700.00").slot(DayOfWeek.MONDAY, "09:00", "12:00", 30), 1);
        UpstreamEvents.publishUser("user.registered", User.of(patient.id(), "PATIENT"), 1);
        awaitUser(patient.id(), 1);
        LocalDate lastMonday = LocalDate.now(clock.withZone(ZoneId.of("Asia/Dhaka"))).minusDays(1)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<String, Object> body = booking(doctor.id(), lastMonday, "10:30");
        body.put("patient_id", patient.id().toString());
        body.put("notes", "annual check-up");

        Answer publicRefusal = http.post("/api/v1/appointments/", body, admin.token());
        assertThat(publicRefusal.status()).as(publicRefusal.body()).isEqualTo(400);
        assertThat(publicRefusal.errorFields()).containsAnyOf("date", "start_time");

        Answer booked = http.post(PATH, body, admin.token());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.text("id");
        assertThat(booked.header("Location")).isEqualTo("/api/v1/appointments/" + id + "/");
        assertThat(booked.text("status")).isEqualTo("PENDING");
        assertThat(booked.text("starts_at")).isEqualTo(lastMonday + "T10:30:00+06:00");
        assertThat(booked.text("end_time")).isEqualTo("11:00");
        assertThat(booked.text("consultation_fee")).isEqualTo("700.00");

        // the time is taken like any other: the public lifecycle drives it on
        Answer again = http.post(PATH, body, admin.token());
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(http.post("/api/v1/appointments/" + id + "/confirm/", null, doctor.token()).status())
                .isEqualTo(200);
        Answer completed = http.post("/api/v1/appointments/" + id + "/complete/", Map.of("prescription", "rest"),
                doctor.token());
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("COMPLETED");
        JsonNode history = completed.json().get("history");
        assertThat(history.get(0).get("changed_by").asString()).isEqualTo(admin.id().toString());
        assertThat(history.get(0).get("changed_by_role").asString()).isEqualTo("ADMIN");

        List<ConsumerRecord<String, String>> events = EventContract.awaitRecords("booking.appointment.v1",
                record -> id.equals(record.key()), 3, ARRIVAL);
        assertThat(events.stream().map(record -> EventContract.envelope(record).get("type").asString()))
                .containsExactly("appointment.booked", "appointment.confirmed", "appointment.completed");
        for (ConsumerRecord<String, String> record : events) {
            EventContract.assertMatchesContract(record, "booking.appointment.v1/appointment.json");
        }
        JsonNode data = EventContract.envelope(events.getFirst()).get("data");
        assertThat(data.get("starts_at").asString()).isEqualTo(lastMonday + "T10:30:00+06:00");
        assertThat(data.get("patient_id").asString()).isEqualTo(patient.id().toString());
    }

    @Test
    void onlyAdminsMayAndOnlyOnTheDoctorsGridForAKnownPatient() {
        Actor doctor = Actor.doctor();
        Actor patient = Actor.patient();
        Actor admin = Actor.admin();
        publish(DoctorProfile.of(doctor.id()).slot(DayOfWeek.TUESDAY, "09:00", "10:00", 30), 1);
        UpstreamEvents.publishUser("user.registered", User.of(patient.id(), "PATIENT"), 1);
        awaitUser(patient.id(), 1);
        LocalDate lastTuesday = LocalDate.now(clock.withZone(ZoneId.of("Asia/Dhaka"))).minusDays(1)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
        Map<String, Object> body = booking(doctor.id(), lastTuesday, "09:00");
        body.put("patient_id", patient.id().toString());

        assertThat(http.post(PATH, body, patient.token()).status()).isEqualTo(403);
        assertThat(http.post(PATH, body, doctor.token()).status()).isEqualTo(403);
        assertThat(http.post(PATH, body, null).status()).isEqualTo(401);

        Map<String, Object> offGrid = booking(doctor.id(), lastTuesday, "09:10");
        offGrid.put("patient_id", patient.id().toString());
        Answer refused = http.post(PATH, offGrid, admin.token());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("start_time");

        Answer withoutPatient = http.post(PATH, booking(doctor.id(), lastTuesday, "09:00"), admin.token());
        assertThat(withoutPatient.status()).as(withoutPatient.body()).isEqualTo(400);
        assertThat(withoutPatient.errorFields()).containsExactly("patient_id");
    }
}
