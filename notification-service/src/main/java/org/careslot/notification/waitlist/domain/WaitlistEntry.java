package org.careslot.notification.waitlist.domain;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient's place on a doctor's waitlist for a date.
 *
 * @param status     WAITING, NOTIFIED (told about a freed slot; out of the queue) or FULFILLED (booked with the
 *                   doctor on that date)
 * @param notifiedAt when the notice about a freed slot was queued for sending
 */
public record WaitlistEntry(UUID id, UUID patientId, UUID doctorId, LocalDate date, String status, Instant createdAt,
                            @Nullable Instant notifiedAt) {

    public static final String WAITING = "WAITING";
    public static final String NOTIFIED = "NOTIFIED";
    public static final String FULFILLED = "FULFILLED";
    public static final String EXPIRED = "EXPIRED";

    /** The status a client sees: a WAITING entry whose date has passed is EXPIRED (it can no longer be served). */
    public String statusOn(LocalDate today) {
        return WAITING.equals(status) && date.isBefore(today) ? EXPIRED : status;
    }
}
