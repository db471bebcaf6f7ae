package org.careslot.booking.appointment;

import org.careslot.booking.fixtures.Actor;
import org.careslot.booking.fixtures.BookingIntegrationTest;
import org.careslot.booking.fixtures.DoctorProfile;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races decided by the database: the exclusion constraints and the optimistic lock, with requests really in flight
 * at the same time (released together by a latch).
 */
class ConcurrencyTest extends BookingIntegrationTest {

    /** Runs all calls at once and returns their answers in order. */
    static List<Answer> race(List<Callable<Answer>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            List<Future<Answer>> futures = new ArrayList<>();
            for (Callable<Answer> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }

    static long count(List<Answer> answers, int status) {
        return answers.stream().filter(answer -> answer.status() == status).count();
    }

    long activeAt(Object doctor, String startsAt) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM appointment WHERE doctor_id = ?::uuid AND starts_at = ?::timestamptz
                AND status IN ('PENDING', 'CONFIRMED')""", Long.class, doctor.toString(), startsAt);
    }

    /** Reliability scenario of docs/reliability.md: 200 bookings of one slot at once, each answered, one wins. */
    @Test
    void twoHundredPatientsRaceForOneTimeAndExactlyOneGetsIt() throws Exception {
        int racers = 200;
        LocalDate date = daysAhead(7);
        DoctorProfile doctor = publish(DoctorProfile.random().everyDay("09:00", "12:00", 30), 1);
        List<Actor> patients = Actor.newUsers("PATIENT", racers);
        Map<String, Object> body = booking(doctor.id(), date, "10:00");

        // logged in before the race: it is between bookings, not between 200 logins at Keycloak
        List<String> tokens = patients.stream().map(Actor::token).toList();

        long begin = System.nanoTime();
        List<Answer> answers = race(tokens.stream()
                .<Callable<Answer>>map(token -> () -> http.post("/api/v1/appointments/", body, token))
                .toList());
        long tookMillis = (System.nanoTime() - begin) / 1_000_000;

        long won = count(answers, 201);
        long refused = count(answers, 409);
        List<String> winners = answers.stream().filter(answer -> answer.status() == 201)
                .map(answer -> answer.text("id")).toList();
        // the winner's booking is one event in the outbox; the losers left none
        long bookedEvents = jdbc.queryForObject("""
                SELECT count(*) FROM outbox WHERE type = 'appointment.booked' AND aggregate_id IN (
                SELECT id::text FROM appointment WHERE doctor_id = ?)""", Long.class, doctor.id());
        System.out.println("RELIABILITY 200 concurrent bookings of one slot: load held " + (won + refused) + "/"
                + racers + " answered (" + won + " × 201, " + refused + " × 409), faults injected 0, events lost "
                + (winners.size() - Math.min(bookedEvents, winners.size())) + ", duplicates "
                + Math.max(0, bookedEvents - 1) + " (" + tookMillis + " ms)");
        assertThat(won).as(answers.toString()).isEqualTo(1);
        assertThat(refused).isEqualTo(racers - 1);
        answers.stream().filter(answer -> answer.status() == 409).forEach(answer ->
                assertThat(answer.text("detail")).contains("doctor has another appointment"));
        assertThat(activeAt(doctor.id(), date + "T10:00:00+06:00")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment WHERE doctor_id = ?", Long.class,
                doctor.id())).isEqualTo(1);
        assertThat(bookedEvents).isEqualTo(1);
    }

    @Test
    void twoReschedulesToTheSameFreeTimeOneWinsTheOtherKeepsItsTime() throws Exception {
        LocalDate date = daysAhead(8);
        DoctorProfile doctor = publish(DoctorProfile.random().everyDay("08:00", "20:00", 30), 1);
        for (int round = 0; round < 5; round++) {
            Actor first = Actor.patient();
            Actor second = Actor.patient();
            String target = String.format("%02d:30", 9 + round);
            String a = book(first, doctor.id(), date, String.format("%02d:00", 9 + round)).text("id");
            String b = book(second, doctor.id(), date, String.format("%02d:00", 14 + round)).text("id");
            Map<String, Object> move = Map.of("date", date.toString(), "start_time", target);

            List<Answer> answers = race(List.of(
                    () -> http.post("/api/v1/appointments/" + a + "/reschedule/", move, first.token()),
                    () -> http.post("/api/v1/appointments/" + b + "/reschedule/", move, second.token())));

            assertThat(answers).extracting(Answer::status).as(answers.toString()).containsExactlyInAnyOrder(200, 409);
            int loser = answers.get(0).status() == 409 ? 0 : 1;
            String loserId = loser == 0 ? a : b;
            Actor loserPatient = loser == 0 ? first : second;
            String kept = String.format("%02d:00", (loser == 0 ? 9 : 14) + round);
            assertThat(http.get("/api/v1/appointments/" + loserId + "/", loserPatient.token()).text("start_time"))
                    .isEqualTo(kept);
            assertThat(activeAt(doctor.id(), date + "T" + target + ":00+06:00")).isEqualTo(1);
        }
    }

    @Test
    void twoReschedulesOfOneAppointmentAtOnceOnlyOneApplies() throws Exception {
        LocalDate date = daysAhead(9);
        DoctorProfile doctor = publish(DoctorProfile.random().everyDay("08:00", "18:00", 30), 1);
        Actor patient = Actor.patient();
        Actor admin = Actor.admin();
        String id = book(patient, doctor.id(), date, "09:00").text("id");
        Map<String, Object> move = Map.of("date", date.toString(), "start_time", "12:00");

        List<Answer> answers = race(List.of(
                () -> http.post("/api/v1/appointments/" + id + "/reschedule/", move, patient.token()),
                () -> http.post("/api/v1/appointments/" + id + "/reschedule/", move, admin.token())));

        // the loser either lost the optimistic lock (409) or came second and asked for the time it already has (400)
        assertThat(count(answers, 200)).as(answers.toString()).isEqualTo(1);
        assertThat(answers).extracting(Answer::status).containsAnyOf(409, 400);
        assertThat(jdbc.queryForObject("SELECT version FROM appointment WHERE id = ?::uuid", Long.class, id))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM appointment_history WHERE appointment_id = ?::uuid",
                Long.class, id)).isEqualTo(2);
    }
}
