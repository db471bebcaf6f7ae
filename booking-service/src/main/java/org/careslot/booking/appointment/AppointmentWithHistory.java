package org.careslot.booking.appointment;

import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.booking.appointment.domain.AppointmentChange;

import java.util.List;

/** An appointment with its status history (oldest first). */
public record AppointmentWithHistory(Appointment appointment, List<AppointmentChange> history) {
}
