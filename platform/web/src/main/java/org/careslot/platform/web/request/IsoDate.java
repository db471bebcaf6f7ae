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
 * The text is a date {@code YYYY-MM-DD}, as {@link WireFormats#date} reads it. Absent or blank passes: add {@code
 * @NotBlank} when the value is required. A {@code LocalDate} member would stop Jackson at the first malformed
 * value; a text member with this constraint lets one 400 name every malformed field.
 */
@Documented
@Constraint(validatedBy = IsoDate.Validator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoDate {

    String message() default "{org.careslot.platform.web.request.IsoDate.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoDate, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return WireFormats.absent(value) || WireFormats.date(value.toString()).isPresent();
        }
    }
}
