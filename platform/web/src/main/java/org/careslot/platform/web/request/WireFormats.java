package org.careslot.platform.web.request;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one reading of the text forms api.md fixes for request values: UUIDs (canonical only, see {@link PathIds}),
 * dates {@code YYYY-MM-DD}, times {@code HH:MM}. The constraints {@link CanonicalUuid}, {@link IsoDate} and
 * {@link ClockTime} accept exactly what these methods read, so code behind {@code @Valid} converts without a second
 * check. Surrounding blanks are ignored; anything else is empty.
 */
public final class WireFormats {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    private WireFormats() {
    }

    public static Optional<UUID> uuid(String value) {
        return PathIds.canonical(value);
    }

    /** A real calendar date: 2030-02-30 is none. */
    public static Optional<LocalDate> date(String value) {
        if (value == null || !DATE.matcher(value.strip()).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** 00:00 to 23:59, two digits each. */
    public static Optional<LocalTime> time(String value) {
        if (value == null || !TIME.matcher(value.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.parse(value.strip()));
    }

    /** Optional free text: null when absent or blank, else without surrounding blanks. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static boolean absent(CharSequence value) {
        return value == null || value.toString().isBlank();
    }
}
