package org.careslot.platform.web.request;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text is a time {@code HH:MM}, 00:00 to 23:59, as {@link WireFormats#time} reads it. Absent or blank passes:
 * add {@code @NotBlank} when the value is required. A {@code LocalTime} member would stop Jackson at the first
 * malformed value; a text member with this constraint lets one 400 name every malformed field.
 */
@Documented
@Constraint(validatedBy = ClockTime.Validator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ClockTime {

    String message() default "{org.careslot.platform.web.request.ClockTime.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ClockTime, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return WireFormats.absent(value) || WireFormats.time(value.toString()).isPresent();
        }
    }
}
