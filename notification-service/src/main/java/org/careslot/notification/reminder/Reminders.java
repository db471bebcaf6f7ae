package org.careslot.notification.reminder;

import io.micrometer.core.instrument.MeterRegistry;
import org.careslot.notification.appointment.Appointment;
import org.careslot.notification.appointment.AppointmentSnapshot;
import org.careslot.notification.appointment.Appointments;
import org.careslot.notification.contact.Contact;
import org.careslot.notification.contact.Contacts;
import org.careslot.notification.delivery.NotificationChannel;
import org.careslot.notification.reminder.domain.ChannelChoice;
import org.careslot.notification.reminder.domain.AppointmentChange;
import org.careslot.notification.reminder.domain.MessageKind;
import org.careslot.notification.reminder.domain.PlannedMessage;
import org.careslot.notification.reminder.domain.Recipient;
import org.careslot.notification.reminder.domain.ReminderPlan;
import org.careslot.notification.reminder.domain.ReminderRules;
import org.careslot.notification.reminder.persistence.ReminderRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps each appointment's messages in step with the appointment: schedules reminders and notices, cancels and moves
 * reminders. Runs in the transaction of the consumed event, so the appointment copy, the messages and the consumer's
 * bookkeeping commit together.
 */
@Service
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final Appointments appointments;
    private final ReminderRepository reminders;
    private final Contacts contacts;
    private final List<String> availableChannels;
    private final ReminderRules rules;
    private final Clock clock;
    private final MeterRegistry meters;

    public Reminders(Appointments appointments, ReminderRepository reminders, Contacts contacts,
                     List<NotificationChannel> channels, ReminderSettings settings, Clock clock, MeterRegistry meters) {
        this.appointments = appointments;
        this.reminders = reminders;
        this.contacts = contacts;
        this.availableChannels = channels.stream().filter(NotificationChannel::available)
                .map(NotificationChannel::name).toList();
        this.rules = new ReminderRules(settings.leadTimes());
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Applies version {@code sequence} of an appointment, announced by {@code change}. Only newer versions arrive
     * here (the platform's event template drops redelivered and older events), and a message is unique per
     * appointment version and channel, so nothing is scheduled twice. The channels are the recipient's choice as
     * known now (e-mail while the recipient's identity event has not arrived yet): one row per channel.
     */
    @Transactional
    public void appointmentChanged(AppointmentChange change, AppointmentSnapshot snapshot, long sequence) {
        Appointment appointment = appointments.store(snapshot, sequence);
        Instant now = clock.instant();
        Instant plannedAt = reminders.remindersPlannedAt(appointment.id()).orElse(null);
        ReminderPlan plan = rules.plan(change, appointment.startsAt(), appointment.active(), plannedAt, now);
        if (plan.cancelScheduledReminders()) {
            int cancelled = reminders.cancelScheduledReminders(appointment.id(), now);
            log.debug("appointment {} {}: {} reminder(s) cancelled", appointment.id(), change, cancelled);
        }
        Map<UUID, List<String>> channelsOf = new HashMap<>(); // one look-up per recipient, not per message
        for (PlannedMessage message : plan.messages()) {
            UUID recipient = message.recipient() == Recipient.PATIENT ? appointment.patientId()
                    : appointment.doctorId();
            List<String> channels = channelsOf.computeIfAbsent(recipient, user -> ChannelChoice.channels(
                    contacts.find(user).map(Contact::channels).orElse(List.of()), availableChannels));
            for (String channel : channels) {
                if (reminders.insert(UUID.randomUUID(), appointment.id(), message, recipient, channel,
                        appointment.startsAt(), sequence, now)) {
                    meters.counter("careslot.reminders.scheduled", "kind", message.kind().name(),
                            "channel", channel).increment();
                }
            }
        }
    }

    /**
     * Schedules the notice that a slot is free (kind WAITLIST_SLOT_FREED) to a waiting patient, due now, on the
     * channels they chose. The row points at the appointment that freed the slot and its version, so it is unique per
     * freed slot and channel; {@code slotStart} is the freed slot's start (for a reschedule: the old start).
     * Runs in the transaction of the consumed event.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void scheduleWaitlistNotice(UUID appointmentId, long sequence, UUID patientId, Instant slotStart) {
        Instant now = clock.instant();
        PlannedMessage notice = new PlannedMessage(MessageKind.WAITLIST_SLOT_FREED, Recipient.PATIENT, null, now);
        List<String> channels = ChannelChoice.channels(
                contacts.find(patientId).map(Contact::channels).orElse(List.of()), availableChannels);
        for (String channel : channels) {
            if (reminders.insert(UUID.randomUUID(), appointmentId, notice, patientId, channel, slotStart, sequence,
                    now)) {
                meters.counter("careslot.reminders.scheduled", "kind", notice.kind().name(),
                        "channel", channel).increment();
            }
        }
    }
}
