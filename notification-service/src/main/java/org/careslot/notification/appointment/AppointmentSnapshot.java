package org.careslot.notification.appointment;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The part of booking.appointment.v1 data (docs/schemas/booking.appointment.v1/appointment.json) this service keeps:
 * no notes, no fee.
 */
public record AppointmentSnapshot(UUID id, UUID doctorId, UUID patientId, OffsetDateTime startsAt,
                                  OffsetDateTime endsAt, String timeZone, String status) {
}
