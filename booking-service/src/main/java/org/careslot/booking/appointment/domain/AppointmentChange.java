package org.careslot.booking.appointment.domain;

import java.time.Instant;
import java.util.UUID;

/** One change of an appointment: who (user id, and as which party), when, from → to, and the reason given. */
public record AppointmentChange(UUID appointmentId, long version, AppointmentAction action,
                                AppointmentStatus fromStatus, AppointmentStatus toStatus, Instant startsAt,
                                UUID changedBy, Party changedByRole, String reason, Instant changedAt) {

    @Override
    public String toString() { // the reason is the patient's or doctor's free text: keep it out of logs
        return "AppointmentChange[appointmentId=" + appointmentId + ", version=" + version + ", action=" + action + "]";
    }
}
