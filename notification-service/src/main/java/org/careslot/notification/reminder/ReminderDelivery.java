package org.careslot.notification.reminder;

import io.micrometer.core.instrument.MeterRegistry;
import org.careslot.notification.appointment.Appointment;
import org.careslot.notification.appointment.Appointments;
import org.careslot.notification.contact.Contact;
import org.careslot.notification.contact.Contacts;
import org.careslot.notification.delivery.DeliveryException;
import org.careslot.notification.delivery.NotificationChannel;
import org.careslot.notification.delivery.OutgoingMessage;
import org.careslot.notification.delivery.SmsChannel;
import org.careslot.notification.reminder.domain.MessageKind;
import org.careslot.notification.reminder.domain.MessageText;
import org.careslot.notification.reminder.domain.RetryPolicy;
import org.careslot.notification.reminder.messaging.ReminderEvents;
import org.careslot.notification.reminder.persistence.ReminderRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends due messages, cluster-safe, with the database as the only coordination: claim (one transaction: rows locked
 * FOR UPDATE SKIP LOCKED, marked SENDING with attempts + 1 and a lease), send outside any transaction, record the
 * outcome and publish reminder.sent / reminder.failed (second transaction, only if the claim is still ours).
 *
 * <p>Each row is one message on one channel (EMAIL or SMS), so the e-mail and the SMS of a message are claimed, retried
 * and recorded independently: a failing SMS gateway neither delays nor repeats the e-mail.
 *
 * <p>The window between the SMTP server (or SMS gateway) accepting a message and the outcome's commit cannot be
 * closed (neither has a transaction to join). A crash there leaves the row SENDING; when its lease runs out another instance sends it again.
 * So delivery is at-least-once in that window and exactly-once otherwise, and the repeat carries the same Message-ID (for SMS: the same {@code {id}}).
 * A missed reminder (at-most-once) costs a missed appointment; a rare duplicate costs a second e-mail.
 */
@Service
public class ReminderDelivery {

    private static final Logger log = LoggerFactory.getLogger(ReminderDelivery.class);

    private final ReminderRepository reminders;
    private final Appointments appointments;
    private final Contacts contacts;
    private final Map<String, NotificationChannel> channels;
    private final ReminderEvents events;
    private final ReminderSettings.Delivery settings;
    private final RetryPolicy retries;
    private final Clock clock;
    private final TransactionOperations transactions;
    private final MeterRegistry meters;

    public ReminderDelivery(ReminderRepository reminders, Appointments appointments, Contacts contacts,
                            List<NotificationChannel> channels, ReminderEvents events, ReminderSettings settings,
                            Clock clock, TransactionOperations transactions, MeterRegistry meters) {
        this.reminders = reminders;
        this.appointments = appointments;
        this.contacts = contacts;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.events = events;
        this.settings = settings.delivery();
        this.retries = new RetryPolicy(this.settings.maxAttempts(), this.settings.initialBackoff(),
                this.settings.backoffMultiplier(), this.settings.maxBackoff());
        this.clock = clock;
        this.transactions = transactions;
        this.meters = meters;
    }

    public int batchSize() {
        return settings.batchSize();
    }

