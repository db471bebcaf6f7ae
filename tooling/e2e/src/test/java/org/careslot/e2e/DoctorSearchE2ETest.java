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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A doctor registers and publishes a profile and a Monday slot; patients and anonymous visitors find the doctor by
 * specialization and district. Through the gateway only; the doctor's account reaches doctor-service as an
 * identity.user.v1 event, so the search is awaited.
 */
class DoctorSearchE2ETest {

    private static final String PASSWORD = "Str0ng!Pass";

    private static Gateway gateway;
    private static RunningStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void stack() {
        stack = RunningStack.get();
        gateway = new Gateway(stack);
    }

    @Test
    void aRegisteredDoctorWithAProfileAndAMondaySlotIsFoundBySpecializationAndDistrict() {
        JsonNode divisions = gateway.get("/api/v1/locations/divisions/").json();
        int division = divisions.get(divisions.size() - 1).get("id").asInt();
        JsonNode districts = gateway.get("/api/v1/locations/divisions/" + division + "/districts/").json();
        int district = districts.get(districts.size() - 1).get("id").asInt();
        int thana = gateway.get("/api/v1/locations/districts/" + district + "/thanas/").json().get(0).get("id").asInt();

        String marker = "E2e" + Long.toString(System.nanoTime(), 36);
        String fullName = "Nadia Karim " + marker;
        String email = "doctor-" + UUID.randomUUID() + "@example.org";
        Map<String, Object> registration = new HashMap<>(Map.of("role", "DOCTOR", "full_name", fullName,
                "email", email, "phone", Gateway.uniquePhone(), "password", PASSWORD, "division_id", division,
                "district_id", district, "thana_id", thana));
        Gateway.Response registered = gateway.postJson("/api/v1/user/register/", registration, null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String doctorId = registered.json().get("id").asString();

        Gateway.Response login = gateway.postJson("/api/v1/user/login/",
                Map.of("email", email, "password", PASSWORD), null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String doctor = login.json().get("access").asString();

        Gateway.Response profile = put("/api/v1/doctors/me/profile/", Map.of("specialization", "NEUROSURGERY",
                "license_number", "BMDC-" + marker, "experience_years", 11, "consultation_fee", "1200",
                "qualification", "MBBS, MS (Neurosurgery)", "bio", "Spine and brain surgery."), doctor);
        assertThat(profile.status()).as(profile.body()).isEqualTo(201);
        assertThat(profile.json().get("id").asString()).isEqualTo(doctorId);
        assertThat(profile.json().get("consultation_fee").asString()).isEqualTo("1200.00");
        Gateway.Response slot = gateway.postJson("/api/v1/doctors/me/time-slots/", Map.of("weekday", "MONDAY",
                "start_time", "09:00", "end_time", "12:00", "slot_minutes", 30), doctor);
        assertThat(slot.status()).as(slot.body()).isEqualTo(201);

        String search = "/api/v1/doctors/?specialization=NEUROSURGERY&district_id=" + district + "&search=" + marker;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get(search).json().get("count").asInt() == 1);

        JsonNode found = gateway.get(search).json().get("results").get(0);
        assertThat(found.get("id").asString()).isEqualTo(doctorId);
        assertThat(found.get("full_name").asString()).isEqualTo(fullName);
        assertThat(found.get("specialization").asString()).isEqualTo("NEUROSURGERY");
        assertThat(found.get("division_id").asInt()).isEqualTo(division);
        assertThat(found.get("district_id").asInt()).isEqualTo(district);
        assertThat(found.get("thana_id").asInt()).isEqualTo(thana);
        assertThat(found.get("consultation_fee").asString()).isEqualTo("1200.00");
        assertThat(found.get("is_active").asBoolean()).isTrue();

        // available on the next Monday, not on the Tuesday after it
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        assertThat(gateway.get(search + "&available_on=" + monday).json().get("count").asInt()).isEqualTo(1);
        assertThat(gateway.get(search + "&available_on=" + monday.plusDays(1)).json().get("count").asInt()).isZero();

        // a patient finds the same doctor, and the doctor's own page
        String patientEmail = "patient-" + UUID.randomUUID() + "@example.org";
        Map<String, Object> patient = new HashMap<>(registration);
        patient.putAll(Map.of("role", "PATIENT", "full_name", "Rashed Khan", "email", patientEmail,
                "phone", Gateway.uniquePhone()));
        assertThat(gateway.postJson("/api/v1/user/register/", patient, null).status()).isEqualTo(201);
        String patientToken = gateway.postJson("/api/v1/user/login/",
                Map.of("email", patientEmail, "password", PASSWORD), null).json().get("access").asString();
        JsonNode forPatient = gateway.get(search, patientToken).json();
        assertThat(forPatient.get("results").get(0).get("id").asString()).isEqualTo(doctorId);
        Gateway.Response one = gateway.get("/api/v1/doctors/" + doctorId + "/");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("full_name").asString()).isEqualTo(fullName);

        // a patient cannot touch doctor profiles
        assertThat(put("/api/v1/doctors/me/profile/", Map.of(), patientToken).status()).isEqualTo(403);
        Gateway.Response badFilter = gateway.get("/api/v1/doctors/?district_id=abc");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.contentType()).startsWith("application/problem+json");
    }

    /** PUT with a JSON body through the gateway (Gateway offers GET and POST only). */
    private Gateway.Response put(String path, Object body, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Gateway.JSON.writeValueAsString(body)));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Gateway.Response(response.statusCode(), new Gateway.HttpResponseHeaders(response.headers()),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
