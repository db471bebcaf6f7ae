package org.careslot.booking.appointment;

import org.careslot.booking.fixtures.Actor;
import org.careslot.booking.fixtures.BookingIntegrationTest;
import org.careslot.booking.fixtures.DoctorProfile;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Status changes, rescheduling and who may do what, over HTTP. */
class LifecycleApiTest extends BookingIntegrationTest {

    static Actor doctor;
    static Actor patient;
    static Actor otherPatient;
    static Actor otherDoctor;
    static Actor admin;

    @BeforeAll
    static void actors() {
        doctor = Actor.doctor();
        patient = Actor.patient();
        otherPatient = Actor.patient();
        otherDoctor = Actor.doctor();
        admin = Actor.admin();
    }

    /** A doctor (with a real account) who works every day, around the clock in half hours. */
    DoctorProfile doctorOf(Actor account) {
        return publish(DoctorProfile.of(account.id()).everyDay("00:00", "23:30", 30), 1);
    }

    Answer act(String id, String action, Object body, Actor caller) {
        return http.post("/api/v1/appointments/" + id + "/" + action + "/", body, caller.token());
    }

    Answer get(String id, Actor caller) {
        return http.get("/api/v1/appointments/" + id + "/", caller.token());
    }

    static Map<String, Object> at(LocalDate date, String start) {
        return Map.of("date", date.toString(), "start_time", start);
    }

    static String time(int index) {
        return LocalTime.of(0, 0).plusMinutes(30L * index).toString();
    }

    @Test
    void everyStatusChangeOverHttpIsAllowedExactlyWhereTheContractSaysSo() {
        Actor owner = Actor.patient();
        Actor itsDoctor = Actor.doctor();
        doctorOf(itsDoctor);
        LocalDate day = daysAhead(2);
        LocalDate later = daysAhead(6);
        List<String> statuses = List.of("PENDING", "CONFIRMED", "COMPLETED", "NO_SHOW", "CANCELLED");
        List<String> actions = List.of("confirm", "complete", "no-show", "cancel", "reschedule");
        Map<String, Map<String, String>> legal = Map.of(
                "confirm", Map.of("PENDING", "CONFIRMED"),
                "complete", Map.of("CONFIRMED", "COMPLETED"),
                "no-show", Map.of("CONFIRMED", "NO_SHOW"),
                "cancel", Map.of("PENDING", "CANCELLED", "CONFIRMED", "CANCELLED"),
                "reschedule", Map.of("PENDING", "PENDING", "CONFIRMED", "PENDING"));

        // one appointment per (status, action), brought into that status
        Map<String, String> appointments = new LinkedHashMap<>();
        int slot = 0;
        for (String status : statuses) {
            for (String action : actions) {
                String id = book(owner, itsDoctor.id(), day, time(slot++)).text("id");
                if (!status.equals("PENDING") && !status.equals("CANCELLED")) {
                    assertThat(act(id, "confirm", null, itsDoctor).status()).isEqualTo(200);
                }
                if (status.equals("CANCELLED")) {
                    assertThat(act(id, "cancel", null, owner).status()).isEqualTo(200);
                }
                appointments.put(status + " " + action, id);
            }
        }
        clock.setTo(day.plusDays(1).atStartOfDay(ZoneId.of("Asia/Dhaka")).toInstant()); // all started
        appointments.forEach((key, id) -> {
            if (key.startsWith("COMPLETED")) {
                assertThat(act(id, "complete", null, itsDoctor).status()).isEqualTo(200);
            }
            if (key.startsWith("NO_SHOW")) {
                assertThat(act(id, "no-show", null, itsDoctor).status()).isEqualTo(200);
            }
        });

        int target = 0;
        List<String> outcomes = new ArrayList<>();
        for (Map.Entry<String, String> entry : appointments.entrySet()) {
            String status = entry.getKey().split(" ")[0];
            String action = entry.getKey().split(" ")[1];
            Actor caller = action.equals("reschedule") || action.equals("cancel") ? owner : itsDoctor;
            Object body = action.equals("reschedule") ? at(later, time(target++)) : null;
            Answer answer = act(entry.getValue(), action, body, caller);
            String expected = legal.get(action).get(status);
            if (expected == null) {
                assertThat(answer.status()).as("%s from %s: %s", action, status, answer.body()).isEqualTo(409);
                assertThat(get(entry.getValue(), owner).text("status")).isEqualTo(status);
            } else {
                assertThat(answer.status()).as("%s from %s: %s", action, status, answer.body()).isEqualTo(200);
                assertThat(answer.text("status")).isEqualTo(expected);
            }
            outcomes.add(action + " from " + status + " → " + answer.status());
        }
        assertThat(outcomes).hasSize(25);
    }

