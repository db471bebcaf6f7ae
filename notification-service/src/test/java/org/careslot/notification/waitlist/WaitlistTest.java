package org.careslot.notification.waitlist;

import org.careslot.notification.fixtures.NotificationIntegrationTest;
import org.careslot.notification.reminder.domain.MessageText;
import org.careslot.platform.testkit.KeycloakTokens;
import org.careslot.platform.testkit.KeycloakTokens.TestUser;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.events.UpstreamEvents.Sent;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The waitlist through the HTTP API with real Keycloak tokens, and its notices from real booking.appointment.v1
 * events through Kafka, delivered by the reminder machinery to GreenMail.
 */
class WaitlistTest extends NotificationIntegrationTest {

    static final String FREED_SUBJECT = "A slot is free with ";

    final ServiceHttp http() {
        return new ServiceHttp(port);
    }

    static String token(TestUser user) {
        return KeycloakTokens.shared().accessToken(user.email(), user.password());
    }

    static LocalDate today() {
        return LocalDate.now(DHAKA);
    }

    Answer join(Person doctor, Object date, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", date);
        return http().post("/api/v1/doctors/" + doctor.id() + "/waitlist/", body, token);
    }

    @Test
    void joiningAnswers201WithTheEntryAndTwiceIs409() {
        TestUser user = KeycloakTokens.shared().createUser("PATIENT");
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        String date = today().plusDays(3).toString();

        Answer joined = http().post("/api/v1/doctors/" + doctor.id() + "/waitlist/", Map.of("date", date), token(user));

        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        JsonNode entry = joined.json();
        assertThat(ServiceHttp.names(entry)).containsExactly("id", "doctor_id", "date", "status", "created_at",
                "notified_at");
        assertThat(entry.get("doctor_id").asString()).isEqualTo(doctor.id().toString());
        assertThat(entry.get("date").asString()).isEqualTo(date);
        assertThat(entry.get("status").asString()).isEqualTo("WAITING");
        assertThat(entry.get("notified_at").isNull()).isTrue();
        assertThat(joined.header("Location")).endsWith("/api/v1/waitlist/" + entry.get("id").asString() + "/");

        Answer again = http().post("/api/v1/doctors/" + doctor.id() + "/waitlist", Map.of("date", date), token(user));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        // another date of the same doctor is another entry
        assertThat(http().post("/api/v1/doctors/" + doctor.id() + "/waitlist/",
                Map.of("date", today().plusDays(4).toString()), token(user)).status()).isEqualTo(201);
    }

    @Test
    void ofTwoConcurrentJoinsExactlyOneGetsIn() throws Exception {
        TestUser user = KeycloakTokens.shared().createUser("PATIENT");
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        String token = token(user);
        for (int round = 0; round < 3; round++) {
            Map<String, String> roundBody = Map.of("date", today().plusDays(5 + round).toString());
            List<Callable<Integer>> joins = List.of(
                    () -> http().post("/api/v1/doctors/" + doctor.id() + "/waitlist/", roundBody, token).status(),
                    () -> http().post("/api/v1/doctors/" + doctor.id() + "/waitlist/", roundBody, token).status());
            List<Integer> statuses = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (Future<Integer> answer : pool.invokeAll(joins)) {
                    statuses.add(answer.get());
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM waitlist_entry WHERE patient_id = ?::uuid", Long.class,
                user.id())).isEqualTo(3);
    }

    @Test
    void aMissingMalformedPastOrTooDistantDateIs400NamingDate() {
        TestUser user = KeycloakTokens.shared().createUser("PATIENT");
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        String token = token(user);
        List<Object> bad = new ArrayList<>();
        bad.add(null);
        bad.addAll(List.of("", "2026-13-01", "tomorrow", today().minusDays(1).toString(),
                today().plusDays(91).toString()));
        for (Object date : bad) {
            Answer answer = join(doctor, date, token);
            assertThat(answer.status()).as(String.valueOf(date)).isEqualTo(400);
            assertThat(answer.errorFields()).as(String.valueOf(date)).containsExactly("date");
        }
        assertThat(join(doctor, today().toString(), token).status()).isEqualTo(201);
        assertThat(join(doctor, today().plusDays(90).toString(), token).status()).isEqualTo(201);
    }

