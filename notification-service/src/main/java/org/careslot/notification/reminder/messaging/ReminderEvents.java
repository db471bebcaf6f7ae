package org.careslot.notification.reminder.messaging;

import org.careslot.notification.reminder.Reminder;
import org.careslot.platform.messaging.outbox.OutboxPublisher;
import org.careslot.platform.messaging.outbox.OutgoingEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * The published contract {@code notification.reminder.v1} (docs/asyncapi.yaml,
 * docs/schemas/notification.reminder.v1/reminder.json): one event per delivery attempt, written to the outbox in the
 * transaction that records the attempt's outcome, keyed by appointment id. Carries no address and no medical data.
 */
@Component
public class ReminderEvents {

    public static final String TOPIC = "notification.reminder.v1";
    public static final String SCHEMA = "urn:careslot:schema:notification.reminder.v1:reminder";
    public static final String SENT = "reminder.sent";
    public static final String FAILED = "reminder.failed";

    /**
     * {@code data} of reminder.sent and reminder.failed.
     *
     * @param status        SENT; FAILED when no attempt is left; SCHEDULED when the failed attempt will be retried
     *                      at {@code nextAttemptAt}
     * @param failureReason why the attempt failed, in words that name no address
     */
    public record ReminderData(UUID id, UUID appointmentId, String kind, UUID recipientId, String recipientRole,
                               String channel, Instant startsAt, Instant dueAt, String status, int attempts,
                               @Nullable Instant sentAt, @Nullable String failureReason,
                               @Nullable Instant nextAttemptAt) {
    }

    private final OutboxPublisher outbox;

    public ReminderEvents(OutboxPublisher outbox) {
        this.outbox = outbox;
    }

    /** reminder.sent of attempt {@code reminder.attempts()}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sent(Reminder reminder, Instant sentAt, long sequence) {
        publish(SENT, data(reminder, Reminder.SENT, sentAt, null, null), reminder, sequence);
    }

    /** reminder.failed of attempt {@code reminder.attempts()}; {@code nextAttemptAt} null when it was the last. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void failed(Reminder reminder, String reason, @Nullable Instant nextAttemptAt, long sequence) {
        String status = nextAttemptAt == null ? Reminder.FAILED : Reminder.SCHEDULED;
        publish(FAILED, data(reminder, status, null, reason, nextAttemptAt), reminder, sequence);
    }

    private void publish(String type, ReminderData data, Reminder reminder, long sequence) {
        outbox.publish(new OutgoingEvent(TOPIC, reminder.appointmentId().toString(), type, sequence, SCHEMA, data));
    }

    private static ReminderData data(Reminder r, String status, @Nullable Instant sentAt, @Nullable String reason,
                                     @Nullable Instant nextAttemptAt) {
        return new ReminderData(r.id(), r.appointmentId(), r.kind().name(), r.recipientId(), r.recipient().name(),
                r.channel(), r.startsAt(), r.dueAt(), status, r.attempts(), sentAt, reason, nextAttemptAt);
    }
}
