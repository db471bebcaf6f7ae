package org.careslot.notification.reminder.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.careslot.notification.reminder.Reminder;

import java.time.Instant;
import java.util.UUID;

/** One message of an appointment as api.md lists it, plus what it is and to whom. */
public record ReminderResponse(
        UUID id,
        UUID appointmentId,
        @Schema(description = "REMINDER (lead time before the start) or the notice of a change: BOOKED, CONFIRMED, "
                + "RESCHEDULED, CANCELLED")
        String kind,
        @Schema(description = "PATIENT or DOCTOR")
        String recipientRole,
        @Schema(allowableValues = {"EMAIL", "SMS"}, description = "one row per channel the recipient chose")
        String channel,
        Instant dueAt,
        @Schema(allowableValues = {"SCHEDULED", "SENT", "FAILED", "CANCELLED"},
                description = "SCHEDULED also while an attempt is in flight")
        String status,
        int attempts,
        Instant sentAt,
        @Schema(description = "why the last attempt failed (no address named); null when none failed or once SENT")
        String failureReason) {

    static ReminderResponse of(Reminder r) {
        String status = Reminder.SENDING.equals(r.status()) ? Reminder.SCHEDULED : r.status();
        return new ReminderResponse(r.id(), r.appointmentId(), r.kind().name(), r.recipient().name(), r.channel(),
                r.dueAt(), status, r.attempts(), r.sentAt(), r.failureReason());
    }
}
