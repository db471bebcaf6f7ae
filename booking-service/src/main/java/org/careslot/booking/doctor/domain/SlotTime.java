package org.careslot.booking.doctor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * A bookable time of a doctor: a local start on a weekly slot's grid, resolved to instants in the doctor's zone.
 * {@code endsAt} is {@code startsAt} plus the slot's length in real time, so an appointment always lasts
 * {@code slotMinutes}, also across a daylight-saving change; {@code endTime} is the local time of {@code endsAt}.
 */
public record SlotTime(LocalDate date, LocalTime startTime, LocalTime endTime, ZonedDateTime startsAt,
                       ZonedDateTime endsAt, int slotMinutes) {

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return startsAt.toInstant().isBefore(otherEnd) && otherStart.isBefore(endsAt.toInstant());
    }
}
