package org.careslot.notification.reminder.domain;

import java.util.List;

/**
 * What one appointment change means for its messages.
 *
 * @param cancelScheduledReminders the appointment's reminders not sent yet are CANCELLED (cancelled, completed, no
 *                                 show, or moved to another time)
 * @param messages                 new messages to schedule: notices of the change and reminders for the new start
 */
public record ReminderPlan(boolean cancelScheduledReminders, List<PlannedMessage> messages) {

    public ReminderPlan {
        messages = List.copyOf(messages);
    }
}
