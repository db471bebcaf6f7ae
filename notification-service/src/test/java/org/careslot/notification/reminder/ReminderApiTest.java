package org.careslot.notification.reminder;

import org.careslot.notification.fixtures.NotificationIntegrationTest;
import org.careslot.notification.reminder.domain.AppointmentChange;
import org.careslot.platform.testkit.KeycloakTokens;
import org.careslot.platform.testkit.KeycloakTokens.TestUser;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/reminders/?appointment_id= with real Keycloak tokens: who sees what, pagination, bad input. */
class ReminderApiTest extends NotificationIntegrationTest {

    static TestUser patientUser;
    static TestUser doctorUser;
    static TestUser adminUser;
    static TestUser otherPatientUser;
    static TestUser otherDoctorUser;

    @BeforeAll
    static void users() {
        KeycloakTokens keycloak = KeycloakTokens.shared();
        patientUser = keycloak.createUser("PATIENT");
        doctorUser = keycloak.createUser("DOCTOR");
        adminUser = keycloak.createUser("ADMIN");
        otherPatientUser = keycloak.createUser("PATIENT");
        otherDoctorUser = keycloak.createUser("DOCTOR");
    }

    static String token(TestUser user) {
        return KeycloakTokens.shared().accessToken(user.email(), user.password());
    }

    UUID bookedAppointment() {
        Person doctor = person(UUID.fromString(doctorUser.id()), "DOCTOR", doctorUser.email(), "Sabrina Sultana");
        Person patient = person(UUID.fromString(patientUser.id()), "PATIENT", patientUser.email(), "Rahim Uddin");
        UUID id = UUID.randomUUID();
        apply(AppointmentChange.BOOKED, appointment(id, doctor, patient, Instant.now().plus(Duration.ofDays(3)),
                "PENDING"), 1);
        awaitStatuses(id, "BOOKED", "SENT", "SENT");
        return id;
    }

    @Test
    void patientDoctorAndAdminSeeTheAppointmentsMessages() {
        UUID id = bookedAppointment();
        ServiceHttp http = new ServiceHttp(port);
        for (TestUser user : List.of(patientUser, doctorUser, adminUser)) {
            Answer answer = http.get("/api/v1/reminders/?appointment_id=" + id, token(user));
            assertThat(answer.status()).as(user.role() + ": " + answer.body()).isEqualTo(200);
            JsonNode page = answer.json();
            assertThat(page.get("count").asLong()).isEqualTo(3);
            assertThat(page.get("next").isNull()).isTrue();
            List<String> kinds = new ArrayList<>();
            page.get("results").forEach(item -> {
                assertThat(ServiceHttp.names(item)).containsExactly("id", "appointment_id", "kind", "recipient_role",
                        "channel", "due_at", "status", "attempts", "sent_at", "failure_reason");
                assertThat(item.get("appointment_id").asString()).isEqualTo(id.toString());
                assertThat(item.get("channel").asString()).isEqualTo("EMAIL");
                kinds.add(item.get("kind").asString() + "/" + item.get("recipient_role").asString() + "/"
                        + item.get("status").asString());
            });
            assertThat(kinds).containsExactly("BOOKED/PATIENT/SENT", "BOOKED/DOCTOR/SENT", "REMINDER/PATIENT/SCHEDULED");
        }
        // the unslashed path works too (api.md)
        assertThat(http.get("/api/v1/reminders?appointment_id=" + id, token(patientUser)).status()).isEqualTo(200);
    }

    @Test
    void pagesFollowTheListConvention() {
        UUID id = bookedAppointment();
        Answer first = new ServiceHttp(port).get("/api/v1/reminders/?appointment_id=" + id + "&page_size=2",
                token(adminUser));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("results")).hasSize(2);
        assertThat(first.text("next")).endsWith("page=2&page_size=2").contains("appointment_id=" + id);
        assertThat(first.json().get("previous").isNull()).isTrue();
        Answer second = new ServiceHttp(port).get("/api/v1/reminders/?appointment_id=" + id + "&page=2&page_size=2",
                token(adminUser));
        assertThat(second.json().get("results")).hasSize(1);
        assertThat(second.json().get("next").isNull()).isTrue();
    }

    @Test
    void anyoneElseGets404AsForAnUnknownAppointment() {
        UUID id = bookedAppointment();
        ServiceHttp http = new ServiceHttp(port);
        for (TestUser user : List.of(otherPatientUser, otherDoctorUser)) {
            Answer answer = http.get("/api/v1/reminders/?appointment_id=" + id, token(user));
            assertThat(answer.status()).as(user.role()).isEqualTo(404);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
        Answer unknown = http.get("/api/v1/reminders/?appointment_id=" + UUID.randomUUID(), token(adminUser));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(http.get("/api/v1/reminders/?appointment_id=" + id, null).status()).isEqualTo(401);
    }

    @Test
    void aMissingOrMalformedAppointmentIdOrPageIs400NamingIt() {
        ServiceHttp http = new ServiceHttp(port);
        Answer missing = http.get("/api/v1/reminders/", token(patientUser));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("appointment_id");
        Answer malformed = http.get("/api/v1/reminders/?appointment_id=nope", token(patientUser));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorFields()).containsExactly("appointment_id");
        // java.util.UUID would read "1-2-3-4-5" as 00000001-0002-0003-0004-000000000005; api.md allows canonical only
        Answer nonCanonical = http.get("/api/v1/reminders/?appointment_id=1-2-3-4-5", token(patientUser));
        assertThat(nonCanonical.status()).isEqualTo(400);
        assertThat(nonCanonical.errorFields()).containsExactly("appointment_id");
        Answer badPage = http.get("/api/v1/reminders/?appointment_id=" + UUID.randomUUID() + "&page_size=500",
                token(patientUser));
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.errorFields()).containsExactly("page_size");
    }
}
