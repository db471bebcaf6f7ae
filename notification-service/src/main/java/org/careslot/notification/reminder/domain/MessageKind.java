package org.careslot.notification.reminder.domain;

/** What a message tells its recipient: a reminder before the appointment, or a notice of a change. */
public enum MessageKind {
    REMINDER, BOOKED, CONFIRMED, RESCHEDULED, CANCELLED
}
