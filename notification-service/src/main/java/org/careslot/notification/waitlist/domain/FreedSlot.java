package org.careslot.notification.waitlist.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * A slot an appointment gave up: its doctor, the doctor's local date and the start it had.
 *
 * @param appointmentId the appointment that freed it
 * @param sequence      the appointment version whose event freed it (one freed slot per version)
 * @param freedBy       the appointment's patient: never told about the slot they freed
 */
public record FreedSlot(UUID appointmentId, long sequence, UUID doctorId, LocalDate date, Instant startsAt,
                        ZoneId timeZone, UUID freedBy) {

    public FreedSlot {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(freedBy, "freedBy");
    }
}
