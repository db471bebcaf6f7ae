package org.careslot.reporting.appointment.domain;

/** The statuses of booking.appointment.v1; a report counts every appointment under its current one. */
public enum AppointmentStatus {
    PENDING, CONFIRMED, COMPLETED, NO_SHOW, CANCELLED
}
