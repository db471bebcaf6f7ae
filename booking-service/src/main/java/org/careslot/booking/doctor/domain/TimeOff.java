package org.careslot.booking.doctor.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** Whole days without availability, both dates inclusive, in the doctor's time zone. */
public record TimeOff(UUID id, LocalDate dateFrom, LocalDate dateTo) {

    public TimeOff {
        Objects.requireNonNull(dateFrom, "dateFrom");
        Objects.requireNonNull(dateTo, "dateTo");
        if (dateTo.isBefore(dateFrom)) {
            throw new IllegalArgumentException("dateTo before dateFrom: " + dateFrom + " - " + dateTo);
        }
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(dateFrom) && !date.isAfter(dateTo);
    }
}
