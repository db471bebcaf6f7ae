package org.careslot.booking.appointment;

import org.careslot.booking.fixtures.Actor;
import org.careslot.booking.fixtures.BookingIntegrationTest;
import org.careslot.booking.fixtures.DoctorProfile;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.events.UpstreamEvents.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/appointments/: the contract's answer, every validation rule, roles, and conflicts. */
class BookingApiTest extends BookingIntegrationTest {

    Answer post(Map<String, Object> body, Actor caller) {
        return http.post("/api/v1/appointments/", body, caller == null ? null : caller.token());
    }

    @Test
    void aPatientBooksAndGetsTheContractsRepresentation() {
        LocalDate date = daysAhead(3);
        DoctorProfile doctor = publish(DoctorProfile.random().fee("750.00").everyDay("09:00", "12:00", 30), 1);
        Actor patient = Actor.patient();
        Map<String, Object> body = booking(doctor.id(), date, "10:00");
        body.put("notes", "first visit");
        body.put("symptoms", "headache");

        Answer answer = post(body, patient);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode json = answer.json();
        assertThat(json.get("id").asString()).isNotBlank();
        assertThat(answer.header("Location")).isEqualTo("/api/v1/appointments/" + json.get("id").asString() + "/");
        assertThat(json.get("doctor_id").asString()).isEqualTo(doctor.id().toString());
        assertThat(json.get("patient_id").asString()).isEqualTo(patient.id().toString());
        assertThat(json.get("date").asString()).isEqualTo(date.toString());
        assertThat(json.get("start_time").asString()).isEqualTo("10:00");
        assertThat(json.get("end_time").asString()).isEqualTo("10:30");
        assertThat(json.get("starts_at").asString()).isEqualTo(date + "T10:00:00+06:00");
        assertThat(json.get("ends_at").asString()).isEqualTo(date + "T10:30:00+06:00");
        assertThat(json.get("time_zone").asString()).isEqualTo("Asia/Dhaka");
        assertThat(json.get("status").asString()).isEqualTo("PENDING");
        assertThat(json.get("consultation_fee").asString()).isEqualTo("750.00");
        assertThat(json.get("notes").asString()).isEqualTo("first visit");
        assertThat(json.get("symptoms").asString()).isEqualTo("headache");
        assertThat(json.get("prescription").isNull()).isTrue();
        assertThat(json.get("created_at").asString()).isNotBlank();
        assertThat(json.get("updated_at").asString()).isNotBlank();
        assertThat(json.has("history")).isFalse();
        // and without the trailing slash
        assertThat(http.post("/api/v1/appointments", booking(doctor.id(), date, "10:30"), patient.token()).status())
                .isEqualTo(201);
    }

    @Test
    void theFeeIsTheDoctorsFeeAtBookingTime() {
        LocalDate date = daysAhead(3);
        DoctorProfile doctor = publish(DoctorProfile.random().fee("500.00").everyDay("09:00", "12:00", 30), 1);
        String first = book(Actor.patient(), doctor.id(), date, "09:00").text("id");

        publish(doctor.fee("900.50"), 2);
        Answer second = book(Actor.patient(), doctor.id(), date, "09:30");

        assertThat(second.text("consultation_fee")).isEqualTo("900.50");
        assertThat(jdbc.queryForObject("SELECT consultation_fee::text FROM appointment WHERE id = ?::uuid",
                String.class, first)).isEqualTo("500.00");
    }

    @Test
    void everyMissingOrMalformedFieldIsNamedAtOnce() {
        Actor patient = Actor.patient();
        Answer empty = post(Map.of(), patient);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorFields()).containsExactlyInAnyOrder("doctor_id", "date", "start_time");
        assertThat(empty.header("Content-Type")).startsWith("application/problem+json");

