package org.careslot.notification.reminder;

import org.careslot.notification.reminder.domain.MessageKind;
import org.careslot.notification.reminder.domain.Recipient;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One message row (a reminder or a notice).
 *
 * @param status   SCHEDULED, SENDING (claimed by an instance, attempt in flight), SENT, FAILED or CANCELLED
 * @param attempts delivery attempts started so far
 */
public record Reminder(UUID id, UUID appointmentId, MessageKind kind, UUID recipientId, Recipient recipient,
                       String channel, Instant startsAt, Instant dueAt, String status, int attempts,
                       @Nullable Instant sentAt, @Nullable String failureReason) {

    public static final String SCHEDULED = "SCHEDULED";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String CANCELLED = "CANCELLED";
}
