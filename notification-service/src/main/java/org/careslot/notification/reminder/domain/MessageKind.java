package org.careslot.notification.reminder.domain;

/**
 * What a message tells its recipient: a reminder before the appointment, a notice of a change, or (to a patient on
 * the doctor's waitlist, not a party of the appointment) that the appointment's slot is free.
 */
public enum MessageKind {
    REMINDER, BOOKED, CONFIRMED, RESCHEDULED, CANCELLED, WAITLIST_SLOT_FREED
}
