package org.careslot.e2e;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SMS through the gateway only: a patient chooses e-mail and SMS in the profile, books; the booking notice reaches
 * both the patient's mailbox and the stand-in SMS provider ({@link SmsProvider}, which the stack's
 * notification-service posts to), and the doctor, who kept e-mail only, gets no SMS.
 */
class SmsE2ETest {

    private static final String PASSWORD = "Str0ng!Pass";
    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final Duration DELIVERY = Duration.ofSeconds(90);

    private final RunningStack stack = RunningStack.get();
    private final Gateway gateway = new Gateway(stack);

    @Test
    void aPatientWhoChoseSmsGetsTheBookingNoticeBySmsAndByEmail() {
        Map<String, Object> location = gateway.firstLocation();
        String marker = "Sms" + Long.toString(System.nanoTime(), 36);
        String patientEmail = "patient-" + UUID.randomUUID() + "@example.org";
        String patientPhone = Gateway.uniquePhone();
        register("PATIENT", "Nusrat Jahan", patientEmail, patientPhone, location);
        String patient = gateway.login(patientEmail, PASSWORD);
        // first, so that notification-service has the choice (identity.user.v1) long before the booking arrives
        Gateway.Response chose = gateway.request("PATCH", "/api/v1/user/me/",
                Map.of("notification_channels", List.of("EMAIL", "SMS")), patient, Map.of());
        assertThat(chose.status()).as(chose.body()).isEqualTo(200);
        assertThat(chose.json().get("notification_channels").toString()).isEqualTo("[\"EMAIL\",\"SMS\"]");
        Gateway.Response refused = gateway.request("PATCH", "/api/v1/user/me/",
                Map.of("notification_channels", List.of("PIGEON")), patient, Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").has("notification_channels")).isTrue();

        String doctorName = "Farhana Akter " + marker;
        String doctorEmail = "doctor-" + UUID.randomUUID() + "@example.org";
        String doctorPhone = Gateway.uniquePhone();
        String doctorId = register("DOCTOR", doctorName, doctorEmail, doctorPhone, location);
        String doctor = gateway.login(doctorEmail, PASSWORD);
        Gateway.Response profile = gateway.request("PUT", "/api/v1/doctors/me/profile/", Map.of(
                "specialization", "MEDICINE", "license_number", "BMDC-" + marker, "experience_years", 8,
                "consultation_fee", "600", "qualification", "MBBS", "time_zone", "Asia/Dhaka"), doctor, Map.of());
        assertThat(profile.status()).as(profile.body()).isIn(200, 201);
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Dhaka")).plusDays(3);
        Gateway.Response slot = gateway.request("POST", "/api/v1/doctors/me/time-slots/", Map.of(
                "weekday", day.getDayOfWeek().name(), "start_time", "09:00", "end_time", "10:00",
                "slot_minutes", 30), doctor, Map.of());
        assertThat(slot.status()).as(slot.body()).isEqualTo(201);
        String availability = "/api/v1/doctors/" + doctorId + "/availability/?date=" + day;
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).until(() -> {
            Gateway.Response free = gateway.get(availability);
            return free.status() == 200 && !free.json().get("slots").isEmpty();
        });
        Gateway.Response booked = gateway.request("POST", "/api/v1/appointments/", Map.of("doctor_id", doctorId,
                "date", day.toString(), "start_time", "09:00"), patient, Map.of());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String appointmentId = booked.json().get("id").asString();

        String messages = "/api/v1/reminders/?appointment_id=" + appointmentId;
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(500))
                .until(() -> sentNotices(gateway.get(messages, patient)).size() == 3);
        assertThat(sentNotices(gateway.get(messages, patient)))
                .containsExactlyInAnyOrder("PATIENT/EMAIL", "PATIENT/SMS", "DOCTOR/EMAIL");

        List<SmsProvider.Request> sms = SmsProvider.shared().to(patientPhone);
        assertThat(sms).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(SmsProvider.PATH);
            assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                    (SmsProvider.USERNAME + ":" + SmsProvider.PASSWORD).getBytes(StandardCharsets.UTF_8)));
            assertThat(request.contentType()).isEqualTo("application/json");
            JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(request.body());
            assertThat(body.get("to").asString()).isEqualTo(patientPhone);
            assertThat(body.get("text").asString()).startsWith("CareSlot: Your appointment with Dr. " + doctorName)
                    .contains("is booked").endsWith("Ref " + appointmentId.substring(0, 8));
        });
        assertThat(SmsProvider.shared().to(doctorPhone)).isEmpty();
        assertThat(Mailbox.inbox(stack, patientEmail)).anySatisfy(mail ->
                assertThat(mail.subject()).startsWith("Appointment booked with Dr. " + doctorName));
    }

    /** recipient/channel of the appointment's BOOKED notices that are SENT. */
    private static List<String> sentNotices(Gateway.Response messages) {
        List<String> sent = new ArrayList<>();
        if (messages.status() == 200) {
            for (JsonNode message : messages.json().get("results")) {
                if (message.get("kind").asString().equals("BOOKED") && message.get("status").asString().equals("SENT")) {
                    sent.add(message.get("recipient_role").asString() + "/" + message.get("channel").asString());
                }
            }
        }
        return sent;
    }

    private String register(String role, String fullName, String email, String phone, Map<String, Object> location) {
        Map<String, Object> body = new HashMap<>(location);
        body.putAll(Map.of("role", role, "full_name", fullName, "email", email, "phone", phone,
                "password", PASSWORD));
        Gateway.Response registered = gateway.postJson("/api/v1/user/register/", body, null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("id").asString();
    }
}
