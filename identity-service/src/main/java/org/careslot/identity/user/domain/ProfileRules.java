package org.careslot.identity.user.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field rules of registration and profile changes (api.md): each check adds a message under the field's
 * snake_case name, so a client sees every problem of a request at once. Plain Java, no Spring.
 */
public final class ProfileRules {

    static final Pattern PHONE = Pattern.compile("^\\+88\\d{11}$");
    // a pragmatic RFC 5322 subset: local@domain.tld, no spaces, one @, a dot in the domain
    static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    static final Set<String> GENDERS = Set.of("MALE", "FEMALE", "OTHER");
    static final Set<String> BLOOD_GROUPS = Set.of("A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-");
    static final int MAX_NAME = 150;
    static final int MAX_TEXT = 4000;

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public Map<String, List<String>> errors() {
        return errors;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public ProfileRules reject(String field, String message) {
        errors.computeIfAbsent(field, f -> new java.util.ArrayList<>()).add(message);
        return this;
    }

    public ProfileRules required(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            reject(field, "This field is required.");
        }
        return this;
    }

    public ProfileRules email(String value) {
        if (value != null && (value.length() > 254 || !EMAIL.matcher(value.trim()).matches())) {
            reject("email", "Enter a valid email address.");
        }
        return this;
    }

    public ProfileRules phone(String value) {
        if (value != null && !PHONE.matcher(value).matches()) {
            reject("phone", "Phone must start with +88 followed by 11 digits (14 characters), e.g. +8801712345678.");
        }
        return this;
    }

    /** At least 8 characters with an upper-case letter, a digit and a special character. */
    public ProfileRules password(String value) {
        if (value == null) {
            return this;
        }
        if (value.length() < 8) {
            reject("password", "Password must be at least 8 characters long.");
        }
        if (value.length() > 128) {
            reject("password", "Password must be at most 128 characters long.");
        }
        if (value.chars().noneMatch(Character::isUpperCase)) {
            reject("password", "Password must contain at least one upper-case letter.");
        }
        if (value.chars().noneMatch(Character::isDigit)) {
            reject("password", "Password must contain at least one digit.");
        }
        if (value.chars().allMatch(Character::isLetterOrDigit)) {
            reject("password", "Password must contain at least one special character.");
        }
        return this;
    }

    public ProfileRules fullName(String value) {
        if (value != null && (value.isBlank() || value.strip().length() > MAX_NAME)) {
            reject("full_name", "Full name must be 1 to " + MAX_NAME + " characters.");
        }
        return this;
    }

    public ProfileRules oneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            reject(field, "Must be one of " + allowed.stream().sorted().toList() + ".");
        }
        return this;
    }

    public ProfileRules gender(String value) {
        return oneOf("gender", value, GENDERS);
    }

    public ProfileRules bloodGroup(String value) {
        return oneOf("blood_group", value, BLOOD_GROUPS);
    }

    public ProfileRules dateOfBirth(LocalDate value, LocalDate today) {
        if (value != null && (value.isAfter(today) || value.isBefore(today.minusYears(130)))) {
            reject("date_of_birth", "Date of birth must be in the past 130 years.");
        }
        return this;
    }

    public ProfileRules maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            reject(field, "Must be at most " + max + " characters.");
        }
        return this;
    }

    public ProfileRules text(String field, String value) {
        return maxLength(field, value, MAX_TEXT);
    }

    public ProfileRules positive(String field, Integer value) {
        if (value != null && value < 1) {
            reject(field, "Must be a positive integer.");
        }
        return this;
    }

    /** Medical fields belong to a patient's profile only. */
    public ProfileRules patientOnly(String field, Object value, Role role) {
        if (value != null && role != Role.PATIENT) {
            reject(field, "Only patients have a medical profile.");
        }
        return this;
    }

    public void merge(Map<String, List<String>> more) {
        more.forEach((field, messages) -> messages.forEach(message -> reject(field, message)));
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
