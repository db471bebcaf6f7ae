package org.careslot.booking.availability;

import org.careslot.booking.fixtures.Actor;
import org.careslot.booking.fixtures.BookingIntegrationTest;
import org.careslot.booking.fixtures.DoctorProfile;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/doctors/{id}/availability/: public, from local state, grid minus time off, bookings and the past. */
class AvailabilityApiTest extends BookingIntegrationTest {

    Answer availability(UUID doctor, Object date) {
        return http.get("/api/v1/doctors/" + doctor + "/availability/?date=" + date, null);
    }

    static List<String> starts(Answer answer) {
        List<String> starts = new ArrayList<>();
        answer.json().get("slots").forEach(slot -> starts.add(slot.get("start_time").asString()));
        return starts;
    }

    static List<String> startsAt(Answer answer) {
        List<String> starts = new ArrayList<>();
        answer.json().get("slots").forEach(slot -> starts.add(slot.get("starts_at").asString()));
        return starts;
    }

    @Test
    void anyoneSeesTheGridOfThatWeekdayInTheDoctorsZone() {
        LocalDate date = daysAhead(3);
        DoctorProfile doctor = publish(DoctorProfile.random()
                .slot(date.getDayOfWeek(), "14:00", "15:00", 20)
                .slot(date.getDayOfWeek(), "09:00", "10:45", 30)
                .slot(date.getDayOfWeek().plus(1), "09:00", "12:00", 30), 1);

        Answer answer = availability(doctor.id(), date);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("doctor_id").asString()).isEqualTo(doctor.id().toString());
        assertThat(body.get("date").asString()).isEqualTo(date.toString());
        assertThat(body.get("time_zone").asString()).isEqualTo("Asia/Dhaka");
        assertThat(starts(answer)).containsExactly("09:00", "09:30", "10:00", "14:00", "14:20", "14:40");
        JsonNode first = body.get("slots").get(0);
        assertThat(first.get("end_time").asString()).isEqualTo("09:30");
        assertThat(first.get("starts_at").asString()).isEqualTo(date + "T09:00:00+06:00");
        assertThat(first.get("ends_at").asString()).isEqualTo(date + "T09:30:00+06:00");
        // the bare path works too
        assertThat(starts(http.get("/api/v1/doctors/" + doctor.id() + "/availability?date=" + date, null)))
                .hasSize(6);
        assertThat(starts(availability(doctor.id(), date.plusDays(2)))).as("a weekday without slots").isEmpty();
    }

    @Test
    void bookedTimesAreNotOfferedUntilCancelled() {
        LocalDate date = daysAhead(4);
        DoctorProfile doctor = publish(DoctorProfile.random().slot(date.getDayOfWeek(), "09:00", "11:00", 30), 1);
        Actor patient = Actor.patient();

        String id = book(patient, doctor.id(), date, "09:30").text("id");
        assertThat(starts(availability(doctor.id(), date))).containsExactly("09:00", "10:00", "10:30");

        assertThat(http.post("/api/v1/appointments/" + id + "/cancel/", null, patient.token()).status())
                .isEqualTo(200);
        assertThat(starts(availability(doctor.id(), date))).containsExactly("09:00", "09:30", "10:00", "10:30");
    }

    @Test
    void timeOffDaysOfferNothing() {
        LocalDate date = daysAhead(5);
        DoctorProfile doctor = publish(DoctorProfile.random().everyDay("09:00", "10:00", 30)
                .timeOff(date, date.plusDays(1)), 1);

        assertThat(starts(availability(doctor.id(), date.minusDays(1)))).containsExactly("09:00", "09:30");
        assertThat(starts(availability(doctor.id(), date))).isEmpty();
        assertThat(starts(availability(doctor.id(), date.plusDays(1)))).isEmpty();
        assertThat(starts(availability(doctor.id(), date.plusDays(2)))).containsExactly("09:00", "09:30");
    }

    @Test
    void timesThatAreNotAfterNowAreNotOffered() {
        LocalDate date = daysAhead(6);
        DoctorProfile doctor = publish(DoctorProfile.random().everyDay("09:00", "11:00", 30), 1);
        clock.setTo(date.atTime(LocalTime.of(9, 40)).atZone(ZoneId.of("Asia/Dhaka")).toInstant());

        assertThat(starts(availability(doctor.id(), date))).containsExactly("10:00", "10:30");
        assertThat(starts(availability(doctor.id(), date.minusDays(1)))).as("yesterday").isEmpty();
        assertThat(starts(availability(doctor.id(), date.plusDays(1)))).hasSize(4);
    }

    @Test
    void daylightSavingChangesInNewYorkSkipTheMissingHourAndOfferTheRepeatedOneOnce() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ZoneOffsetTransition first = newYork.getRules().nextTransition(clock.instant());
        ZoneOffsetTransition second = newYork.getRules().nextTransition(first.getInstant());
        ZoneOffsetTransition springForward = first.isGap() ? first : second;
        ZoneOffsetTransition fallBack = first.isGap() ? second : first;
        LocalDate gapDay = springForward.getDateTimeBefore().toLocalDate();
        LocalDate overlapDay = fallBack.getDateTimeBefore().toLocalDate();
        clock.setTo(first.getInstant().minus(Duration.ofDays(7))); // every time of both days lies ahead
        // both changes fall on Sundays in the US; the slot is on the weekday of each, whatever the rules say
        DoctorProfile profile = DoctorProfile.random().timeZone("America/New_York")
                .slot(gapDay.getDayOfWeek(), "00:00", "04:00", 30);
        if (overlapDay.getDayOfWeek() != gapDay.getDayOfWeek()) {
            profile.slot(overlapDay.getDayOfWeek(), "00:00", "04:00", 30);
        }
        DoctorProfile doctor = publish(profile, 1);

        Answer gap = availability(doctor.id(), gapDay);
        assertThat(gap.json().get("time_zone").asString()).isEqualTo("America/New_York");
        assertThat(starts(gap)).containsExactly("00:00", "00:30", "01:00", "01:30", "03:00", "03:30");
        assertThat(startsAt(gap)).containsExactly(gapDay + "T00:00:00-05:00", gapDay + "T00:30:00-05:00",
                gapDay + "T01:00:00-05:00", gapDay + "T01:30:00-05:00", gapDay + "T03:00:00-04:00",
                gapDay + "T03:30:00-04:00");
        assertThat(gap.json().get("slots").get(3).get("end_time").asString()).as("01:30 EST + 30 min")
                .isEqualTo("03:00");

        Answer overlap = availability(doctor.id(), overlapDay);
        assertThat(starts(overlap)).containsExactly("00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00",
                "03:30");
        assertThat(startsAt(overlap).subList(2, 5)).containsExactly(overlapDay + "T01:00:00-04:00",
                overlapDay + "T01:30:00-04:00", overlapDay + "T02:00:00-05:00");

        // the missing time cannot be booked either
        Answer missing = http.post("/api/v1/appointments/", booking(doctor.id(), gapDay, "02:30"),
                Actor.patient().token());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("start_time");
        // a time in the repeated hour is booked at its first occurrence
        Answer repeated = book(Actor.patient(), doctor.id(), overlapDay, "01:30");
        assertThat(repeated.text("starts_at")).isEqualTo(overlapDay + "T01:30:00-04:00");
        assertThat(repeated.text("ends_at")).isEqualTo(overlapDay + "T01:00:00-05:00");
    }

    @Test
    void unknownInactiveOrMalformedDoctorsAre404() {
        LocalDate date = daysAhead(3);
        DoctorProfile inactive = publish(DoctorProfile.random().everyDay("09:00", "10:00", 30).active(false), 1);

        for (Answer answer : List.of(availability(UUID.randomUUID(), date), availability(inactive.id(), date),
                http.get("/api/v1/doctors/not-a-uuid/availability/?date=" + date, null))) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void aMissingOrMalformedDateIs400NamingDate() {
        DoctorProfile doctor = publish(DoctorProfile.random().everyDay("09:00", "10:00", 30), 1);
        for (String query : List.of("", "?date=", "?date=2030-13-01", "?date=tomorrow", "?date=2030-02-30",
                "?date=01-02-2030")) {
            Answer answer = http.get("/api/v1/doctors/" + doctor.id() + "/availability/" + query, null);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.errorFields()).as(query).containsExactly("date");
        }
    }
}
