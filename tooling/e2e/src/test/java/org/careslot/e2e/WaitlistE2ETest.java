package org.careslot.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The waitlist through the gateway: patient B joins doctor D's waitlist for a date, patient A cancels their
 * appointment on that date, notification-service tells B by e-mail (read over IMAP from the local stack's mail
 * server); B's entry shows NOTIFIED, and B leaves the list.
 */
class WaitlistE2ETest {

    private static final String PASSWORD = "Str0ng!Pass";
    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    /** A notice due at once is sent within a poll (1 s); one transient failure retries after 30 s. */
    private static final Duration DELIVERY = Duration.ofSeconds(90);

    private static Gateway gateway;
    private static RunningStack stack;

    @BeforeAll
    static void stack() {
        stack = RunningStack.get();
        gateway = new Gateway(stack);
    }

    @Test
    void aWaitingPatientIsToldWhenTheSlotIsFreedAndLeavesTheList() {
        String marker = "Wl" + Long.toString(System.nanoTime(), 36);
        String doctorName = "Nazmul Huda " + marker;
        LocalDate date = LocalDate.now(ZoneId.of("Asia/Dhaka")).plusDays(4);
        PublishedDoctor published = PublishedDoctor.publish(gateway, doctorName, "MEDICINE", "600", date,
                LocalTime.of(10, 0), LocalTime.of(10, 30));
        String doctorId = published.id();
        String doctor = published.token();
        String aEmail = "patient-" + UUID.randomUUID() + "@example.org";
        gateway.register("PATIENT", "Arif Hossain", aEmail, PASSWORD);
        String a = gateway.login(aEmail, PASSWORD);
        String bEmail = "patient-" + UUID.randomUUID() + "@example.org";
        gateway.register("PATIENT", "Bilkis Begum", bEmail, PASSWORD);
        String b = gateway.login(bEmail, PASSWORD);

        // A books the day's only time
        published.awaitFreeSlots(gateway, date, 1);
        Gateway.Response booked = gateway.postJson("/api/v1/appointments/", Map.of("doctor_id", doctorId,
                "date", date.toString(), "start_time", "10:00"), a);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String appointmentId = booked.json().get("id").asString();

        // B joins the waitlist once notification-service knows the doctor (identity.user.v1): 404 until then
        String waitlist = "/api/v1/doctors/" + doctorId + "/waitlist/";
        Map<String, Object> body = Map.of("date", date.toString());
        Gateway.Response joined = await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.postJson(waitlist, body, b), response -> response.status() != 404);
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        String entryId = joined.json().get("id").asString();
        assertThat(joined.json().get("status").asString()).isEqualTo("WAITING");
        assertThat(joined.headers().raw().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/waitlist/" + entryId + "/"));
        Gateway.Response again = gateway.postJson(waitlist, body, b);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(gateway.postJson(waitlist, body, doctor).status()).isEqualTo(403);

        Gateway.Response cancelled = gateway.postJson("/api/v1/appointments/" + appointmentId + "/cancel/",
                Map.of("reason", "Travelling"), a);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        await().atMost(DELIVERY).pollInterval(Duration.ofSeconds(1))
                .until(() -> Mailbox.inbox(stack, bEmail).stream()
                        .anyMatch(mail -> mail.subject().startsWith("A slot is free with")));
        List<Mailbox.Mail> notices = Mailbox.inbox(stack, bEmail).stream()
                .filter(mail -> mail.subject().startsWith("A slot is free with")).toList();
        assertThat(notices).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).contains("Dr. " + doctorName, "10:00");
            assertThat(mail.text()).contains("can be booked now").doesNotContain(appointmentId, "Arif");
        });
        assertThat(Mailbox.inbox(stack, aEmail)).noneMatch(mail -> mail.subject().startsWith("A slot is free"));

        Gateway.Response list = gateway.get("/api/v1/waitlist/", b);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("count").asInt()).isEqualTo(1);
        JsonNode entry = list.json().get("results").get(0);
        assertThat(entry.get("id").asString()).isEqualTo(entryId);
        assertThat(entry.get("doctor_id").asString()).isEqualTo(doctorId);
        assertThat(entry.get("date").asString()).isEqualTo(date.toString());
        assertThat(entry.get("status").asString()).isEqualTo("NOTIFIED");
        assertThat(entry.get("notified_at").isNull()).isFalse();
        assertThat(gateway.get("/api/v1/waitlist/", a).json().get("count").asInt()).isZero();

        assertThat(gateway.request("DELETE", "/api/v1/waitlist/" + entryId + "/", null, a, Map.of()).status())
                .isEqualTo(404);
        assertThat(gateway.request("DELETE", "/api/v1/waitlist/" + entryId + "/", null, b, Map.of()).status())
                .isEqualTo(204);
        assertThat(gateway.get("/api/v1/waitlist/", b).json().get("count").asInt()).isZero();
    }
}
