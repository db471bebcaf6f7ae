package org.careslot.doctor.profile.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.careslot.doctor.profile.domain.ProfileRules;
import org.careslot.doctor.profile.domain.SlotRules;
import org.careslot.doctor.profile.domain.Specialization;
import org.careslot.platform.web.problem.FieldMessages;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Bean Validation constraints of the doctor request records. Members are JSON text (a JSON number or boolean
 * arrives as its text), so a member of the wrong JSON type is one more field error in the same 400 instead of an
 * unreadable body. Each constraint leaves null alone ({@code @NotNull}/{@code @NotBlank} say whether a member is
 * required) and asks the plain-Java domain rules, so a request and the rules never disagree.
 */
public final class RequestConstraints {

    private RequestConstraints() {
    }

    /** An integer from {@code min} to {@code max}: a JSON integer or a string of digits (as form-based clients send). */
    @Documented
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = WholeNumber.Check.class)
    public @interface WholeNumber {
        int min();
        int max();
        String message() default "Must be between {min} and {max}.";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<WholeNumber, String> {
            private static final Pattern INTEGER = Pattern.compile("^-?\\d{1,9}$");
            private int min;
            private int max;

            @Override
            public void initialize(WholeNumber annotation) {
                min = annotation.min();
                max = annotation.max();
            }

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                if (value == null) {
                    return true;
                }
                if (!INTEGER.matcher(value.strip()).matches()) {
                    return reject(context, List.of("Must be an integer."));
                }
                int number = Integer.parseInt(value.strip());
                return number >= min && number <= max;
            }
        }
    }

    /** A weekday, MONDAY to SUNDAY in any letter case (blank: left to {@code @NotBlank}). */
    @Documented
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Weekday.Check.class)
    public @interface Weekday {
        String message() default SlotRules.WEEKDAY_MESSAGE;
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<Weekday, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || value.isBlank() || SlotRules.weekday(value).isPresent();
            }
        }
    }

    /** One of the specialities' codes, in any letter case (blank: left to {@code @NotBlank}). */
    @Documented
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = SpecializationCode.Check.class)
    public @interface SpecializationCode {
        String message() default "Must be one of " + Specialization.CODES + ".";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<SpecializationCode, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || value.isBlank() || Specialization.parse(value).isPresent();
            }
        }
    }

    /** An IANA time zone such as Asia/Dhaka (absent: the default zone). */
    @Documented
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = TimeZoneId.Check.class)
    public @interface TimeZoneId {
        String message() default ProfileRules.TIME_ZONE_MESSAGE;
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<TimeZoneId, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || ProfileRules.isTimeZone(value);
            }
        }
    }

    /** A license number: letters and digits, optionally separated by single spaces, '-', '/' or '.'. */
    @Documented
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = LicenseNumber.Check.class)
    public @interface LicenseNumber {
        String message() default ProfileRules.LICENSE_MESSAGE;
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<LicenseNumber, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                if (value == null || value.isBlank()) {
                    return true;
                }
                if (value.strip().length() > ProfileRules.MAX_LICENSE) {
                    return reject(context, List.of(FieldMessages.atMost(ProfileRules.MAX_LICENSE)));
                }
                return ProfileRules.licenseFormat(value);
            }
        }
    }

    /** A consultation fee in BDT: a JSON number or a decimal string, > 0, at most 1000000.00, 2 decimal places. */
    @Documented
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ConsultationFee.Check.class)
    public @interface ConsultationFee {
        String message() default "Must be a decimal number such as 500 or \"500.00\".";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<ConsultationFee, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                if (value == null) {
                    return true;
                }
                BigDecimal fee = decimal(value);
                return fee != null && reject(context, ProfileRules.feeProblems(fee));
            }
        }
    }

    /** A decimal such as 500 or 500.00, or null when {@code value} is none (or absurdly long). */
    static BigDecimal decimal(String value) {
        String text = value.strip();
        if (text.length() > 20) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reports {@code messages} instead of the constraint's default message; true when there are none. */
    private static boolean reject(ConstraintValidatorContext context, List<String> messages) {
        if (messages.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        messages.forEach(message -> context.buildConstraintViolationWithTemplate(message).addConstraintViolation());
        return false;
    }
}
