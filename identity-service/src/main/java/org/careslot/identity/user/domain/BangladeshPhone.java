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
import java.util.regex.Pattern;

/**
 * A Bangladesh mobile number as api.md writes it: {@code +88} followed by 11 digits (14 characters), e.g.
 * {@code +8801712345678}. Null is valid (combine with {@code @NotBlank} where the number is required).
 */
@Documented
@Constraint(validatedBy = BangladeshPhone.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface BangladeshPhone {

    String PATTERN = "^\\+88\\d{11}$";

    String message() default "Phone must start with +88 followed by 11 digits (14 characters), e.g. +8801712345678.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<BangladeshPhone, String> {

        private static final Pattern PHONE = Pattern.compile(PATTERN);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || PHONE.matcher(value).matches();
        }
    }
}
