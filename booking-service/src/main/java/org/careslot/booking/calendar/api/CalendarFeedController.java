package org.careslot.booking.calendar.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.careslot.booking.calendar.CalendarFeeds;
import org.careslot.booking.calendar.CalendarFeeds.FeedAccess;
import org.careslot.platform.web.problem.ResourceNotFoundException;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

@RestController
@Tag(name = "Calendar feeds")
class CalendarFeedController {

    static final String FEEDS_PATH = "/api/v1/calendar/feeds/";
    static final String EXAMPLE_TOKEN = "3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    @Schema(description = "The caller's private feed URL")
    record FeedUrlResponse(
            @Schema(description = "subscribe to it in a calendar app; it carries the feed's secret token",
                    example = "https://careslot.example/api/v1/calendar/feeds/" + EXAMPLE_TOKEN + ".ics")
            String url,
            @Schema(description = "when this token was created (the URL stays the same until it is revoked)")
            Instant createdAt) {
    }

    private final CalendarFeeds feeds;
    private final String publicBaseUrl;

    CalendarFeedController(CalendarFeeds feeds,
                           @Value("${careslot.calendar.public-base-url:}") String publicBaseUrl) {
        this.feeds = feeds;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    @GetMapping("/api/v1/calendar/feed-url")
    @PreAuthorize("hasAnyRole('PATIENT', 'DOCTOR')")
    @Operation(summary = "The caller's private iCalendar feed URL (PATIENT, DOCTOR)",
            description = """
                    Answers {url, created_at}. The first request creates the caller's feed token; every later one \
                    answers the SAME URL (a calendar app's subscription keeps working) until it is revoked with \
                    DELETE. The token is 32 bytes, base64url without padding: HMAC-SHA256 under a key from the \
                    environment (CALENDAR_FEED_SECRET) of the user id and a random nonce kept with the feed. The URL is \
                    a bearer secret — whoever has it reads the feed without logging in.

                    Storage: the token is not stored; feeds are looked up by its SHA-256 hash. A leaked database \
                    opens no feed without the key. Changing the key changes every URL (an old URL works until its \
                    owner next asks for the URL). A feed carries only appointment times and statuses (no names, \
                    fee, notes, symptoms or prescription); revoking ends it at once.

                    The URL's base is the configured public base URL (PUBLIC_BASE_URL); when that is empty, the \
                    address the client used to reach the gateway (its forwarded host). Admins have no feed (403).""")
    FeedUrlResponse feedUrl(@Parameter(hidden = true) CurrentUser caller) {
        FeedAccess access = feeds.access(caller.id());
        return new FeedUrlResponse(baseUrl() + FEEDS_PATH + access.token() + ".ics", access.createdAt());
    }

    @DeleteMapping("/api/v1/calendar/feed-url")
    @PreAuthorize("hasAnyRole('PATIENT', 'DOCTOR')")
    @Operation(summary = "Revoke the caller's feed URL (PATIENT, DOCTOR)",
            description = "204, also when there was none. The old URL answers 404 from now on; the next GET of the "
                    + "feed URL creates a new, different one.")
    @ApiResponse(responseCode = "204", description = "revoked")
    ResponseEntity<Void> revoke(@Parameter(hidden = true) CurrentUser caller) {
        feeds.revoke(caller.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/calendar/feeds/{feed_token}.ics")
    @SecurityRequirements // public: the token in the path is the credential
    @Operation(summary = "An iCalendar feed (public: the token in the URL is the credential)",
            description = """
                    text/calendar (RFC 5545), METHOD:PUBLISH, X-WR-CALNAME "CareSlot appointments", refresh hint \
                    PT1H. One VEVENT per appointment of the feed's owner — as patient or as doctor — that ends at \
                    most 30 days ago or later (at most 5000, by start): UID <appointment id>@careslot (the same in \
                    the patient's and the doctor's feed), DTSTART/DTEND in UTC, SEQUENCE = the appointment's version \
                    (it grows with every change, so apps take the newest), LAST-MODIFIED, and STATUS: PENDING → \
                    TENTATIVE; CONFIRMED, COMPLETED and NO_SHOW → CONFIRMED; CANCELLED → CANCELLED (so apps remove \
                    the event; it stays in the feed for the same 30 days). SUMMARY names the other party's role \
                    only ("CareSlot appointment with your doctor" / "... with a patient"): a feed never carries \
                    names, fee, notes, symptoms or prescription.

                    An unknown, revoked or malformed token → 404 problem+json (never 401: there is nothing to log in \
                    with); so does the feed of an account deactivated since. Cache-Control: private, no-store.""")
    @ApiResponse(responseCode = "200", description = "the feed",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    ResponseEntity<String> feed(@Parameter(description = "the token of a URL from GET /api/v1/calendar/feed-url/",
                                           example = EXAMPLE_TOKEN)
                                @PathVariable("feed_token") String feedToken) {
        String calendar = feeds.feed(feedToken).orElseThrow(() -> new ResourceNotFoundException("Calendar feed"));
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(calendar);
    }

    private String baseUrl() {
        return publicBaseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().replaceQuery(null).build().toUriString()
                : publicBaseUrl;
    }
}
