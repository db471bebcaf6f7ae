package org.careslot.notification.reminder.domain;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which messages an appointment change calls for (design: reminders lead_time before the start for each configured
 * lead time; notices to the patient on booked, confirmed, rescheduled and cancelled, to the doctor on booked and
 * cancelled).
 */
public final class ReminderRules {

    private final List<Duration> leadTimes;

    /** @param leadTimes positive, e.g. PT24H and PT2H; duplicates are ignored */
    public ReminderRules(List<Duration> leadTimes) {
        if (leadTimes.isEmpty()) {
            throw new IllegalArgumentException("at least one reminder lead time is needed");
        }
        leadTimes.forEach(lead -> {
            if (lead.isNegative() || lead.isZero()) {
                throw new IllegalArgumentException("a reminder lead time must be positive: " + lead);
            }
        });
        this.leadTimes = leadTimes.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }

    public List<Duration> leadTimes() {
        return leadTimes;
    }

    /**
     * @param change             what happened
     * @param startsAt           the appointment's start after the change
     * @param active             PENDING or CONFIRMED after the change
     * @param remindersPlannedAt the start the appointment's existing (not cancelled) reminders were planned for, or
     *                           null when it has none
     * @param now                when the change is applied
     */
    public ReminderPlan plan(AppointmentChange change, Instant startsAt, boolean active,
                             @Nullable Instant remindersPlannedAt, Instant now) {
        List<PlannedMessage> messages = new ArrayList<>(notices(change, now));
        boolean cancel = false;
        if (!active) {
            cancel = remindersPlannedAt != null;
        } else if (!startsAt.equals(remindersPlannedAt)) {
            cancel = remindersPlannedAt != null;
            messages.addAll(reminders(startsAt, now));
        }
        return new ReminderPlan(cancel, messages);
    }

    /**
     * One reminder per lead time before {@code startsAt}. Those whose time has passed collapse into one sent at once,
     * unless the appointment has started already (then none: a reminder after the start helps nobody).
     */
    public List<PlannedMessage> reminders(Instant startsAt, Instant now) {
        if (!startsAt.isAfter(now)) {
            return List.of();
        }
        List<PlannedMessage> reminders = new ArrayList<>();
        boolean immediate = false;
        for (Duration lead : leadTimes) { // longest first: the immediate one stands for the longest lead passed
            Instant due = startsAt.minus(lead);
            if (due.isAfter(now)) {
                reminders.add(new PlannedMessage(MessageKind.REMINDER, Recipient.PATIENT, lead, due));
            } else if (!immediate) {
                reminders.add(new PlannedMessage(MessageKind.REMINDER, Recipient.PATIENT, lead, now));
                immediate = true;
            }
        }
        return reminders;
    }

    private static List<PlannedMessage> notices(AppointmentChange change, Instant now) {
        return switch (change) {
            case BOOKED -> List.of(notice(MessageKind.BOOKED, Recipient.PATIENT, now),
                    notice(MessageKind.BOOKED, Recipient.DOCTOR, now));
            case CONFIRMED -> List.of(notice(MessageKind.CONFIRMED, Recipient.PATIENT, now));
            case RESCHEDULED -> List.of(notice(MessageKind.RESCHEDULED, Recipient.PATIENT, now));
            case CANCELLED -> List.of(notice(MessageKind.CANCELLED, Recipient.PATIENT, now),
                    notice(MessageKind.CANCELLED, Recipient.DOCTOR, now));
            case COMPLETED, NO_SHOW -> List.of();
        };
    }

    private static PlannedMessage notice(MessageKind kind, Recipient recipient, Instant now) {
        return new PlannedMessage(kind, recipient, null, now);
    }
}
