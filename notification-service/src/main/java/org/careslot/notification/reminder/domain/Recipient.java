package org.careslot.notification.reminder.domain;

/** Who of the appointment's two parties a message goes to. */
public enum Recipient {
    PATIENT, DOCTOR
}
