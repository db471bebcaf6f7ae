package org.careslot.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A doctor as most scenarios need one: a new account, logged in, with a profile (Asia/Dhaka) and one weekly slot on
 * the weekday of a given date, published through the gateway.
 *
 * @param id    the doctor's id (= user id)
 * @param token the doctor's access token
 */
record PublishedDoctor(String id, String token) {

    static final String PASSWORD = "Str0ng!Pass";
    /** doctor-service → doctor.profile.v1 → booking-service (and identity.user.v1 → the other consumers) */
    static final Duration PROPAGATION = Duration.ofSeconds(60);

    /** Publishes a doctor with weekly hours {@code from}–{@code to} on {@code date}'s weekday, in slots of 30 minutes. */
    static PublishedDoctor publish(Gateway gateway, String fullName, String specialization, String fee,
                                   LocalDate date, LocalTime from, LocalTime to) {
        String email = "doctor-" + UUID.randomUUID() + "@example.org";
        String id = gateway.register("DOCTOR", fullName, email, PASSWORD);
        String token = gateway.login(email, PASSWORD);
        Gateway.Response profile = gateway.request("PUT", "/api/v1/doctors/me/profile/", Map.of(
                "specialization", specialization, "license_number", "BMDC-" + Long.toString(System.nanoTime(), 36),
                "experience_years", 8, "consultation_fee", fee, "qualification", "MBBS",
                "time_zone", "Asia/Dhaka"), token, Map.of());
        assertThat(profile.status()).as(profile.body()).isIn(200, 201);
        Gateway.Response slot = gateway.postJson("/api/v1/doctors/me/time-slots/", Map.of(
                "weekday", date.getDayOfWeek().name(), "start_time", from.toString(), "end_time", to.toString(),
                "slot_minutes", 30), token);
        assertThat(slot.status()).as(slot.body()).isEqualTo(201);
        return new PublishedDoctor(id, token);
    }

    /** Waits until booking-service offers {@code slots} free times on {@code date} (the schedule has arrived). */
    void awaitFreeSlots(Gateway gateway, LocalDate date, int slots) {
        String availability = "/api/v1/doctors/" + id + "/availability/?date=" + date;
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).until(() -> {
            Gateway.Response free = gateway.get(availability);
            return free.status() == 200 && free.json().get("slots").size() == slots;
        });
    }
}
