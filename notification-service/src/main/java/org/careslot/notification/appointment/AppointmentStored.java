package org.careslot.notification.appointment;

import org.jspecify.annotations.Nullable;

/**
 * Published (in-process, in the consuming transaction) each time a version of an appointment is stored, with the
 * version it replaced: features that care about what changed (the waitlist: was a slot freed?) read it here instead of
 * keeping a second copy of appointments.
 *
 * @param previous the version stored before, or null when this service had not seen the appointment
 * @param sequence the stored version's sequence (booking.appointment.v1)
 */
public record AppointmentStored(@Nullable Appointment previous, Appointment current, long sequence) {
}
