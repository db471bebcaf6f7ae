package org.careslot.doctor.profile.domain;

import org.careslot.platform.web.request.WireFormats;
import org.careslot.platform.web.problem.FieldErrors;
import org.careslot.platform.web.problem.FieldMessages;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The rules of a time off (leave, conference): whole days {@code date_from}..{@code date_to} inclusive, in the doctor's
 * time zone, during which the doctor has no availability. {@code date_to} defaults to {@code date_from} (one day).
 * Time offs may overlap each other (harmless: the union is blocked).
 */
public final class TimeOffRules {

    public record TimeOffInput(String dateFrom, String dateTo, String reason) {
    }

    public record ValidTimeOff(LocalDate dateFrom, LocalDate dateTo, String reason) {
    }

    public static final int MAX_REASON = 500;

    private TimeOffRules() {
    }

    /** @return the valid time off, or null when {@code errors} holds at least one problem afterwards */
    public static ValidTimeOff validate(TimeOffInput input, FieldErrors errors) {
        LocalDate from = date("date_from", input.dateFrom(), true, errors);
        LocalDate to = date("date_to", input.dateTo(), false, errors);
        if (to == null && !errors.has("date_to")) {
            to = from;
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.reject("date_to", "Must not be before date_from.");
        }
        String reason = ProfileRules.requiredText("reason", input.reason(), MAX_REASON, errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new ValidTimeOff(from, to, reason);
    }

    /** A date {@code YYYY-MM-DD}. */
    public static LocalDate date(String field, String value, boolean required, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                ProfileRules.required(field, errors);
            }
            return null;
        }
        Optional<LocalDate> date = date(value);
        if (date.isEmpty()) {
            errors.reject(field, FieldMessages.DATE);
        }
        return date.orElse(null);
    }

    /** A date {@code YYYY-MM-DD} that exists (not 2026-02-30), surrounding blanks ignored. */
    public static Optional<LocalDate> date(String value) {
        return WireFormats.date(value);
    }
}
