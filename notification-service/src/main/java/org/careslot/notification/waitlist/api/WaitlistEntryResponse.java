package org.careslot.notification.waitlist.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.careslot.notification.waitlist.domain.WaitlistEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One waitlist entry of the caller. */
record WaitlistEntryResponse(
        UUID id,
        @Schema(description = "the doctor's user id (as in /api/v1/doctors/{id}/)")
        UUID doctorId,
        @Schema(description = "the doctor's local date waited for")
        LocalDate date,
        @Schema(allowableValues = {"WAITING", "NOTIFIED", "FULFILLED", "EXPIRED"}, description = """
                WAITING: in the queue; NOTIFIED: told about a freed slot (out of the queue: join again to wait for \
                another); FULFILLED: you booked with this doctor on this date; EXPIRED: the date passed while waiting""")
        String status,
        Instant createdAt,
        @Schema(description = "when the notice about a freed slot was queued for sending; null unless NOTIFIED")
        Instant notifiedAt) {

    static WaitlistEntryResponse of(WaitlistEntry entry, LocalDate today) {
        return new WaitlistEntryResponse(entry.id(), entry.doctorId(), entry.date(), entry.statusOn(today),
                entry.createdAt(), entry.notifiedAt());
    }
}
