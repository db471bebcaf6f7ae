package org.careslot.booking.appointment;

import org.careslot.booking.fixtures.Actor;
import org.careslot.booking.fixtures.BookingIntegrationTest;
import org.careslot.booking.fixtures.DoctorProfile;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key on POST /api/v1/appointments/: replays answer the first response and create nothing. */
class IdempotencyTest extends BookingIntegrationTest {

    Answer book(Map<String, Object> body, Actor caller, String key) {
        return http.post("/api/v1/appointments/", body, caller.token(), Map.of("Idempotency-Key", key));
    }

    long appointmentsOf(Actor patient) {
        return jdbc.queryForObject("SELECT count(*) FROM appointment WHERE patient_id = ?", Long.class, patient.id());
    }

    @Test
    void aRetryWithTheSameKeyAndBodyAnswersTheFirstResponseAndCreatesNothing() {
        LocalDate date = daysAhead(3);
        DoctorProfile doctor = publish(DoctorProfile.random().everyDay("09:00", "12:00", 30), 1);
        Actor patient = Actor.patient();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = booking(doctor.id(), date, "09:00");
        body.put("notes", "retry me");

        Answer first = book(body, patient, key);
        Answer retry = book(body, patient, key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(appointmentsOf(patient)).isEqualTo(1);

        // still the first response after the appointment changed
        assertThat(http.post("/api/v1/appointments/" + first.text("id") + "/cancel/", null, patient.token()).status())
                .isEqualTo(200);
        Answer later = book(body, patient, key);
        assertThat(later.body()).isEqualTo(first.body());
        assertThat(later.text("status")).isEqualTo("PENDING");
        assertThat(appointmentsOf(patient)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIs422() {
        LocalDate date = daysAhead(3);
        DoctorProfile doctor = publish(DoctorProfile.random().everyDay("09:00", "12:00", 30), 1);
        Actor patient = Actor.patient();
        String key = UUID.randomUUID().toString();
        assertThat(book(booking(doctor.id(), date, "09:00"), patient, key).status()).isEqualTo(201);

        Map<String, Object> changed = booking(doctor.id(), date, "09:30");
        Answer answer = book(changed, patient, key);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("detail")).contains("Idempotency-Key");
        Map<String, Object> withNotes = booking(doctor.id(), date, "09:00");
        withNotes.put("notes", "now with notes");
        assertThat(book(withNotes, patient, key).status()).isEqualTo(422);
        assertThat(appointmentsOf(patient)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirCallerAndAFailedRequestStoresNothing() {
        LocalDate date = daysAhead(4);
        DoctorProfile doctor = publish(DoctorProfile.random().everyDay("09:00", "12:00", 30), 1);
        Actor first = Actor.patient();
        Actor second = Actor.patient();
        String key = "same-key-" + UUID.randomUUID();

        assertThat(book(booking(doctor.id(), date, "09:00"), first, key).status()).isEqualTo(201);
        // another caller's identical key is a different key
        Answer taken = book(booking(doctor.id(), date, "09:00"), second, key);
        assertThat(taken.status()).as("the time is taken").isEqualTo(409);
        // that 409 stored nothing: the key is free for this caller's next attempt
        Answer retried = book(booking(doctor.id(), date, "09:30"), second, key);
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(appointmentsOf(second)).isEqualTo(1);

        Answer tooLong = book(booking(doctor.id(), date, "10:00"), second, "k".repeat(256));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorFields()).containsExactly("Idempotency-Key");
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneAppointmentAndAllGetItsAnswer() throws Exception {
        LocalDate date = daysAhead(5);
        DoctorProfile doctor = publish(DoctorProfile.random().everyDay("09:00", "12:00", 30), 1);
        Actor patient = Actor.patient();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = booking(doctor.id(), date, "11:00");

        List<Answer> answers = ConcurrencyTest.race(Collections.nCopies(12,
                (Callable<Answer>) () -> book(body, patient, key)));

        assertThat(answers).extracting(Answer::status).containsOnly(201);
        assertThat(answers).extracting(Answer::body).containsOnly(answers.getFirst().body());
        assertThat(answers.stream().filter(answer -> answer.header("Idempotent-Replayed") == null)).hasSize(1);
        assertThat(appointmentsOf(patient)).isEqualTo(1);
    }
}
