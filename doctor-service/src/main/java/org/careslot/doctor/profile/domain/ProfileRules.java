package org.careslot.doctor.profile.domain;

import org.careslot.platform.web.problem.FieldErrors;
import org.careslot.platform.web.problem.FieldMessages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a doctor profile (api.md "Doctors"): every check adds a message under the field's snake_case name, so a
 * client sees every problem at once. Plain Java, no Spring: the request's Bean Validation constraints call the same
 * checks ({@link #licenseFormat}, {@link #isTimeZone}, {@link #feeProblems}), so both always agree.
 */
public final class ProfileRules {

    /** What a client sent; null = absent. */
    public record ProfileInput(String specialization, String licenseNumber, Integer experienceYears,
                               BigDecimal consultationFee, String qualification, String bio, String timeZone) {
    }

    /** A profile that passed every rule, normalised (trimmed text, fee with scale 2). */
    public record ValidProfile(Specialization specialization, String licenseNumber, int experienceYears,
                               BigDecimal consultationFee, String qualification, String bio, ZoneId timeZone) {
    }

    public static final String DEFAULT_TIME_ZONE = "Asia/Dhaka";
    public static final int MAX_EXPERIENCE_YEARS = 70;
    public static final BigDecimal MAX_FEE = new BigDecimal("1000000.00");
    public static final int MAX_LICENSE = 50;
    public static final int MAX_QUALIFICATION = 500;
    public static final int MAX_BIO = 4000;
    /** Letters and digits, optionally separated by single spaces, '-', '/' or '.', e.g. "A-12345" or "BMDC 12345/2020". */
    public static final String LICENSE_FORMAT = "[\\p{L}\\p{N}]+(?:[ ./-][\\p{L}\\p{N}]+)*";
    public static final String LICENSE_MESSAGE =
            "Use letters and digits, optionally separated by single spaces, '-', '/' or '.'.";
    public static final String TIME_ZONE_MESSAGE = "Must be an IANA time zone such as Asia/Dhaka.";
    private static final Pattern LICENSE = Pattern.compile(LICENSE_FORMAT);
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private ProfileRules() {
    }

    /** @return the valid profile, or null when {@code errors} holds at least one problem afterwards */
    public static ValidProfile validate(ProfileInput input, FieldErrors errors) {
        Specialization specialization = specialization(input.specialization(), errors);
        String license = licenseNumber(input.licenseNumber(), errors);
        Integer experience = experienceYears(input.experienceYears(), errors);
        BigDecimal fee = consultationFee(input.consultationFee(), errors);
        String qualification = requiredText("qualification", input.qualification(), MAX_QUALIFICATION, errors);
        String bio = optionalText("bio", input.bio(), MAX_BIO, errors);
        ZoneId zone = timeZone(input.timeZone(), errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new ValidProfile(specialization, license, experience, fee, qualification, bio, zone);
    }

    static Specialization specialization(String value, FieldErrors errors) {
        if (isBlank(value)) {
            required("specialization", errors);
            return null;
        }
        return Specialization.parse(value).orElseGet(() -> {
            errors.reject("specialization", "Must be one of " + Specialization.CODES + ".");
            return null;
        });
    }

    static String licenseNumber(String value, FieldErrors errors) {
        if (isBlank(value)) {
            required("license_number", errors);
            return null;
        }
        String license = value.strip();
        if (license.length() > MAX_LICENSE) {
            errors.reject("license_number", FieldMessages.atMost(MAX_LICENSE));
        } else if (!licenseFormat(license)) {
            errors.reject("license_number", LICENSE_MESSAGE);
        }
        return license;
    }

    /** Whether {@code value}, surrounding blanks ignored, has the shape of a license number. */
    public static boolean licenseFormat(String value) {
        return LICENSE.matcher(value.strip()).matches();
    }

    static Integer experienceYears(Integer value, FieldErrors errors) {
        if (value == null) {
            required("experience_years", errors);
        } else if (value < 0 || value > MAX_EXPERIENCE_YEARS) {
            errors.reject("experience_years", "Must be between 0 and " + MAX_EXPERIENCE_YEARS + ".");
        }
        return value;
    }

    /** Greater than 0, at most {@link #MAX_FEE}, at most 2 decimal places (BDT). */
    static BigDecimal consultationFee(BigDecimal value, FieldErrors errors) {
        if (value == null) {
            required("consultation_fee", errors);
            return null;
        }
        List<String> problems = feeProblems(value);
        problems.forEach(problem -> errors.reject("consultation_fee", problem));
        return problems.isEmpty() ? value.setScale(2, RoundingMode.UNNECESSARY) : null;
    }

    /** What is wrong with a consultation fee; empty when it is a valid one. */
    public static List<String> feeProblems(BigDecimal value) {
        List<String> problems = new ArrayList<>();
        if (value.signum() <= 0) {
            problems.add("Must be greater than 0.");
        } else if (value.compareTo(MAX_FEE) > 0) {
            problems.add("Must be at most " + MAX_FEE.toPlainString() + ".");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            problems.add("Must have at most 2 decimal places.");
        }
        return problems;
    }

    static ZoneId timeZone(String value, FieldErrors errors) {
        if (value == null) {
            return ZoneId.of(DEFAULT_TIME_ZONE);
        }
        if (!isTimeZone(value)) {
            errors.reject("time_zone", TIME_ZONE_MESSAGE);
            return null;
        }
        return ZoneId.of(value.strip());
    }

    /** An IANA zone id such as Asia/Dhaka (not an offset such as +06:00), surrounding blanks ignored. */
    public static boolean isTimeZone(String value) {
        return ZONES.contains(value.strip());
    }

    static String requiredText(String field, String value, int max, FieldErrors errors) {
        if (isBlank(value)) {
            required(field, errors);
            return null;
        }
        return optionalText(field, value, max, errors);
    }

    static String optionalText(String field, String value, int max, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            errors.reject(field, FieldMessages.atMost(max));
        }
        return text.isEmpty() ? null : text;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static void required(String field, FieldErrors errors) {
        errors.reject(field, FieldMessages.REQUIRED);
    }
}
