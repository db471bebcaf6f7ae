package org.careslot.booking.calendar;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.ValidationWarnings;
import biweekly.io.ParseWarning;
import org.careslot.booking.calendar.domain.FeedToken;
import org.careslot.booking.calendar.domain.FeedTokenKey;
import org.careslot.booking.fixtures.Actor;
import org.careslot.booking.fixtures.BookingIntegrationTest;
import org.careslot.booking.fixtures.DoctorProfile;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.events.UpstreamEvents.User;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Private iCalendar feeds: the token's life, who may have one, and what a feed shows (read by a real parser). */
class CalendarFeedApiTest extends BookingIntegrationTest {

    static final String FEED_URL = "/api/v1/calendar/feed-url/";
    static final String MEDICAL = "MEDICAL-TEXT-never-in-a-feed";

    @Value("${careslot.calendar.feed-key}")
    String feedKey;

    Answer feedUrl(Actor caller) {
        return http.get(FEED_URL, caller == null ? null : caller.token());
    }

    String url(Actor caller) {
        Answer answer = feedUrl(caller);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.text("url");
    }

    /** The feed fetched as a calendar app does: no token, only the URL. */
    Answer fetch(String url) {
        return http.get(URI.create(url).getPath(), null, Map.of("Accept", "text/calendar"));
    }

    @Test
    void afterAChangeOfKeyTheUrlAnsweredIsTheOneThatWorks() {
        Actor doctor = Actor.doctor();
        String url = url(doctor);
        // as if the feed had been created under another key: its stored hash is not that of today's token
        jdbc.update("UPDATE calendar_feed_token SET token_hash = ? WHERE user_id = ?",
                FeedToken.hash(new FeedTokenKey("the-key-before-the-change-1234567").tokenOf(doctor.id(),
                        FeedTokenKey.newNonce())), doctor.id());
        assertThat(fetch(url).status()).isEqualTo(404);
        assertThat(url(doctor)).isEqualTo(url);
        assertThat(fetch(url).status()).isEqualTo(200);
    }

    @Test
    void theFirstRequestCreatesTheUrlLaterOnesAnswerTheSameUntilRevoked() {
        Actor patient = Actor.patient();

        Answer first = feedUrl(patient);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String url = first.text("url");
        assertThat(url).matches("http://localhost:" + port + "/api/v1/calendar/feeds/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(first.text("created_at")).isNotBlank();
        Answer again = feedUrl(patient);
        assertThat(again.text("url")).isEqualTo(url);
        assertThat(again.text("created_at")).isEqualTo(first.text("created_at"));
        // without the trailing slash too
        assertThat(http.get("/api/v1/calendar/feed-url", patient.token()).text("url")).isEqualTo(url);

        // the token is not stored: the row holds the nonce it is computed from (with the key) and the token's hash
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'calendar_feed_token'", String.class))
                .containsExactlyInAnyOrder("user_id", "nonce", "token_hash", "created_at");
        assertThat(jdbc.queryForObject("SELECT token_hash FROM calendar_feed_token WHERE user_id = ?",
                byte[].class, patient.id())).isEqualTo(FeedToken.hash(token));
        byte[] nonce = jdbc.queryForObject("SELECT nonce FROM calendar_feed_token WHERE user_id = ?", byte[].class,
                patient.id());
        assertThat(new FeedTokenKey(feedKey).tokenOf(patient.id(), nonce)).isEqualTo(token);
        assertThat(new FeedTokenKey("another-key-".repeat(3)).tokenOf(patient.id(), nonce)).isNotEqualTo(token);

        Answer feed = fetch(url);
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).isEqualTo("text/calendar;charset=UTF-8");
        assertThat(feed.header("Cache-Control")).contains("no-store").contains("private");

        Answer revoked = http.delete(FEED_URL, patient.token());
        assertThat(revoked.status()).isEqualTo(204);
        Answer gone = fetch(url);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.delete(FEED_URL, patient.token()).status()).as("revoking nothing").isEqualTo(204);