    /**
     * One round for {@code instance}: claims up to a batch of due messages and delivers each; one failing message
     * never stops the others.
     *
     * @return how many were claimed
     */
    public int deliverDue(String instance) {
        Instant now = clock.instant();
        List<Reminder> claimed = transactions.execute(status -> reminders.claimDue(now, now.plus(settings.lease()),
                instance, settings.batchSize()));
        if (claimed == null) {
            return 0;
        }
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    private void deliver(Reminder reminder) {
        try {
            channel(reminder).send(compose(reminder));
            recordSent(reminder, clock.instant());
        } catch (DeliveryException e) {
            recordFailure(reminder, e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            // only the type: exception texts may carry addresses
            log.warn("reminder {}: unexpected {} while sending", reminder.id(), e.getClass().getName());
            recordFailure(reminder, "unexpected error while sending", false);
        }
    }

    private NotificationChannel channel(Reminder reminder) throws DeliveryException {
        NotificationChannel channel = channels.get(reminder.channel());
        if (channel == null) {
            throw DeliveryException.permanent("no channel " + reminder.channel() + " in this service");
        }
        return channel;
    }

    private OutgoingMessage compose(Reminder reminder) throws DeliveryException {
        Appointment appointment = appointments.find(reminder.appointmentId()).orElseThrow();
        if (reminder.kind() == MessageKind.REMINDER && !reminder.startsAt().isAfter(clock.instant())) {
            throw DeliveryException.permanent("the appointment had started before the reminder could be sent");
        }
        if (reminder.kind() == MessageKind.WAITLIST_SLOT_FREED && !reminder.startsAt().isAfter(clock.instant())) {
            throw DeliveryException.permanent("the freed slot had started before the notice could be sent");
        }
        Optional<Contact> found = contacts.find(reminder.recipientId());
        if (found.isEmpty()) {
            // the identity event may still be on its way: retry
            throw DeliveryException.transientFailure("the recipient's contact details are not known yet");
        }
        Contact recipient = found.get();
        if (!recipient.active()) {
            throw DeliveryException.permanent("the recipient's account is deactivated");
        }
        String doctorName = contacts.find(appointment.doctorId()).map(Contact::fullName).orElse(null);
        String patientName = contacts.find(appointment.patientId()).map(Contact::fullName).orElse(null);
        MessageText.Composed text = MessageText.compose(new MessageText.Facts(reminder.kind(), reminder.recipient(),
                recipient.fullName(), doctorName, patientName, appointment.id(), reminder.startsAt(),
                appointment.timeZone()));
        String address = SmsChannel.NAME.equals(reminder.channel()) ? recipient.phone() : recipient.email();
        return new OutgoingMessage(reminder.id() + "@careslot", address, recipient.fullName(), text.subject(),
                text.text(), text.html(), text.shortText());
    }

    private void recordSent(Reminder reminder, Instant sentAt) {
        boolean recorded = Boolean.TRUE.equals(transactions.execute(status -> {
            long sequence = appointments.nextEventSequence(reminder.appointmentId()); // lock order: appointment first
            if (!reminders.recordSent(reminder.id(), reminder.attempts(), sentAt)) {
                status.setRollbackOnly();
                return false;
            }
            events.sent(reminder, sentAt, sequence);
            return true;
        }));
        if (!recorded) {
            log.warn("reminder {}: sent, but its claim had expired and was taken over", reminder.id());
            return;
        }
        meters.counter("careslot.reminders.sent", "kind", reminder.kind().name(),
                "channel", reminder.channel()).increment();
        meters.timer("careslot.reminders.delivery.delay", "kind", reminder.kind().name(), "channel", reminder.channel())
                .record(Duration.between(reminder.dueAt(), sentAt).abs());
        log.info("reminder {} ({} of appointment {}, {}) sent, attempt {}", reminder.id(), reminder.kind(),
                reminder.appointmentId(), reminder.channel(), reminder.attempts());
    }

    private void recordFailure(Reminder reminder, String reason, boolean permanent) {
        Instant now = clock.instant();
        Instant next = permanent ? null : retries.nextAttempt(reminder.attempts(), now).orElse(null);
        boolean recorded = Boolean.TRUE.equals(transactions.execute(status -> {
            long sequence = appointments.nextEventSequence(reminder.appointmentId());
            boolean mine = next == null ? reminders.recordFailed(reminder.id(), reminder.attempts(), reason, now)
                    : reminders.recordRetry(reminder.id(), reminder.attempts(), next, reason, now);
            if (!mine) {
                status.setRollbackOnly();
                return false;
            }
            events.failed(reminder, reason, next, sequence);
            return true;
        }));
        if (!recorded) {
            log.warn("reminder {}: attempt failed, but its claim had expired and was taken over", reminder.id());
            return;
        }
        meters.counter("careslot.reminders.attempts.failed", "kind", reminder.kind().name(),
                "channel", reminder.channel()).increment();
        if (next == null) {
            meters.counter("careslot.reminders.failed", "kind", reminder.kind().name(),
                    "channel", reminder.channel()).increment();
            log.warn("reminder {} ({} of appointment {}, {}) FAILED after attempt {}: {}", reminder.id(),
                    reminder.kind(), reminder.appointmentId(), reminder.channel(), reminder.attempts(), reason);
        } else {
            log.info("reminder {}: attempt {} failed ({}), next at {}", reminder.id(), reminder.attempts(), reason,
                    next);
        }
    }

    /** For tests and operators: the stored state of one message. */
    public Optional<Reminder> find(UUID id) {
        return reminders.find(id);
    }
}
