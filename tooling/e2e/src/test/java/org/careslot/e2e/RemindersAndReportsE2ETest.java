package org.careslot.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What happens after booking, through the gateway only (issues #9 and #10), without fixtures: a doctor publishes a
 * weekly slot on today's weekday starting within a minute and a half, a patient books its first time (less than 24 h
 * ahead: the reminder is due at once), the doctor confirms; notification-service sends the reminder, which arrives in
 * the patient's mailbox on the local stack's mail server (read over IMAP); a second booking three days ahead has its
 * reminder SCHEDULED and cancelling it CANCELLED. Once the first appointment's start has passed the doctor completes
 * it, and reporting-service's report of that month shows it and its fee within seconds. The checks that need no
 * completed appointment run first, while its start approaches, so the class waits only once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemindersAndReportsE2ETest {

    private static final String PASSWORD = "Str0ng!Pass";
    private static final String FEE = "750";
    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    /** A reminder due at once is sent within a poll (1 s); one transient failure retries after 30 s. */
    private static final Duration DELIVERY = Duration.ofSeconds(90);
    /** reporting-service folds an appointment change within about a second. */
    private static final Duration REPORT_FOLD = Duration.ofSeconds(15);
    /**
     * The doctor's zone: the first of these where the next half hour lies inside today, so that the appointment
     * starts today whatever the hour in Dhaka (slots cannot cross midnight).
     */
    private static final List<String> ZONES = List.of("Asia/Dhaka", "Europe/London", "America/New_York");

    private static RunningStack stack;
    private static Gateway gateway;

    private static ZoneId zone;
    private static String doctorName;
    private static String doctorId;
    private static String doctor;
    private static String otherDoctor;
    private static String patientEmail;
    private static String patient;
    private static String otherPatient;
    /** Today, starting 20-80 s after its slot was published, CONFIRMED. */
    private static JsonNode soon;
    /** Three days ahead, PENDING. */
    private static JsonNode later;

    @BeforeAll
    static void aDoctorWithASlotStartingSoonAndAPatientWhoBookedItAndAnotherTimeThreeDaysAhead() {
        stack = RunningStack.get();
        gateway = new Gateway(stack);
        Instant begin = Instant.now();
        Map<String, Object> location = gateway.firstLocation();

        String marker = "Rm" + Long.toString(System.nanoTime(), 36);
        doctorName = "Shahana Parvin " + marker;
        String doctorEmail = "doctor-" + UUID.randomUUID() + "@example.org";
        doctorId = register("DOCTOR", doctorName, doctorEmail, location);
        patientEmail = "patient-" + UUID.randomUUID() + "@example.org";
        register("PATIENT", "Rafiq Islam", patientEmail, location);
        doctor = login(doctorEmail);
        patient = login(patientEmail);

        zone = ZONES.stream().map(ZoneId::of).filter(RemindersAndReportsE2ETest::halfAnHourLeftToday).findFirst()
                .orElseThrow();
        Gateway.Response profile = send("PUT", "/api/v1/doctors/me/profile/", Map.of("specialization", "MEDICINE",
                "license_number", "BMDC-" + marker, "experience_years", 12, "consultation_fee", FEE,
                "qualification", "MBBS, FCPS (Medicine)", "time_zone", zone.getId()), doctor);
        assertThat(profile.status()).as(profile.body()).isIn(200, 201);

        // today: 5-minute appointments from the next full minute at least 20 s away (time enough for the schedule to
        // reach booking-service; a later start only lengthens the wait, a missed one costs 5 minutes)
        ZonedDateTime now = ZonedDateTime.now(zone);
        LocalTime windowStart = now.plusSeconds(20).toLocalTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate today = now.toLocalDate();
        publishSlot(today, windowStart, windowStart.plusMinutes(30), 5);
        LocalDate inThreeDays = today.plusDays(3);
        publishSlot(inThreeDays, LocalTime.of(9, 0), LocalTime.of(10, 0), 30);
        Instant published = Instant.now();

        // while the schedule travels (doctor.profile.v1): the users who must not see what is not theirs
        String otherDoctorEmail = "doctor-" + UUID.randomUUID() + "@example.org";
        register("DOCTOR", "Kamal Uddin " + marker, otherDoctorEmail, location);
        String otherPatientEmail = "patient-" + UUID.randomUUID() + "@example.org";
        register("PATIENT", "Sumaiya Akter", otherPatientEmail, location);
        otherDoctor = login(otherDoctorEmail);
        otherPatient = login(otherPatientEmail);

        // book the first free time today once booking-service has the schedule (doctor.profile.v1)
        String availability = "/api/v1/doctors/" + doctorId + "/availability/?date=" + today;
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> firstFreeTime(gateway.get(availability)).isPresent());
        String startTime = firstFreeTime(gateway.get(availability)).orElseThrow();
        System.out.println("e2e: the slot " + windowStart + " (" + zone + ") was bookable "
                + Duration.between(published, Instant.now()).toMillis() + " ms after publishing it; booking "
                + startTime);
        soon = book(today, startTime);
        assertThat(soon.get("consultation_fee").asString()).isEqualTo(FEE + ".00");
        Gateway.Response confirmed = send("POST", "/api/v1/appointments/" + id(soon) + "/confirm/", null, doctor);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");

        String laterAvailability = "/api/v1/doctors/" + doctorId + "/availability/?date=" + inThreeDays;
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> firstFreeTime(gateway.get(laterAvailability)).isPresent());
        later = book(inThreeDays, "09:00");
        System.out.println("e2e: set up in " + Duration.between(begin, Instant.now()).toMillis() + " ms");
    }

    @Test
    @Order(1)
    void aBookingLessThan24HoursAheadHasItsReminderSentAtOnceAndThePatientHasItInTheMailbox() {
        String reminders = "/api/v1/reminders/?appointment_id=" + id(soon);
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(500))
                .until(() -> reminder(gateway.get(reminders, patient)).map(r -> r.get("status").asString())
                        .filter("SENT"::equals).isPresent());
        JsonNode reminder = reminder(gateway.get(reminders, patient)).orElseThrow();
        assertThat(reminder.get("appointment_id").asString()).isEqualTo(id(soon));
        assertThat(reminder.get("recipient_role").asString()).isEqualTo("PATIENT");
        assertThat(reminder.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(reminder.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(reminder.get("sent_at").isNull()).isFalse();
        assertThat(reminder.get("failure_reason").isNull()).isTrue();
        // booked less than 24 h ahead: due at booking, not 24 h before the start
        Instant startsAt = OffsetDateTime.parse(soon.get("starts_at").asString()).toInstant();
        assertThat(Instant.parse(reminder.get("due_at").asString()))
                .isAfter(startsAt.minus(Duration.ofHours(24))).isBefore(startsAt);

        // the doctor sees the same messages; the notices of booking and confirmation are among them
        Gateway.Response asDoctor = gateway.get(reminders, doctor);
        assertThat(asDoctor.status()).as(asDoctor.body()).isEqualTo(200);
        assertThat(kinds(asDoctor)).contains("REMINDER", "BOOKED", "CONFIRMED");

        // SENT means the mail server has it: in the patient's mailbox, naming the doctor and the appointment
        List<Mailbox.Mail> inbox = Mailbox.inbox(stack, patientEmail);
        assertThat(inbox).as("the patient's mailbox").anySatisfy(mail -> {
            assertThat(mail.subject()).startsWith("Reminder:").contains("Dr. " + doctorName);
            assertThat(mail.text()).contains("Dr. " + doctorName).contains("Appointment id: " + id(soon));
        });
    }

    @Test
    @Order(2)
    void aBookingThreeDaysAheadHasItsReminderScheduledAndCancellingCancelsIt() {
        String reminders = "/api/v1/reminders/?appointment_id=" + id(later);
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> reminder(gateway.get(reminders, patient)).isPresent());
        JsonNode scheduled = reminder(gateway.get(reminders, patient)).orElseThrow();
        assertThat(scheduled.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(scheduled.get("sent_at").isNull()).isTrue();
        Instant startsAt = OffsetDateTime.parse(later.get("starts_at").asString()).toInstant();
        assertThat(Instant.parse(scheduled.get("due_at").asString())).isEqualTo(startsAt.minus(Duration.ofHours(24)));

        Gateway.Response cancelled = send("POST", "/api/v1/appointments/" + id(later) + "/cancel/",
                Map.of("reason", "Feeling better"), patient);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> reminder(gateway.get(reminders, patient)).map(r -> r.get("status").asString())
                        .filter("CANCELLED"::equals).isPresent());
        assertThat(reminder(gateway.get(reminders, patient)).orElseThrow().get("id").asString())
                .isEqualTo(scheduled.get("id").asString());
    }

    @Test
    @Order(3)
    void anotherPatientCannotSeeTheReminders() {
        Gateway.Response answer = gateway.get("/api/v1/reminders/?appointment_id=" + id(soon), otherPatient);
        assertThat(answer.status()).as(answer.body()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(4)
    void theReportIsTheDoctorsAndAdminsOnly() {
        String report = reportPath();
        // once reporting-service knows the doctor (doctor.profile.v1), the doctor reads it
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get(report, doctor).status() == 200);
        assertThat(gateway.get(report, otherDoctor).status()).isEqualTo(404);
        assertThat(gateway.get(report, patient).status()).isEqualTo(403);
        String admin = gateway.keycloakAccessToken("admin@example.com", "Admin.1234");
        Gateway.Response asAdmin = gateway.get(report, admin);
        assertThat(asAdmin.status()).as(asAdmin.body()).isEqualTo(200);
        assertThat(asAdmin.json().get("doctor_id").asString()).isEqualTo(doctorId);
    }

    @Test
    @Order(5)
    void completingTheAppointmentOnceItStartedShowsItAndItsFeeInTheMonthsReportWithinSeconds() {
        Instant startsAt = OffsetDateTime.parse(soon.get("starts_at").asString()).toInstant();
        String complete = "/api/v1/appointments/" + id(soon) + "/complete/";
        Duration untilStart = Duration.between(Instant.now(), startsAt);
        if (!untilStart.isNegative()) {
            System.out.println("e2e: waiting " + untilStart.toSeconds() + " s for the appointment to start");
            sleep(untilStart.plusSeconds(1));
        }
        // booking-service's clock is this machine's: allow a few seconds of slack, not a wrong answer
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> send("POST", complete, Map.of("prescription", "Paracetamol 500 mg"), doctor)
                        .status() != 409);
        Gateway.Response completed = gateway.get("/api/v1/appointments/" + id(soon) + "/", doctor);
        assertThat(completed.json().get("status").asString()).as(completed.body()).isEqualTo("COMPLETED");
        Instant completedAt = Instant.now();

        String report = reportPath();
        await().atMost(REPORT_FOLD).pollInterval(Duration.ofMillis(250))
                .until(() -> gateway.get(report, doctor).json().get("completed").asInt() == 1);
        System.out.println("e2e: the report showed the completed appointment "
                + Duration.between(completedAt, Instant.now()).toMillis() + " ms after completing it");
        JsonNode figures = gateway.get(report, doctor).json();
        assertThat(figures.get("month").asString()).isEqualTo(month().toString());
        assertThat(new BigDecimal(figures.get("earnings").asString())).isEqualByComparingTo(FEE);
        assertThat(figures.get("unique_patients").asInt()).isEqualTo(1);
        assertThat(figures.get("final").asBoolean()).isFalse();

        String admin = gateway.keycloakAccessToken("admin@example.com", "Admin.1234");
        JsonNode asAdmin = gateway.get(report, admin).json();
        assertThat(asAdmin.get("completed").asInt()).isEqualTo(1);
        assertThat(asAdmin.get("earnings").asString()).isEqualTo(figures.get("earnings").asString());

        Gateway.Response csv = gateway.request("GET", report, null, doctor, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        Map<String, String> row = new LinkedHashMap<>();
        String[] header = lines[0].split(",", -1);
        String[] values = lines[1].split(",", -1);
        assertThat(values).hasSameSizeAs(header);
        for (int i = 0; i < header.length; i++) {
            row.put(header[i], values[i]);
        }
        assertThat(row).containsEntry("doctor_id", doctorId).containsEntry("month", month().toString())
                .containsEntry("completed", "1").containsEntry("earnings", figures.get("earnings").asString());
    }

    private static String reportPath() {
        return "/api/v1/reports/monthly/" + doctorId + "/" + month() + "/";
    }

    /** The month of the first appointment's start in the doctor's zone. */
    private static YearMonth month() {
        return YearMonth.from(OffsetDateTime.parse(soon.get("starts_at").asString()).atZoneSameInstant(zone));
    }

    private static boolean halfAnHourLeftToday(ZoneId candidate) {
        LocalTime local = LocalTime.now(candidate);
        return local.isAfter(LocalTime.of(0, 10)) && local.isBefore(LocalTime.of(23, 0));
    }

    private static void publishSlot(LocalDate date, LocalTime start, LocalTime end, int minutes) {
        Gateway.Response slot = send("POST", "/api/v1/doctors/me/time-slots/", Map.of(
                "weekday", date.getDayOfWeek().name(), "start_time", start.toString(), "end_time", end.toString(),
                "slot_minutes", minutes), doctor);
        assertThat(slot.status()).as(slot.body()).isEqualTo(201);
    }

    private static JsonNode book(LocalDate date, String startTime) {
        Gateway.Response booked = send("POST", "/api/v1/appointments/", Map.of("doctor_id", doctorId,
                "date", date.toString(), "start_time", startTime), patient);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json();
    }

    private static Optional<String> firstFreeTime(Gateway.Response availability) {
        if (availability.status() != 200 || availability.json().get("slots").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(availability.json().get("slots").get(0).get("start_time").asString());
    }

    /** The appointment's REMINDER among its messages (one lead time is configured: PT24H). */
    private static Optional<JsonNode> reminder(Gateway.Response messages) {
        if (messages.status() != 200) {
            return Optional.empty();
        }
        for (JsonNode message : messages.json().get("results")) {
            if (message.get("kind").asString().equals("REMINDER")) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private static List<String> kinds(Gateway.Response messages) {
        List<String> kinds = new ArrayList<>();
        messages.json().get("results").forEach(message -> kinds.add(message.get("kind").asString()));
        return kinds;
    }

    private static String id(JsonNode appointment) {
        return appointment.get("id").asString();
    }

    private static String register(String role, String fullName, String email, Map<String, Object> location) {
        Map<String, Object> body = new HashMap<>(location);
        body.putAll(Map.of("role", role, "full_name", fullName, "email", email, "phone",
                Gateway.uniquePhone(), "password", PASSWORD));
        Gateway.Response registered = gateway.postJson("/api/v1/user/register/", body, null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("id").asString();
    }

    private static String login(String email) {
        return gateway.login(email, PASSWORD);
    }

    private static Gateway.Response send(String method, String path, Object body, String accessToken) {
        return gateway.request(method, path, body, accessToken, Map.of());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
