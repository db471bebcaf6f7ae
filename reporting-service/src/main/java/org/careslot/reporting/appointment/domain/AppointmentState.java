package org.careslot.reporting.appointment.domain;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * What reports need of one appointment as its latest event told it. The month an appointment counts in is the month
 * of its start in its own {@code time_zone} (the doctor's zone it was booked in), so the event alone decides it:
 * no doctor event has to arrive first, and replaying the topic in any order places it the same way.
 */
public record AppointmentState(UUID id, UUID doctorId, UUID patientId, Instant startsAt, ZoneId zone,
                               AppointmentStatus status, BigDecimal fee) {

    public AppointmentState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(doctorId, "doctor_id");
        Objects.requireNonNull(patientId, "patient_id");
        Objects.requireNonNull(startsAt, "starts_at");
        Objects.requireNonNull(zone, "time_zone");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fee, "consultation_fee");
        if (fee.signum() < 0) {
            throw new IllegalArgumentException("consultation_fee must not be negative: " + fee);
        }
    }

    /** @throws IllegalArgumentException when {@code timeZone} is not an IANA zone id */
    public static ZoneId zoneOf(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            throw new IllegalArgumentException("time_zone is missing");
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time_zone is not a time zone: " + timeZone, e);
        }
    }

    /** The month this appointment counts in. */
    public YearMonth month() {
        return YearMonth.from(startsAt.atZone(zone));
    }
}