    @Test
    void completedAndNoShowOnlyOnceTheStartHasPassedAndThePrescriptionReachesThePatient() {
        doctorOf(doctor);
        LocalDate date = daysAhead(3);
        String id = book(patient, doctor.id(), date, "10:00").text("id");
        String other = book(patient, doctor.id(), date, "11:00").text("id");
        assertThat(act(id, "confirm", null, doctor).status()).isEqualTo(200);
        assertThat(act(other, "confirm", null, admin).status()).isEqualTo(200);

        Answer early = act(id, "complete", Map.of("prescription", "rest"), doctor);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("detail")).contains("has not started yet");
        assertThat(act(other, "no-show", null, doctor).status()).isEqualTo(409);

        clock.setTo(date.atTime(10, 5).atZone(ZoneId.of("Asia/Dhaka")).toInstant());
        Answer tooLong = act(id, "complete", Map.of("prescription", "p".repeat(4001)), doctor);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorFields()).containsExactly("prescription");
        Answer completed = act(id, "complete", Map.of("prescription", "Paracetamol 500 mg"), doctor);
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("COMPLETED");
        assertThat(get(id, patient).text("prescription")).isEqualTo("Paracetamol 500 mg");
        assertThat(act(other, "no-show", null, doctor).status()).as("11:00 has not started").isEqualTo(409);
        clock.advance(Duration.ofHours(1));
        assertThat(act(other, "no-show", null, admin).text("status")).isEqualTo("NO_SHOW");

        assertThat(act(id, "complete", null, doctor).status()).as("already completed").isEqualTo(409);
    }

    @Test
    void rescheduleMovesTheTimeInOneStepBackToPendingAndKeepsTheOldTimeOnConflict() {
        doctorOf(doctor);
        LocalDate date = daysAhead(4);
        String id = book(patient, doctor.id(), date, "09:00").text("id");
        book(otherPatient, doctor.id(), date, "11:00");
        assertThat(act(id, "confirm", null, doctor).status()).isEqualTo(200);

        Answer moved = act(id, "reschedule", at(date, "10:00"), patient);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.text("status")).isEqualTo("PENDING");
        assertThat(moved.text("start_time")).isEqualTo("10:00");
        assertThat(moved.text("starts_at")).isEqualTo(date + "T10:00:00+06:00");
        assertThat(moved.text("previous_starts_at")).isEqualTo(date + "T09:00:00+06:00");
        assertThat(moved.text("consultation_fee")).isEqualTo("500.00");
        JsonNode last = moved.json().get("history").get(2);
        assertThat(last.get("action").asString()).isEqualTo("RESCHEDULE");
        assertThat(last.get("from_status").asString()).isEqualTo("CONFIRMED");
        assertThat(last.get("to_status").asString()).isEqualTo("PENDING");
        assertThat(last.get("starts_at").asString()).isEqualTo(date + "T10:00:00+06:00");
        assertThat(last.get("changed_by_role").asString()).isEqualTo("PATIENT");
        List<String> free = new ArrayList<>();
        http.get("/api/v1/doctors/" + doctor.id() + "/availability/?date=" + date, null).json().get("slots")
                .forEach(s -> free.add(s.get("start_time").asString()));
        assertThat(free).contains("09:00").doesNotContain("10:00", "11:00");

        Answer taken = act(id, "reschedule", at(date, "11:00"), patient);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("detail")).contains("keeps its current time");
        assertThat(get(id, patient).text("start_time")).isEqualTo("10:00");

        Answer same = act(id, "reschedule", at(date, "10:00"), patient);
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.errorFields()).containsExactly("start_time");
        Answer offGrid = act(id, "reschedule", at(date, "10:10"), admin);
        assertThat(offGrid.errorFields()).containsExactly("start_time");
        Answer missing = act(id, "reschedule", Map.of(), patient);
        assertThat(missing.errorFields()).containsExactlyInAnyOrder("date", "start_time");
        assertThat(act(id, "reschedule", at(date, "12:00"), doctor).status()).as("doctors cancel instead")
                .isEqualTo(403);
        Answer byAdmin = act(id, "reschedule", at(date.plusDays(1), "12:00"), admin);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json().get("history").get(3).get("changed_by_role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void someoneElsesAppointmentIs404ForEverythingAndAWrongPartyIs403() {
        doctorOf(doctor);
        LocalDate date = daysAhead(5);
        String id = book(patient, doctor.id(), date, "14:00").text("id");

        for (Actor stranger : List.of(otherPatient, otherDoctor)) {
            assertThat(get(id, stranger).status()).as("GET by %s", stranger).isEqualTo(404);
            for (String action : List.of("confirm", "complete", "no-show", "cancel", "reschedule")) {
                Object body = action.equals("reschedule") ? at(date, "15:00") : null;
                Answer answer = act(id, action, body, stranger);
                assertThat(answer.status()).as("%s by %s", action, stranger).isEqualTo(404);
                assertThat(answer.text("detail")).isEqualTo("Appointment not found");
            }
        }
        assertThat(get(UUID.randomUUID().toString(), patient).status()).isEqualTo(404);
        assertThat(get("not-an-id", patient).status()).isEqualTo(404);
        assertThat(get(id, patient).text("start_time")).as("nothing changed").isEqualTo("14:00");

        for (String action : List.of("confirm", "complete", "no-show")) {
            assertThat(act(id, action, null, patient).status()).as("patient %s", action).isEqualTo(403);
        }
        assertThat(get(id, doctor).status()).isEqualTo(200);
        Answer asAdmin = get(id, admin);
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.json().get("history").get(0).get("action").asString()).isEqualTo("BOOK");
        assertThat(http.get("/api/v1/appointments/" + id + "/", null).status()).isEqualTo(401);

        Answer longReason = act(id, "cancel", Map.of("reason", "r".repeat(501)), patient);
        assertThat(longReason.status()).isEqualTo(400);
        assertThat(longReason.errorFields()).containsExactly("reason");
        Answer cancelled = act(id, "cancel", Map.of("reason", "The doctor is ill"), doctor);
        assertThat(cancelled.text("cancel_reason")).isEqualTo("The doctor is ill");
        JsonNode history = cancelled.json().get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("changed_by").asString()).isEqualTo(doctor.id().toString());
        assertThat(history.get(1).get("changed_by_role").asString()).isEqualTo("DOCTOR");
        assertThat(history.get(1).get("reason").asString()).isEqualTo("The doctor is ill");
        assertThat(history.get(1).get("from_status").asString()).isEqualTo("PENDING");
        assertThat(history.get(1).get("to_status").asString()).isEqualTo("CANCELLED");
        assertThat(history.get(1).get("changed_at").asString()).isNotBlank();
    }

    @Test
    void listsShowOwnAppointmentsOnlyWithFiltersOrderingAndPages() {
        Actor me = Actor.patient();
        Actor someoneElse = Actor.patient();
        Actor mine = Actor.doctor();
        Actor notMine = Actor.doctor();
        doctorOf(mine);
        doctorOf(notMine);
        LocalDate date = daysAhead(3);
        String a = book(me, mine.id(), date, "09:00").text("id");
        String b = book(me, notMine.id(), date.plusDays(1), "09:00").text("id");
        String c = book(me, mine.id(), date.plusDays(2), "09:00").text("id");
        String d = book(someoneElse, mine.id(), date, "10:00").text("id");
        assertThat(act(a, "confirm", null, mine).status()).isEqualTo(200);

        assertThat(ids("/api/v1/appointments/", me)).containsExactly(a, b, c);
        assertThat(ids("/api/v1/appointments/?ordering=-starts_at", me)).containsExactly(c, b, a);
        assertThat(ids("/api/v1/appointments/", mine)).containsExactly(a, d, c);
        assertThat(ids("/api/v1/appointments/", someoneElse)).containsExactly(d);
        assertThat(ids("/api/v1/appointments/?status=CONFIRMED", me)).containsExactly(a);
        assertThat(ids("/api/v1/appointments/?doctor_id=" + mine.id(), me)).containsExactly(a, c);
        assertThat(ids("/api/v1/appointments/?date_from=" + date.plusDays(1) + "&date_to=" + date.plusDays(1), me))
                .containsExactly(b);
        assertThat(ids("/api/v1/appointments/?date_from=" + date.plusDays(1), me)).containsExactly(b, c);
        // filters narrow one's own appointments, never widen them
        assertThat(ids("/api/v1/appointments/?patient_id=" + someoneElse.id(), me)).isEmpty();
        assertThat(ids("/api/v1/appointments/?doctor_id=" + notMine.id(), mine)).isEmpty();
        // admins see everyone's
        assertThat(ids("/api/v1/appointments/?patient_id=" + me.id(), admin)).containsExactly(a, b, c);
        assertThat(ids("/api/v1/appointments/?doctor_id=" + mine.id() + "&ordering=-starts_at", admin))
                .containsExactly(c, d, a);

        JsonNode page1 = http.get("/api/v1/appointments/?page_size=2", me.token()).json();
        assertThat(page1.get("count").asLong()).isEqualTo(3);
        assertThat(page1.get("results")).hasSize(2);
        assertThat(page1.get("next").asString()).contains("page=2").contains("page_size=2");
        assertThat(page1.get("previous").isNull()).isTrue();
        assertThat(page1.get("results").get(0).has("history")).isFalse();
        JsonNode page2 = http.get("/api/v1/appointments?page=2&page_size=2", me.token()).json();
        assertThat(page2.get("results")).hasSize(1);
        assertThat(page2.get("next").isNull()).isTrue();

        for (String bad : List.of("status=DONE", "ordering=created_at", "doctor_id=x", "patient_id=1",
                "date_from=yesterday", "date_to=2030-02-30", "page_size=101", "page=0")) {
            Answer answer = http.get("/api/v1/appointments/?" + bad, me.token());
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.errorFields()).as(bad).containsExactly(bad.substring(0, bad.indexOf('=')));
        }
        assertThat(http.get("/api/v1/appointments/", null).status()).isEqualTo(401);
    }

    List<String> ids(String path, Actor caller) {
        Answer answer = http.get(path, caller.token());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().get("results").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