    @Test
    void anUnknownInactiveOrNonDoctorIdIs404() {
        TestUser user = KeycloakTokens.shared().createUser("PATIENT");
        String token = token(user);
        Map<String, String> body = Map.of("date", today().plusDays(2).toString());
        Person patient = person("PATIENT", "Not A Doctor");
        UUID inactive = UUID.randomUUID();
        contacts.userChanged(new org.careslot.notification.contact.UserSnapshot(inactive, "gone@example.org",
                "Gone Doctor", null, "DOCTOR", false, List.of("EMAIL")), 1);
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", patient.id().toString(),
                inactive.toString())) {
            Answer answer = http().post("/api/v1/doctors/" + id + "/waitlist/", body, token);
            assertThat(answer.status()).as(id).isEqualTo(404);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void onlyPatientsUseTheWaitlist() {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        Map<String, String> body = Map.of("date", today().plusDays(2).toString());
        for (String role : List.of("DOCTOR", "ADMIN")) {
            String token = token(KeycloakTokens.shared().createUser(role));
            assertThat(http().post("/api/v1/doctors/" + doctor.id() + "/waitlist/", body, token).status()).as(role)
                    .isEqualTo(403);
            assertThat(http().get("/api/v1/waitlist/", token).status()).as(role).isEqualTo(403);
        }
        assertThat(http().post("/api/v1/doctors/" + doctor.id() + "/waitlist/", body, null).status()).isEqualTo(401);
        assertThat(http().get("/api/v1/waitlist/", null).status()).isEqualTo(401);
    }

    @Test
    void aPatientListsOnlyTheirOwnEntriesPageByPageAndLeavesOnlyTheirOwn() {
        TestUser me = KeycloakTokens.shared().createUser("PATIENT");
        TestUser other = KeycloakTokens.shared().createUser("PATIENT");
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        List<String> mine = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            mine.add(join(doctor, today().plusDays(day).toString(), token(me)).json().get("id").asString());
        }
        String others = join(doctor, today().plusDays(1).toString(), token(other)).json().get("id").asString();

        Answer first = http().get("/api/v1/waitlist/?page_size=2", token(me));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("count").asLong()).isEqualTo(3);
        assertThat(first.json().get("results")).hasSize(2);
        assertThat(first.text("next")).endsWith("/api/v1/waitlist/?page=2&page_size=2");
        Answer second = http().get("/api/v1/waitlist?page=2&page_size=2", token(me));
        assertThat(second.json().get("results")).hasSize(1);
        assertThat(second.json().get("next").isNull()).isTrue();
        List<String> listed = new ArrayList<>();
        first.json().get("results").forEach(e -> listed.add(e.get("id").asString()));
        second.json().get("results").forEach(e -> listed.add(e.get("id").asString()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(mine).doesNotContain(others);
        assertThat(http().get("/api/v1/waitlist/?page_size=500", token(me)).errorFields()).containsExactly("page_size");

        assertThat(http().delete("/api/v1/waitlist/" + others + "/", token(me)).status()).isEqualTo(404);
        assertThat(http().delete("/api/v1/waitlist/" + UUID.randomUUID() + "/", token(me)).status()).isEqualTo(404);
        assertThat(http().delete("/api/v1/waitlist/nope/", token(me)).status()).isEqualTo(404);
        assertThat(http().delete("/api/v1/waitlist/" + mine.getFirst() + "/", token(me)).status()).isEqualTo(204);
        assertThat(http().delete("/api/v1/waitlist/" + mine.getFirst(), token(me)).status()).isEqualTo(404);
        assertThat(http().get("/api/v1/waitlist/", token(me)).json().get("count").asLong()).isEqualTo(2);
        assertThat(http().get("/api/v1/waitlist/", token(other)).json().get("count").asLong()).isEqualTo(1);
    }

    @Test
    void eachFreedSlotTellsTheNextWaiterOnceFirstComeFirstServed() throws Exception {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        TestUser cancellerUser = KeycloakTokens.shared().createUser("PATIENT");
        TestUser firstUser = KeycloakTokens.shared().createUser("PATIENT");
        TestUser secondUser = KeycloakTokens.shared().createUser("PATIENT");
        Person canceller = person(UUID.fromString(cancellerUser.id()), "PATIENT", cancellerUser.email(), "Karim Ali");
        Person first = person(UUID.fromString(firstUser.id()), "PATIENT", firstUser.email(), "Rahim Uddin");
        Person second = person(UUID.fromString(secondUser.id()), "PATIENT", secondUser.email(), "Nusrat Jahan");
        Person other = person("PATIENT", "Farhana Akter");
        Instant startsAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        LocalDate date = LocalDate.ofInstant(startsAt, DHAKA);
        UUID cancelled = UUID.randomUUID();
        UUID alsoCancelled = UUID.randomUUID();
        UpstreamEvents.publish(APPOINTMENTS, "appointment.booked", cancelled.toString(), 1,
                appointmentData(cancelled, doctor, canceller, startsAt, "PENDING"));
        UpstreamEvents.publish(APPOINTMENTS, "appointment.booked", alsoCancelled.toString(), 1,
                appointmentData(alsoCancelled, doctor, other, startsAt.plus(Duration.ofHours(1)), "PENDING"));
        // the canceller waits too (for an earlier slot that day), and joined first: never told about their own slot
        String cancellersEntry = join(doctor, date.toString(), token(cancellerUser)).json().get("id").asString();
        String firstEntry = join(doctor, date.toString(), token(firstUser)).json().get("id").asString();
        String secondEntry = join(doctor, date.toString(), token(secondUser)).json().get("id").asString();
        awaitAppointment(alsoCancelled, 1);

        Sent cancel = UpstreamEvents.publish(APPOINTMENTS, "appointment.cancelled", cancelled.toString(), 2,
                appointmentData(cancelled, doctor, canceller, startsAt, "CANCELLED"));

        await().atMost(SOON).until(() -> freedSubjects(first).size() == 1);
        assertThat(freedSubjects(first)).containsExactly(FREED_SUBJECT + "Dr. Sabrina Sultana on "
                + MessageText.localTime(startsAt, DHAKA));
        Map<String, String> parts = parts(mailTo(first.email()).stream().filter(m -> subject(m).startsWith(FREED_SUBJECT))
                .findFirst().orElseThrow());
        assertThat(parts.get("text/plain")).contains("Dear Rahim Uddin", "can be booked now", "first")
                .doesNotContain(cancelled.toString(), "Karim");
        assertThat(status(firstEntry)).isEqualTo("NOTIFIED");
        assertThat(status(secondEntry)).isEqualTo("WAITING");
        assertThat(status(cancellersEntry)).isEqualTo("WAITING");
        JsonNode listed = http().get("/api/v1/waitlist/", token(firstUser)).json().get("results").get(0);
        assertThat(listed.get("status").asString()).isEqualTo("NOTIFIED");
        assertThat(listed.get("notified_at").isNull()).isFalse();
        // the canceller's view of their appointment's messages does not show another patient's notice
        assertThat(rows(cancelled)).extracting(r -> r.get("kind")).contains("WAITLIST_SLOT_FREED");
        JsonNode messages = http().get("/api/v1/reminders/?appointment_id=" + cancelled, token(cancellerUser)).json();
        messages.get("results").forEach(m -> assertThat(m.get("kind").asString()).isNotEqualTo("WAITLIST_SLOT_FREED"));

        // redelivered: nothing more (the marker after it on the same key proves it was consumed)
        UpstreamEvents.send(cancel);
        UpstreamEvents.publish(APPOINTMENTS, "appointment.completed", cancelled.toString(), 3,
                appointmentData(cancelled, doctor, canceller, startsAt, "COMPLETED"));
        awaitAppointment(cancelled, 3);

        // the canceller no longer waits; the next freed slot goes to the next waiter
        assertThat(http().delete("/api/v1/waitlist/" + cancellersEntry + "/", token(cancellerUser)).status())
                .isEqualTo(204);
        UpstreamEvents.publish(APPOINTMENTS, "appointment.cancelled", alsoCancelled.toString(), 2,
                appointmentData(alsoCancelled, doctor, other, startsAt.plus(Duration.ofHours(1)), "CANCELLED"));
        await().atMost(SOON).until(() -> freedSubjects(second).size() == 1);
        awaitSettled(alsoCancelled);
        awaitSettled(cancelled);
        assertThat(freedSubjects(first)).hasSize(1);
        assertThat(freedSubjects(second)).hasSize(1);
        assertThat(freedSubjects(canceller)).isEmpty();
        assertThat(status(secondEntry)).isEqualTo("NOTIFIED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reminder WHERE kind = 'WAITLIST_SLOT_FREED' "
                + "AND appointment_id IN (?, ?)", Long.class, cancelled, alsoCancelled)).isEqualTo(2);
        // told and out of the queue: may join again
        assertThat(join(doctor, date.toString(), token(firstUser)).status()).isEqualTo(201);
    }

    @Test
    void aWaiterWhoseAccountWasDeactivatedIsPassedOver() {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        TestUser goneUser = KeycloakTokens.shared().createUser("PATIENT");
        TestUser nextUser = KeycloakTokens.shared().createUser("PATIENT");
        Person gone = person(UUID.fromString(goneUser.id()), "PATIENT", goneUser.email(), "Karim Ali");
        Person next = person(UUID.fromString(nextUser.id()), "PATIENT", nextUser.email(), "Rahim Uddin");
        Person canceller = person("PATIENT", "Farhana Akter");
        Instant startsAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        LocalDate date = LocalDate.ofInstant(startsAt, DHAKA);
        String goneEntry = join(doctor, date.toString(), token(goneUser)).json().get("id").asString();
        String nextEntry = join(doctor, date.toString(), token(nextUser)).json().get("id").asString();
        contacts.userChanged(new org.careslot.notification.contact.UserSnapshot(gone.id(), gone.email(),
                gone.fullName(), gone.phone(), "PATIENT", false, List.of("EMAIL")), 2);
        UUID id = UUID.randomUUID();
        UpstreamEvents.publish(APPOINTMENTS, "appointment.booked", id.toString(), 1,
                appointmentData(id, doctor, canceller, startsAt, "PENDING"));
        UpstreamEvents.publish(APPOINTMENTS, "appointment.cancelled", id.toString(), 2,
                appointmentData(id, doctor, canceller, startsAt, "CANCELLED"));

        await().atMost(SOON).until(() -> freedSubjects(next).size() == 1);
        assertThat(status(nextEntry)).isEqualTo("NOTIFIED");
        assertThat(status(goneEntry)).isEqualTo("WAITING");
        assertThat(freedSubjects(gone)).isEmpty();
    }

    @Test
    void aRescheduleToAnotherDateFreesTheOldSlotAndBookingFulfilsTheBookersEntry() {
        Person doctor = person("DOCTOR", "Sabrina Sultana");
        TestUser waiterUser = KeycloakTokens.shared().createUser("PATIENT");
        Person waiter = person(UUID.fromString(waiterUser.id()), "PATIENT", waiterUser.email(), "Rahim Uddin");
        TestUser moverUser = KeycloakTokens.shared().createUser("PATIENT");
        Person mover = person(UUID.fromString(moverUser.id()), "PATIENT", moverUser.email(), "Karim Ali");
        Instant startsAt = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        LocalDate date = LocalDate.ofInstant(startsAt, DHAKA);
        String waiting = join(doctor, date.toString(), token(waiterUser)).json().get("id").asString();
        // the mover waits for the day after, then books it: their entry is fulfilled
        String moversEntry = join(doctor, date.plusDays(1).toString(), token(moverUser)).json().get("id").asString();
        UUID id = UUID.randomUUID();
        UpstreamEvents.publish(APPOINTMENTS, "appointment.booked", id.toString(), 1,
                appointmentData(id, doctor, mover, startsAt, "PENDING"));
        // within the same date: frees nothing
        UpstreamEvents.publish(APPOINTMENTS, "appointment.rescheduled", id.toString(), 2,
                appointmentData(id, doctor, mover, startsAt.plus(Duration.ofMinutes(30)), "PENDING"));
        awaitAppointment(id, 2);
        assertThat(status(waiting)).isEqualTo("WAITING");

        UpstreamEvents.publish(APPOINTMENTS, "appointment.rescheduled", id.toString(), 3,
                appointmentData(id, doctor, mover, startsAt.plus(Duration.ofDays(1)), "PENDING"));

        await().atMost(SOON).until(() -> freedSubjects(waiter).size() == 1);
        assertThat(freedSubjects(waiter)).containsExactly(FREED_SUBJECT + "Dr. Sabrina Sultana on "
                + MessageText.localTime(startsAt.plus(Duration.ofMinutes(30)), DHAKA));
        assertThat(status(waiting)).isEqualTo("NOTIFIED");
        assertThat(status(moversEntry)).isEqualTo("FULFILLED");
        assertThat(freedSubjects(mover)).isEmpty();
    }

    void awaitAppointment(UUID id, long sequence) {
        await().atMost(SOON).until(() -> jdbc.queryForList("SELECT sequence FROM appointment WHERE id = ?",
                Long.class, id).equals(List.of(sequence)));
    }

    String status(String entryId) {
        return jdbc.queryForObject("SELECT status FROM waitlist_entry WHERE id = ?::uuid", String.class, entryId);
    }

    static List<String> freedSubjects(Person person) {
        return subjectsTo(person.email()).stream().filter(s -> s.startsWith(FREED_SUBJECT)).toList();
    }

    static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> appointmentData(UUID id, Person doctor, Person patient, Instant startsAt,
                                               String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("doctor_id", doctor.id().toString());
        data.put("patient_id", patient.id().toString());
        data.put("starts_at", OffsetDateTime.ofInstant(startsAt, DHAKA).toString());
        data.put("ends_at", OffsetDateTime.ofInstant(startsAt.plus(Duration.ofMinutes(30)), DHAKA).toString());
        data.put("time_zone", DHAKA.getId());
        data.put("status", status);
        data.put("consultation_fee", "650.00");
        data.put("notes", null);
        return data;
    }
}
