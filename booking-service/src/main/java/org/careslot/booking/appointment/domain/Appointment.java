package org.careslot.booking.appointment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/**
 * One appointment as stored. {@code notes}, {@code symptoms} and {@code prescription} are medical data: they are
 * left out of {@link #toString()} so that no log line can ever carry them.
 *
 * @param date      local date in {@code timeZone}
 * @param startTime local start in {@code timeZone}
 * @param endTime   local time of {@code endsAt} in {@code timeZone}
 * @param timeZone  the doctor's zone at booking time
 * @param version   optimistic lock, starting at 1; the {@code sequence} of the appointment's events
 * @param bookedBy  the patient, or the admin who booked for the patient
 */
public record Appointment(UUID id, UUID doctorId, UUID patientId, LocalDate date, LocalTime startTime,
                          LocalTime endTime, String timeZone, Instant startsAt, Instant endsAt,
                          AppointmentStatus status, BigDecimal consultationFee, String notes, String symptoms,
                          String prescription, String cancelReason, Instant previousStartsAt, long version,
                          UUID bookedBy, Instant createdAt, Instant updatedAt) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** How {@code caller} relates to this appointment; empty: not theirs to see. */
    public Set<Party> relationsOf(UUID caller, boolean callerIsAdmin) {
        return Party.of(caller, callerIsAdmin, patientId, doctorId);
    }

    /** The appointment after {@code action} moved it to the action's status (version + 1). */
    public Appointment moved(AppointmentAction action, Instant now) {
        return new Appointment(id, doctorId, patientId, date, startTime, endTime, timeZone, startsAt, endsAt,
                action.to(), consultationFee, notes, symptoms, prescription, cancelReason, previousStartsAt,
                version + 1, bookedBy, createdAt, now);
    }

    /** COMPLETED, with the doctor's prescription if one was given (an earlier one is kept otherwise). */
    public Appointment completed(String newPrescription, Instant now) {
        return new Appointment(id, doctorId, patientId, date, startTime, endTime, timeZone, startsAt, endsAt,
                AppointmentAction.COMPLETE.to(), consultationFee, notes, symptoms,
                newPrescription != null ? newPrescription : prescription, cancelReason, previousStartsAt,
                version + 1, bookedBy, createdAt, now);
    }

    /** CANCELLED, with the reason given (may be null). */
    public Appointment cancelled(String reason, Instant now) {
        return new Appointment(id, doctorId, patientId, date, startTime, endTime, timeZone, startsAt, endsAt,
                AppointmentAction.CANCEL.to(), consultationFee, notes, symptoms, prescription, reason,
                previousStartsAt, version + 1, bookedBy, createdAt, now);
    }

    /**
     * At a new time (in the doctor's current zone), PENDING again, remembering where it was; the fee booked stays.
     */
    public Appointment rescheduled(LocalDate newDate, LocalTime newStart, LocalTime newEnd, String newTimeZone,
                                   Instant newStartsAt, Instant newEndsAt, Instant now) {
        return new Appointment(id, doctorId, patientId, newDate, newStart, newEnd, newTimeZone, newStartsAt,
                newEndsAt, AppointmentAction.RESCHEDULE.to(), consultationFee, notes, symptoms, prescription,
                cancelReason, startsAt, version + 1, bookedBy, createdAt, now);
    }

    @Override
    public String toString() { // no medical data, ever
        return "Appointment[id=" + id + ", doctorId=" + doctorId + ", patientId=" + patientId + ", startsAt="
                + startsAt + ", status=" + status + ", version=" + version + "]";
    }
}