        Map<String, Object> bad = new HashMap<>();
        bad.put("doctor_id", "not-a-uuid");
        bad.put("date", "2030-02-30");
        bad.put("start_time", "9am");
        bad.put("notes", "n".repeat(2001));
        bad.put("symptoms", "s".repeat(2001));
        bad.put("patient_id", "someone");
        Answer malformed = post(bad, patient);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorFields()).containsExactlyInAnyOrder("doctor_id", "date", "start_time", "notes",
                "symptoms", "patient_id");

        Answer notJson = http.post("/api/v1/appointments/", "{not json", patient.token());
        assertThat(notJson.status()).isEqualTo(400);
        Answer wrongType = post(Map.of("doctor_id", Map.of("x", 1)), patient);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.errorFields()).containsExactly("doctor_id");
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointsAndDecisions() {
        Answer document = http.get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        JsonNode paths = document.json().get("paths");
        assertThat(paths.has("/api/v1/doctors/{id}/availability")).isTrue();
        for (String action : List.of("confirm", "complete", "no-show", "cancel", "reschedule")) {
            assertThat(paths.has("/api/v1/appointments/{id}/" + action)).as(action).isTrue();
        }
        assertThat(document.body()).contains("Idempotency-Key").contains("EARLIER offset")
                .contains("exclusion constraints").contains("AppointmentHistoryEntry").contains("starts_at");
        assertThat(paths.get("/api/v1/doctors/{id}/availability").get("get").get("security")).isEmpty();
    }

    @Test
    void unknownAndInactiveDoctorsAre400OnDoctorId() {
        LocalDate date = daysAhead(3);
        DoctorProfile inactive = publish(DoctorProfile.random().everyDay("09:00", "12:00", 30).active(false), 1);
        Actor patient = Actor.patient();
        for (UUID doctor : List.of(UUID.randomUUID(), inactive.id())) {
            Answer answer = post(booking(doctor, date, "09:00"), patient);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.errorFields()).containsExactly("doctor_id");
        }
    }

    @Test
    void theStartMustLieOnTheGridOfThatWeekdayAndOutsideTimeOff() {
        LocalDate date = daysAhead(4);
        DoctorProfile doctor = publish(DoctorProfile.random()
                .slot(date.getDayOfWeek(), "09:00", "11:00", 30)
                .timeOff(date.plusWeeks(1), date.plusWeeks(1)), 1);
        Actor patient = Actor.patient();

        for (Map<String, Object> body : List.of(booking(doctor.id(), date, "09:10"),       // between grid starts
                booking(doctor.id(), date, "11:00"),                                        // would end after the slot
                booking(doctor.id(), date, "08:30"),                                        // before the slot
                booking(doctor.id(), date.plusDays(1), "09:00"),                            // weekday without slots
                booking(doctor.id(), date.plusWeeks(1), "09:00"))) {                        // time off
            Answer answer = post(body, patient);
            assertThat(answer.status()).as(body.toString()).isEqualTo(400);
            assertThat(answer.errorFields()).as(body.toString()).containsExactly("start_time");
        }
        assertThat(post(booking(doctor.id(), date, "10:30"), patient).status()).isEqualTo(201);
    }

    @Test
    void thePastIsRefused() {
        LocalDate date = daysAhead(5);
        DoctorProfile doctor = publish(DoctorProfile.random().everyDay("09:00", "12:00", 30), 1);
        Actor patient = Actor.patient();
        clock.setTo(date.atTime(LocalTime.of(10, 10)).atZone(ZoneId.of("Asia/Dhaka")).toInstant());

        Answer yesterday = post(booking(doctor.id(), date.minusDays(1), "11:00"), patient);
        assertThat(yesterday.status()).isEqualTo(400);
        assertThat(yesterday.errorFields()).containsExactly("date");
        Answer earlierToday = post(booking(doctor.id(), date, "10:00"), patient);
        assertThat(earlierToday.status()).isEqualTo(400);
        assertThat(earlierToday.errorFields()).containsExactly("start_time");
        assertThat(post(booking(doctor.id(), date, "10:30"), patient).status()).isEqualTo(201);
    }

    @Test
    void onlyPatientsBookAndAdminsBookForKnownActivePatients() {
        LocalDate date = daysAhead(3);
        DoctorProfile doctor = publish(DoctorProfile.random().everyDay("09:00", "17:00", 30), 1);
        Actor patient = Actor.patient();
        Actor admin = Actor.admin();

        assertThat(post(booking(doctor.id(), date, "09:00"), null).status()).isEqualTo(401);
        assertThat(post(booking(doctor.id(), date, "09:00"), Actor.doctor()).status()).isEqualTo(403);

        Map<String, Object> forSomeoneElse = booking(doctor.id(), date, "09:00");
        forSomeoneElse.put("patient_id", UUID.randomUUID().toString());
        assertThat(post(forSomeoneElse, patient).status()).isEqualTo(403);

        Answer withoutPatient = post(booking(doctor.id(), date, "09:00"), admin);
        assertThat(withoutPatient.status()).isEqualTo(400);
        assertThat(withoutPatient.errorFields()).containsExactly("patient_id");
        Answer unknownPatient = post(forSomeoneElse, admin);
        assertThat(unknownPatient.status()).isEqualTo(400);
        assertThat(unknownPatient.errorFields()).containsExactly("patient_id");

        // identity-service told us about this patient
        UpstreamEvents.publishUser("user.registered", User.of(patient.id(), "PATIENT"), 1);
        awaitUser(patient.id(), 1);
        Map<String, Object> forPatient = booking(doctor.id(), date, "09:30");
        forPatient.put("patient_id", patient.id().toString());
        Answer byAdmin = post(forPatient, admin);
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
        assertThat(byAdmin.text("patient_id")).isEqualTo(patient.id().toString());
        JsonNode history = http.get("/api/v1/appointments/" + byAdmin.text("id") + "/", patient.token()).json()
                .get("history");
        assertThat(history.get(0).get("changed_by").asString()).isEqualTo(admin.id().toString());
        assertThat(history.get(0).get("changed_by_role").asString()).isEqualTo("ADMIN");

        // a doctor's account is not a patient
        Actor doctorAccount = Actor.doctor();
        UpstreamEvents.publishUser("user.registered", User.of(doctorAccount.id(), "DOCTOR"), 1);
        awaitUser(doctorAccount.id(), 1);
        Map<String, Object> forDoctor = booking(doctor.id(), date, "10:00");
        forDoctor.put("patient_id", doctorAccount.id().toString());
        assertThat(post(forDoctor, admin).errorFields()).containsExactly("patient_id");

        // deactivated: the patient cannot book, nor can an admin for them
        UpstreamEvents.publishUser("user.deactivated", User.of(patient.id(), "PATIENT").withActive(false), 2);
        awaitUser(patient.id(), 2);
        assertThat(post(booking(doctor.id(), date, "11:00"), patient).status()).isEqualTo(403);
        Map<String, Object> forDeactivated = booking(doctor.id(), date, "11:00");
        forDeactivated.put("patient_id", patient.id().toString());
        assertThat(post(forDeactivated, admin).errorFields()).containsExactly("patient_id");
    }

    @Test
    void aTakenTimeIs409ForAnotherPatientAlsoWhenItOnlyOverlaps() {
        LocalDate date = daysAhead(3);
        DoctorProfile doctor = publish(DoctorProfile.random().slot(date.getDayOfWeek(), "09:00", "12:00", 30), 1);
        book(Actor.patient(), doctor.id(), date, "10:00");

        Answer same = post(booking(doctor.id(), date, "10:00"), Actor.patient());
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.text("detail")).contains("doctor has another appointment");
        assertThat(same.header("Content-Type")).startsWith("application/problem+json");

        // the doctor changes the grid to 45 minutes: 09:45-10:30 overlaps the booked 10:00-10:30
        publish(doctor.clearSlots().slot(date.getDayOfWeek(), "09:00", "12:00", 45), 2);
        assertThat(post(booking(doctor.id(), date, "09:45"), Actor.patient()).status()).isEqualTo(409);
        assertThat(post(booking(doctor.id(), date, "10:30"), Actor.patient()).status()).isEqualTo(201);
    }

    @Test
    void aPatientCannotHaveTwoAppointmentsAtOnceEvenWithDifferentDoctors() {
        LocalDate date = daysAhead(3);
        DayOfWeek day = date.getDayOfWeek();
        DoctorProfile halfHours = publish(DoctorProfile.random().slot(day, "09:00", "12:00", 30), 1);
        DoctorProfile sameGrid = publish(DoctorProfile.random().slot(day, "09:00", "12:00", 30), 1);
        DoctorProfile hours = publish(DoctorProfile.random().slot(day, "09:30", "12:30", 60), 1);
        Actor patient = Actor.patient();
        book(patient, halfHours.id(), date, "10:00");

        Answer sameTime = post(booking(sameGrid.id(), date, "10:00"), patient);
        assertThat(sameTime.status()).isEqualTo(409);
        assertThat(sameTime.text("detail")).isEqualTo("You already have another appointment at this time.");
        Answer overlapping = post(booking(hours.id(), date, "09:30"), patient);   // 09:30-10:30
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(post(booking(sameGrid.id(), date, "10:30"), patient).status()).isEqualTo(201);
    }
}