        String renewed = url(patient);
        assertThat(renewed).isNotEqualTo(url);
        assertThat(fetch(renewed).status()).isEqualTo(200);
        assertThat(fetch(url).status()).isEqualTo(404);
    }

    @Test
    void theUrlNamesTheAddressTheClientUsedThroughTheGateway() {
        Answer answer = http.get(FEED_URL, Actor.doctor().token(), Map.of("X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "careslot.example", "X-Forwarded-Port", "443"));

        assertThat(answer.text("url")).startsWith("https://careslot.example/api/v1/calendar/feeds/");
    }

    @Test
    void onlyPatientsAndDoctorsHaveFeedsAndUnknownTokensAre404NotA401() {
        Actor admin = Actor.admin();
        for (Answer forbidden : List.of(feedUrl(admin), http.delete(FEED_URL, admin.token()))) {
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(feedUrl(null).status()).isEqualTo(401);
        assertThat(http.delete(FEED_URL, null).status()).isEqualTo(401);

        for (String token : List.of(new FeedTokenKey(feedKey).tokenOf(UUID.randomUUID(), FeedTokenKey.newNonce()), "not-a-token", "x".repeat(44))) {
            Answer unknown = http.get("/api/v1/calendar/feeds/" + token + ".ics", null);
            assertThat(unknown.status()).as(token).isEqualTo(404);
            assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
            assertThat(fetch("/api/v1/calendar/feeds/" + token + ".ics").status()).isEqualTo(404);
        }
    }

    @Test
    void aFeedShowsTheOwnersAppointmentsWithUidTimesStatusAndSequenceAndNothingMedical() {
        Actor doctor = Actor.doctor();
        DoctorProfile profile = publish(DoctorProfile.of(doctor.id()).everyDay("09:00", "12:00", 30), 1);
        Actor patient = Actor.patient();
        Actor otherPatient = Actor.patient();
        LocalDate day = daysAhead(2);

        Answer booked = bookWithMedicalText(patient, profile, day, "09:00");
        Answer confirmed = bookWithMedicalText(patient, profile, day, "09:30");
        assertThat(http.post("/api/v1/appointments/" + confirmed.text("id") + "/confirm/", null, doctor.token())
                .status()).isEqualTo(200);
        Answer cancelled = bookWithMedicalText(patient, profile, day, "10:00");
        assertThat(http.post("/api/v1/appointments/" + cancelled.text("id") + "/cancel/",
                Map.of("reason", MEDICAL), patient.token()).status()).isEqualTo(200);
        Answer someoneElses = bookWithMedicalText(otherPatient, profile, day, "11:00");
        DoctorProfile otherDoctor = publish(DoctorProfile.random().everyDay("09:00", "12:00", 30), 1);
        Answer elsewhere = bookWithMedicalText(otherPatient, otherDoctor, day, "09:00");

        String patientFeed = feedText(url(patient));
        Map<String, VEvent> mine = events(patientFeed);

        assertThat(mine).containsOnlyKeys(uid(booked), uid(confirmed), uid(cancelled));
        assertEvent(mine.get(uid(booked)), booked, "TENTATIVE", 1);
        assertEvent(mine.get(uid(confirmed)), confirmed, "CONFIRMED", 2);
        assertEvent(mine.get(uid(cancelled)), cancelled, "CANCELLED", 2);
        assertThat(mine.values()).allSatisfy(event -> assertThat(event.getSummary().getValue())
                .isEqualTo("CareSlot appointment with your doctor"));
        assertThat(patientFeed).doesNotContain(MEDICAL).doesNotContain("MEDICAL").doesNotContain("500.00");

        String doctorFeed = feedText(url(doctor));
        Map<String, VEvent> doctors = events(doctorFeed);
        assertThat(doctors).containsOnlyKeys(uid(booked), uid(confirmed), uid(cancelled), uid(someoneElses));
        assertThat(doctors).doesNotContainKey(uid(elsewhere));
        assertThat(doctors.values()).allSatisfy(event -> assertThat(event.getSummary().getValue())
                .isEqualTo("CareSlot appointment with a patient"));
        assertThat(doctorFeed).doesNotContain("MEDICAL");
    }

    @Test
    void theFeedOfADeactivatedAccountAnswers404() {
        Actor patient = Actor.patient();
        String url = url(patient);
        assertThat(fetch(url).status()).isEqualTo(200);

        UpstreamEvents.publishUser("user.deactivated", User.of(patient.id(), "PATIENT").withActive(false), 1);
        awaitUser(patient.id(), 1);

        assertThat(fetch(url).status()).isEqualTo(404);
    }

    @Test
    void appointmentsThatEndedMoreThan30DaysAgoLeaveTheFeed() {
        Actor doctor = Actor.doctor();
        DoctorProfile profile = publish(DoctorProfile.of(doctor.id()).everyDay("09:00", "12:00", 30), 1);
        Actor patient = Actor.patient();
        Answer booked = book(patient, profile.id(), daysAhead(1), "09:00");
        Instant endsAt = OffsetDateTime.parse(booked.text("ends_at")).toInstant();
        String url = url(patient);

        clock.setTo(endsAt.plus(CalendarFeeds.PAST).minus(Duration.ofMinutes(5)));
        assertThat(events(feedText(url))).containsOnlyKeys(uid(booked));

        clock.setTo(endsAt.plus(CalendarFeeds.PAST).plus(Duration.ofMinutes(5)));
        assertThat(events(feedText(url))).isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesBothEndpointsAndTheStorageDecision() {
        Answer document = http.get("/v3/api-docs", null);
        JsonNode paths = document.json().get("paths");
        JsonNode feedUrl = paths.get("/api/v1/calendar/feed-url/");
        assertThat(feedUrl.has("get")).isTrue();
        assertThat(feedUrl.has("delete")).isTrue();
        assertThat(feedUrl.get("get").get("responses").has("403")).isTrue();
        assertThat(feedUrl.get("get").get("responses").has("401")).isTrue();
        JsonNode feed = paths.get("/api/v1/calendar/feeds/{feed_token}.ics/").get("get");
        assertThat(feed.get("security")).isEmpty();
        assertThat(feed.get("responses").has("401")).isFalse();
        assertThat(feed.get("responses").get("200").get("content").has("text/calendar")).isTrue();
        assertThat(feed.get("responses").get("404").get("content").has("application/problem+json")).isTrue();
        assertThat(document.body()).contains("SHA-256").contains("30 days").contains("TENTATIVE");
    }

    Answer bookWithMedicalText(Actor patient, DoctorProfile doctor, LocalDate day, String start) {
        Map<String, Object> body = new HashMap<>(booking(doctor.id(), day, start));
        body.put("notes", MEDICAL + " notes, with; specials");
        body.put("symptoms", MEDICAL + " symptoms");
        Answer answer = http.post("/api/v1/appointments/", body, patient.token());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer;
    }

    String feedText(String url) {
        Answer feed = fetch(url);
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        return feed.body();
    }

    static String uid(Answer appointment) {
        return appointment.text("id") + "@careslot";
    }

    /** Parsed by biweekly, which must find nothing to warn about; the calendar's own properties checked. */
    static Map<String, VEvent> events(String text) {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(text).warnings(warnings).first();
        assertThat(calendar).isNotNull();
        assertThat(warnings).allSatisfy(list -> assertThat(list).isEmpty());
        assertThat(calendar.getVersion()).isEqualTo(ICalVersion.V2_0);
        assertThat(calendar.getProductId().getValue()).isEqualTo("-//CareSlot//Appointments Feed//EN");
        assertThat(calendar.getCalendarScale().getValue()).isEqualTo("GREGORIAN");
        assertThat(calendar.getMethod().getValue()).isEqualTo("PUBLISH");
        assertThat(calendar.getExperimentalProperty("X-WR-CALNAME").getValue()).isEqualTo("CareSlot appointments");
        ValidationWarnings problems = calendar.validate(ICalVersion.V2_0);
        if (calendar.getEvents().isEmpty()) {
            // RFC 5545's grammar wants one component; an empty feed is what an owner without appointments has, and
            // calendar apps read it as an empty calendar. The only finding allowed is exactly that one.
            assertThat(problems.getWarnings()).singleElement().satisfies(w -> assertThat(w.getWarnings())
                    .singleElement().satisfies(v -> assertThat(v.getCode()).isEqualTo(4)));
        } else {
            assertThat(problems.isEmpty()).as(problems.toString()).isTrue();
        }
        return calendar.getEvents().stream()
                .collect(Collectors.toMap(event -> event.getUid().getValue(), Function.identity()));
    }

    static void assertEvent(VEvent event, Answer appointment, String status, int sequence) {
        assertThat(event.getDateStart().getValue().toInstant())
                .isEqualTo(OffsetDateTime.parse(appointment.text("starts_at")).toInstant());
        assertThat(event.getDateEnd().getValue().toInstant())
                .isEqualTo(OffsetDateTime.parse(appointment.text("ends_at")).toInstant());
        assertThat(event.getDateStart().getValue().hasTime()).isTrue();
        assertThat(event.getStatus().getValue()).isEqualTo(status);
        assertThat(event.getSequence().getValue()).isEqualTo(sequence);
        assertThat(event.getDateTimeStamp()).isNotNull();
    }
}
