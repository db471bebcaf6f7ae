package org.careslot.booking.support;

import org.careslot.platform.web.problem.InvalidFieldsException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Collects every field error of a request under the field's snake_case name, so a client sees all problems at once
 * (400 with {@code errors}). The parse methods return null for a missing or invalid value and record why. Plain Java.
 */
public final class FieldErrors {

    /** {@code HH:MM}, 00:00 to 23:59, as api.md writes times. */
    static final Pattern TIME = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");
    static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public FieldErrors reject(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    /** @throws InvalidFieldsException when any error was recorded */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }

    public UUID uuid(String field, String value, boolean required) {
        if (isBlank(value)) {
            if (required) {
                reject(field, "This field is required.");
            }
            return null;
        }
        Optional<UUID> id = uuidOf(value);
        if (id.isEmpty()) {
            reject(field, "Must be a UUID.");
        }
        return id.orElse(null);
    }

    /** A UUID in its canonical 8-4-4-4-12 hex form; empty for anything else (including null). */
    public static Optional<UUID> uuidOf(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(value.trim());
            return id.toString().equalsIgnoreCase(value.trim()) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public LocalDate date(String field, String value, boolean required) {
        if (isBlank(value)) {
            if (required) {
                reject(field, "This field is required.");
            }
            return null;
        }
        try {
            if (!DATE.matcher(value.trim()).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
            }
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            reject(field, "Must be a date YYYY-MM-DD.");
            return null;
        }
    }

    public LocalTime time(String field, String value, boolean required) {
        if (isBlank(value)) {
            if (required) {
                reject(field, "This field is required.");
            }
            return null;
        }
        if (!TIME.matcher(value.trim()).matches()) {
            reject(field, "Must be a time HH:MM (00:00 to 23:59).");
            return null;
        }
        return LocalTime.parse(value.trim());
    }

    /** Optional free text: null or blank means none; longer than {@code max} characters is an error. */
    public String text(String field, String value, int max) {
        if (isBlank(value)) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            reject(field, "Must be at most " + max + " characters.");
            return null;
        }
        return text;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
