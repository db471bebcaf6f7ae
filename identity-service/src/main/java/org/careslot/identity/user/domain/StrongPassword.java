package org.careslot.identity.user.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * The password rule of api.md: 8 to 128 characters with at least one upper-case letter, one digit and one special
 * character. Each unmet part is its own message, so a form can show the user everything that is missing at once.
 * Null is valid (combine with {@code @NotBlank}). Keycloak's password policy may still refuse more.
 */
@Documented
@Constraint(validatedBy = StrongPassword.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface StrongPassword {

    int MIN = 8;
    int MAX = 128;

    String message() default "Password must be " + MIN + " to " + MAX + " characters with an upper-case letter, a digit "
            + "and a special character.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<StrongPassword, String> {

        /** What {@code password} lacks, one message per unmet part; empty when it is strong enough. */
        public static List<String> problems(String password) {
            List<String> problems = new ArrayList<>();
            if (password.length() < MIN) {
                problems.add("Password must be at least " + MIN + " characters long.");
            }
            if (password.length() > MAX) {
                problems.add("Password must be at most " + MAX + " characters long.");
            }
            if (password.chars().noneMatch(Character::isUpperCase)) {
                problems.add("Password must contain at least one upper-case letter.");
            }
            if (password.chars().noneMatch(Character::isDigit)) {
                problems.add("Password must contain at least one digit.");
            }
            if (password.chars().allMatch(Character::isLetterOrDigit)) {
                problems.add("Password must contain at least one special character.");
            }
            return problems;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            List<String> problems = problems(value);
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // the texts are ours and hold no expression: escape nothing, interpolate nothing
            problems.forEach(problem -> context.buildConstraintViolationWithTemplate(problem).addConstraintViolation());
            return false;
        }
    }
}
