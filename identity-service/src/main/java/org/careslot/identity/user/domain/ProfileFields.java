package org.careslot.identity.user.domain;

import org.careslot.platform.web.problem.FieldErrors;
import org.careslot.platform.web.problem.FieldMessages;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The profile rules of api.md and the README's decisions. Single-member formats are constants for the constraint
 * annotations of the request records; what depends on the role, on today or on several members is checked here into
 * the platform's {@link FieldErrors}. Plain Java.
 */
public final class ProfileFields {

    public static final int MAX_NAME = 150;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_AGE_YEARS = 130;

    /** A pragmatic RFC 5322 subset: local@domain.tld, no spaces, one @, a dot in the domain. */
    public static final String EMAIL = "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$";
    public static final String GENDER = "MALE|FEMALE|OTHER";
    public static final String BLOOD_GROUP = "A\\+|A-|B\\+|B-|AB\\+|AB-|O\\+|O-";
    public static final String ROLE = "ADMIN|DOCTOR|PATIENT";
    /**
     * A full name without the characters Keycloak's user profile refuses in first and last names (its validator
     * person-name-prohibited-characters): checked here so that such a name is a 400 naming full_name, not a refusal
     * of Keycloak reported against the password (registration) or as 503 (profile change).
     */
    public static final String PERSON_NAME = "[^<>&\"\\v$%!#?\u00a7;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]*";

    public static final String INVALID_EMAIL = "Enter a valid email address.";
    public static final String INVALID_NAME = "Full name must be 1 to " + MAX_NAME + " characters.";
    public static final String INVALID_NAME_CHARACTERS =
            "Full name must not contain any of < > & \" $ % ! # ? \u00a7 ; * ~ / | ^ = ( ), brackets or a backslash.";
    public static final String INVALID_GENDER = "Must be one of [FEMALE, MALE, OTHER].";
    public static final String INVALID_BLOOD_GROUP = "Must be one of [A+, A-, AB+, AB-, B+, B-, O+, O-].";
    public static final String INVALID_ROLE = "Must be one of [ADMIN, DOCTOR, PATIENT].";
    public static final String NOT_POSITIVE = "Must be a positive integer.";
    public static final String TOO_LONG_TEXT = "Must be at most " + MAX_TEXT + " characters.";
    public static final String PATIENTS_ONLY = "Only patients have a medical profile.";
    /** The ways a user can be told about appointments, as notification-service names its channels. */
    public static final List<String> NOTIFICATION_CHANNELS = List.of("EMAIL", "SMS");
    /** New accounts (and accounts from before the choice existed) get e-mail only. */
    public static final List<String> DEFAULT_NOTIFICATION_CHANNELS = List.of("EMAIL");
    public static final String INVALID_NOTIFICATION_CHANNELS =
            "Must be a non-empty list of distinct values from [EMAIL, SMS].";
    public static final String INVALID_DATE_OF_BIRTH = "Date of birth must be in the past " + MAX_AGE_YEARS + " years.";

    private ProfileFields() {
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Not in the future and not more than {@value #MAX_AGE_YEARS} years ago. */
    public static void checkDateOfBirth(FieldErrors errors, LocalDate value, LocalDate today) {
        if (value != null && (value.isAfter(today) || value.isBefore(today.minusYears(MAX_AGE_YEARS)))) {
            errors.reject("date_of_birth", INVALID_DATE_OF_BIRTH);
        }
    }

    /** Medical fields belong to a patient's profile only. */
    public static void checkPatientOnly(FieldErrors errors, String field, Object value, Role role) {
        if (value != null && role != Role.PATIENT) {
            errors.reject(field, PATIENTS_ONLY);
        }
    }

    /** A non-empty list of distinct known channels; null (cleared) or anything else is rejected on the member. */
    public static void checkNotificationChannels(FieldErrors errors, List<String> value) {
        if (value == null || value.isEmpty() || value.stream().anyMatch(c -> c == null || !NOTIFICATION_CHANNELS.contains(c))
                || new HashSet<>(value).size() != value.size()) {
            errors.reject("notification_channels", INVALID_NOTIFICATION_CHANNELS);
        }
    }

    /** A member that may be left out of a change but, once sent, may not be null. */
    public static void checkNotCleared(FieldErrors errors, String field, Object value) {
        if (value == null) {
            errors.reject(field, FieldMessages.REQUIRED);
        }
    }
}
