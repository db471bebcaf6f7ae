package org.careslot.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The booking journey through the gateway only, as a frontend drives it: a doctor registers and publishes a profile
 * and a weekly slot (doctor-service), a patient finds the doctor, reads the availability (booking-service, from the
 * doctor.profile.v1 events), books; the time disappears from the availability, a second patient gets 409 for it, the
 * first patient cancels and the time reappears. Cross-service propagation is awaited (events, up to 60 s).
 */
class BookingE2ETest {

    private static final String PASSWORD = "Str0ng!Pass";
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    private static Gateway gateway;
    private static RunningStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void stack() {
        stack = RunningStack.get();
        gateway = new Gateway(stack);
    }

    @Test
    void findDoctorSeeAvailabilityBookTheTimeIsGoneASecondPatientGets409CancelAndTheTimeIsBack() {
        Map<String, Object> location = gateway.firstLocation();

        // a doctor with a profile and one weekly slot on the weekday of a date a few days ahead
        String marker = "Bk" + Long.toString(System.nanoTime(), 36);
        String doctorEmail = "doctor-" + UUID.randomUUID() + "@example.org";
        String doctorId = register("DOCTOR", "Farhana Akter " + marker, doctorEmail, location);
        String doctor = login(doctorEmail);
        Response profile = send("PUT", "/api/v1/doctors/me/profile/", Map.of("specialization", "CARDIOLOGY",
                "license_number", "BMDC-" + marker, "experience_years", 8, "consultation_fee", "800",
                "qualification", "MBBS, FCPS (Cardiology)", "time_zone", "Asia/Dhaka"), doctor, null);
        assertThat(profile.status()).as(profile.body()).isIn(200, 201);
        LocalDate date = LocalDate.now(ZoneId.of("Asia/Dhaka")).plusDays(4);
        Response slot = send("POST", "/api/v1/doctors/me/time-slots/", Map.of("weekday", date.getDayOfWeek().name(),
                "start_time", "09:00", "end_time", "11:00", "slot_minutes", 30), doctor, null);
        assertThat(slot.status()).as(slot.body()).isEqualTo(201);

        // a patient finds the doctor by name and speciality
        String patientEmail = "patient-" + UUID.randomUUID() + "@example.org";
        String patientId = register("PATIENT", "Tanvir Hasan", patientEmail, location);
        String patient = login(patientEmail);
        String search = "/api/v1/doctors/?specialization=CARDIOLOGY&search=" + marker;
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get(search, patient).json().get("count").asInt() == 1);
        assertThat(gateway.get(search, patient).json().get("results").get(0).get("id").asString()).isEqualTo(doctorId);

        // the availability, once booking-service has the doctor's schedule (no token needed)
        String availability = "/api/v1/doctors/" + doctorId + "/availability/?date=" + date;
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> starts(gateway.get(availability)).equals(List.of("09:00", "09:30", "10:00", "10:30")));
        JsonNode first = gateway.get(availability).json().get("slots").get(0);
        assertThat(first.get("starts_at").asString()).isEqualTo(date + "T09:00:00+06:00");
        assertThat(first.get("end_time").asString()).isEqualTo("09:30");

        // book it (a retried request with the same Idempotency-Key creates nothing new)
        Map<String, Object> booking = Map.of("doctor_id", doctorId, "date", date.toString(), "start_time", "09:30",
                "notes", "follow-up of my ECG");
        String key = UUID.randomUUID().toString();
        Response booked = send("POST", "/api/v1/appointments/", booking, patient, key);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode appointment = booked.json();
        String appointmentId = appointment.get("id").asString();
        assertThat(appointment.get("status").asString()).isEqualTo("PENDING");
        assertThat(appointment.get("patient_id").asString()).isEqualTo(patientId);
        assertThat(appointment.get("consultation_fee").asString()).isEqualTo("800.00");
        assertThat(appointment.get("starts_at").asString()).isEqualTo(date + "T09:30:00+06:00");
        Response retried = send("POST", "/api/v1/appointments/", booking, patient, key);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("id").asString()).isEqualTo(appointmentId);

        // the time is gone
        assertThat(starts(gateway.get(availability))).containsExactly("09:00", "10:00", "10:30");

        // a second patient cannot have it, nor see the first patient's appointment
        String secondEmail = "patient-" + UUID.randomUUID() + "@example.org";
        register("PATIENT", "Nusrat Jahan", secondEmail, location);
        String second = login(secondEmail);
        Response taken = send("POST", "/api/v1/appointments/", booking, second, null);
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.contentType()).startsWith("application/problem+json");
        assertThat(gateway.get("/api/v1/appointments/" + appointmentId + "/", second).status()).isEqualTo(404);

        // the doctor sees it among their appointments
        JsonNode doctorsList = gateway.get("/api/v1/appointments/?date_from=" + date + "&date_to=" + date, doctor)
                .json();
        assertThat(doctorsList.get("count").asInt()).isEqualTo(1);
        assertThat(doctorsList.get("results").get(0).get("id").asString()).isEqualTo(appointmentId);

        // the patient cancels: the time is back, and the second patient gets it
        Response cancelled = send("POST", "/api/v1/appointments/" + appointmentId + "/cancel/",
                Map.of("reason", "Travelling"), patient, null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(starts(gateway.get(availability))).containsExactly("09:00", "09:30", "10:00", "10:30");
        Response rebooked = send("POST", "/api/v1/appointments/", booking, second, null);
        assertThat(rebooked.status()).as(rebooked.body()).isEqualTo(201);
        assertThat(starts(gateway.get(availability))).containsExactly("09:00", "10:00", "10:30");
    }

    private static List<String> starts(Gateway.Response availability) {
        List<String> starts = new ArrayList<>();
        if (availability.status() == 200) {
            availability.json().get("slots").forEach(slot -> starts.add(slot.get("start_time").asString()));
        }
        return starts;
    }

    private String register(String role, String fullName, String email, Map<String, Object> location) {
        Map<String, Object> body = new HashMap<>(location);
        body.putAll(Map.of("role", role, "full_name", fullName, "email", email, "phone", Gateway.uniquePhone(),
                "password", PASSWORD));
        Gateway.Response registered = gateway.postJson("/api/v1/user/register/", body, null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("id").asString();
    }

    private String login(String email) {
        return gateway.login(email, PASSWORD);
    }

    /** One answer of {@link #send}. */
    private record Response(int status, String contentType, String body) {
        JsonNode json() {
            return Gateway.JSON.readTree(body);
        }
    }

    /** A JSON request through the gateway with any method and an optional Idempotency-Key (Gateway has GET/POST). */
    private Response send(String method, String path, Object body, String accessToken, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Gateway.JSON.writeValueAsString(body)));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
