package org.careslot.reporting.appointment;

import org.careslot.reporting.appointment.domain.AppointmentState;
import org.careslot.reporting.appointment.domain.AppointmentStatus;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What reports need of {@code appointment.*} data (docs/schemas/booking.appointment.v1/appointment.json); notes,
 * cancel reason and the rest are not kept.
 */
public record AppointmentSnapshot(UUID id, UUID doctorId, UUID patientId, OffsetDateTime startsAt, String timeZone,
                                  AppointmentStatus status, BigDecimal consultationFee) {

    /** @throws IllegalArgumentException when a member is missing or the time zone is not one */
    public AppointmentState toState() {
        if (startsAt == null) {
            throw new IllegalArgumentException("starts_at is missing");
        }
        return new AppointmentState(id, doctorId, patientId, startsAt.toInstant(), AppointmentState.zoneOf(timeZone),
                status, consultationFee);
    }
}
