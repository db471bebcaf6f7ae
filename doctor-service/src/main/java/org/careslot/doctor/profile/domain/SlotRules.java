package org.careslot.doctor.profile.domain;

import org.careslot.platform.web.request.WireFormats;
import org.careslot.platform.web.problem.FieldErrors;
import org.careslot.platform.web.problem.FieldMessages;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of a weekly time slot. A slot is a window on one weekday, in the doctor's time zone, cut into bookable
 * appointments of {@code slot_minutes}: 09:00–12:00 with 30 minutes offers 09:00, 09:30, ... 11:30. The window must be
 * a whole number of appointments long, so every start on the grid has a full appointment (booking-service relies on
 * it). Times are {@code HH:MM} within one day (00:00–23:59); a slot cannot cross midnight. Whether slots overlap is
 * checked by the database (exclusion constraint), not here. Plain Java: the request's Bean Validation constraints use
 * {@link #minutes} and {@link #weekday(String)} for the single fields; the rules across fields are checked here.
 */
public final class SlotRules {

    public record SlotInput(String weekday, String startTime, String endTime, Integer slotMinutes) {
    }

    /** Minutes from midnight; {@code end} exclusive. */
    public record ValidSlot(DayOfWeek weekday, int startMinute, int endMinute, int slotMinutes) {
    }

    public static final int DEFAULT_SLOT_MINUTES = 30;
    public static final int MIN_SLOT_MINUTES = 5;
    public static final int MAX_SLOT_MINUTES = 240;
    public static final String WEEKDAY_MESSAGE =
            "Must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY.";

    private SlotRules() {
    }

    /** @return the valid slot, or null when {@code errors} holds at least one problem afterwards */
    public static ValidSlot validate(SlotInput input, FieldErrors errors) {
        DayOfWeek weekday = weekday(input.weekday(), errors);
        Integer start = time("start_time", input.startTime(), errors);
        Integer end = time("end_time", input.endTime(), errors);
        int slotMinutes = input.slotMinutes() == null ? DEFAULT_SLOT_MINUTES : input.slotMinutes();
        if (!errors.has("slot_minutes") && (slotMinutes < MIN_SLOT_MINUTES || slotMinutes > MAX_SLOT_MINUTES)) {
            errors.reject("slot_minutes", "Must be between " + MIN_SLOT_MINUTES + " and " + MAX_SLOT_MINUTES + ".");
        }
        if (start != null && end != null) {
            if (start >= end) {
                errors.reject("end_time", "Must be after start_time.");
            } else if (!errors.has("slot_minutes")) {
                int length = end - start;
                if (slotMinutes > length) {
                    errors.reject("slot_minutes", "Must not be longer than the slot (" + length + " minutes).");
                } else if (length % slotMinutes != 0) {
                    errors.reject("slot_minutes", "The slot (" + length + " minutes) must be a whole number of "
                            + slotMinutes + "-minute appointments.");
                }
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new ValidSlot(weekday, start, end, slotMinutes);
    }

    static DayOfWeek weekday(String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            ProfileRules.required("weekday", errors);
            return null;
        }
        Optional<DayOfWeek> weekday = weekday(value);
        if (weekday.isEmpty()) {
            errors.reject("weekday", WEEKDAY_MESSAGE);
        }
        return weekday.orElse(null);
    }

    /** A weekday's name in any letter case, surrounding blanks ignored. */
    public static Optional<DayOfWeek> weekday(String value) {
        try {
            return Optional.of(DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Integer time(String field, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            ProfileRules.required(field, errors);
            return null;
        }
        Optional<Integer> minutes = minutes(value);
        if (minutes.isEmpty()) {
            errors.reject(field, FieldMessages.TIME);
        }
        return minutes.orElse(null);
    }

    /** A time {@code HH:MM} (00:00 to 23:59, surrounding blanks ignored) as minutes from midnight. */
    public static Optional<Integer> minutes(String value) {
        return WireFormats.time(value).map(time -> time.getHour() * 60 + time.getMinute());
    }

    /** Minutes from midnight as {@code HH:MM}. */
    public static String format(int minutes) {
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }
}
