package org.careslot.booking.support;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The wire formats of api.md: times {@code HH:MM}, instants ISO-8601 with the doctor's offset. */
public final class Times {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private Times() {
    }

    public static String hhmm(LocalTime time) {
        return time == null ? null : time.format(HH_MM);
    }

    /** e.g. {@code 2026-12-01T09:00:00+06:00}: the instant at the zone's offset of that moment. */
    public static String withOffset(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
