package org.careslot.e2e;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
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
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient's private calendar feed through the gateway: book, take the feed URL, read the feed without any token as
 * a calendar app does (parsed by an iCalendar library), revoke it, and the URL answers 404.
 */
class CalendarFeedE2ETest {

    private static final String PASSWORD = "Str0ng!Pass";

    private static Gateway gateway;
    private static RunningStack stack;
    private final HttpClient calendarApp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void stack() {
        stack = RunningStack.get();
        gateway = new Gateway(stack);
    }

    @Test
    void aPatientSubscribesToTheFeedSeesTheBookingAndRevokesIt() {
        LocalDate date = LocalDate.now(ZoneId.of("Asia/Dhaka")).plusDays(3);
        PublishedDoctor published = PublishedDoctor.publish(gateway, "Rafiq Islam", "MEDICINE", "600", date,
                LocalTime.of(14, 0), LocalTime.of(15, 0));
        String doctorId = published.id();
        String patientEmail = "patient-" + UUID.randomUUID() + "@example.org";
        gateway.register("PATIENT", "Sadia Rahman", patientEmail, PASSWORD);
        String patient = gateway.login(patientEmail, PASSWORD);
        published.awaitFreeSlots(gateway, date, 2);
        Gateway.Response booked = gateway.postJson("/api/v1/appointments/", Map.of("doctor_id", doctorId,
                "date", date.toString(), "start_time", "14:30", "symptoms", "chest pain since Monday"), patient);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode appointment = booked.json();

        Gateway.Response feedUrl = gateway.get("/api/v1/calendar/feed-url/", patient);
        assertThat(feedUrl.status()).as(feedUrl.body()).isEqualTo(200);
        String url = feedUrl.json().get("url").asString();
        // built from the address the client used: the gateway's
        assertThat(url).startsWith(stack.gatewayUrl() + "/api/v1/calendar/feeds/").endsWith(".ics");
        assertThat(gateway.get("/api/v1/calendar/feed-url/", patient).json().get("url").asString()).isEqualTo(url);

        HttpResponse<String> feed = fetchAnonymously(url);
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValue("text/calendar;charset=UTF-8");
        assertThat(feed.body()).doesNotContain("chest pain");
        ICalendar calendar = Biweekly.parse(feed.body()).first();
        assertThat(calendar.getEvents()).hasSize(1);
        VEvent event = calendar.getEvents().getFirst();
        assertThat(event.getUid().getValue()).isEqualTo(appointment.get("id").asString() + "@careslot");
        assertThat(event.getDateStart().getValue().toInstant())
                .isEqualTo(OffsetDateTime.parse(appointment.get("starts_at").asString()).toInstant());
        assertThat(event.getDateEnd().getValue().toInstant())
                .isEqualTo(OffsetDateTime.parse(appointment.get("ends_at").asString()).toInstant());
        assertThat(event.getStatus().getValue()).isEqualTo("TENTATIVE");
        assertThat(event.getSequence().getValue()).isEqualTo(1);

        Gateway.Response revoked = gateway.request("DELETE", "/api/v1/calendar/feed-url/", null, patient, Map.of());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        HttpResponse<String> gone = fetchAnonymously(url);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        // the feed-url endpoint itself still wants a token
        assertThat(gateway.get("/api/v1/calendar/feed-url/").status()).isEqualTo(401);
    }

    private HttpResponse<String> fetchAnonymously(String url) {
        try {
            return calendarApp.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/calendar").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
