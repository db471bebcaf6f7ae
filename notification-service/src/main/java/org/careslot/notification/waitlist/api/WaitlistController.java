package org.careslot.notification.waitlist.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.careslot.notification.waitlist.Waitlist;
import org.careslot.notification.waitlist.domain.WaitlistEntry;
import org.careslot.platform.web.paging.PageQuery;
import org.careslot.platform.web.paging.PageResponse;
import org.careslot.platform.web.request.PathIds;
import org.careslot.platform.web.request.WireFormats;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;

@RestController
@Tag(name = "Waitlist")
@PreAuthorize("hasRole('PATIENT')")
class WaitlistController {

    static final String RULES = """
            A freed slot is a booking.appointment.v1 event that cancels an appointment of the doctor on that local \
            date, or reschedules one to another date (a move within the same date frees nothing). For each freed \
            slot the earliest-joined WAITING entry of that doctor and date is told, first come, first served, one \
            entry per freed slot: it becomes NOTIFIED and leaves the queue (join again to wait for another); the \
            next freed slot goes to the next entry. The patient who freed the slot is never told about it, nor is \
            anyone about a slot that has already started; entries of deactivated accounts are passed over (they \
            keep their place). The notice (e-mail and/or SMS, the patient's \
            notification_channels) names the doctor and the slot's date and time and says it can be booked now; \
            whoever books first gets it. This service learns of appointments and accounts from events, so a \
            change elsewhere may take a moment to count here.""";

    private final Waitlist waitlist;

    WaitlistController(Waitlist waitlist) {
        this.waitlist = waitlist;
    }

    @PostMapping("/api/v1/doctors/{id}/waitlist")
    @Operation(summary = "Join a doctor's waitlist for a date (PATIENT)",
            description = """
                    Body {date}: the doctor's local date, from today up to 90 days ahead; "today" is taken in \
                    Asia/Dhaka, the platform's default zone (400 naming date when missing, malformed, past or too far \
                    ahead). {id} is the doctor's user id; no active account with role DOCTOR under it → 404. Already \
                    WAITING for this doctor and date → 409 (a unique index decides, also between concurrent joins). \
                    201 with the entry and its Location. """ + RULES)
    @ApiResponse(responseCode = "201", description = "on the waitlist",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WaitlistEntryResponse.class)))
    @ApiResponse(responseCode = "409", description = "already waiting for this doctor and date",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<WaitlistEntryResponse> join(@PathVariable String id, @Valid @RequestBody JoinWaitlistRequest body,
                                               @Parameter(hidden = true) CurrentUser caller) {
        WaitlistEntry entry = waitlist.join(caller.id(), PathIds.parse(id, "Doctor"),
                WireFormats.date(body.date()).orElseThrow());
        return ResponseEntity.created(URI.create("/api/v1/waitlist/" + entry.id() + "/"))
                .body(WaitlistEntryResponse.of(entry, waitlist.today()));
    }

    @GetMapping("/api/v1/waitlist")
    @Operation(summary = "Your waitlist entries (PATIENT)",
            description = """
                    Your own entries, newest first, paginated with page and page_size: status WAITING, NOTIFIED, \
                    FULFILLED (you booked with the doctor on that date), or EXPIRED (a WAITING entry whose date has \
                    passed in Asia/Dhaka). """ + RULES)
    PageResponse<WaitlistEntryResponse> list(@RequestParam(required = false) String page,
                                             @RequestParam(name = "page_size", required = false) String pageSize,
                                             @Parameter(hidden = true) CurrentUser caller) {
        PageQuery query = PageQuery.of(page, pageSize);
        Waitlist.Page found = waitlist.list(caller.id(), query);
        LocalDate today = found.today();
        return PageResponse.of(found.entries().stream().map(e -> WaitlistEntryResponse.of(e, today)).toList(),
                found.count(), query);
    }

    @DeleteMapping("/api/v1/waitlist/{id}")
    @Operation(summary = "Leave: delete one of your waitlist entries (PATIENT)",
            description = "204 for an entry of yours in any status; another patient's entry or an unknown id → 404.")
    @ApiResponse(responseCode = "204", description = "left")
    ResponseEntity<Void> leave(@PathVariable String id, @Parameter(hidden = true) CurrentUser caller) {
        waitlist.leave(caller.id(), PathIds.parse(id, "Waitlist entry"));
        return ResponseEntity.noContent().build();
    }
}
