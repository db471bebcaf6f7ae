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
 * The text is a UUID in its canonical 8-4-4-4-12 form (a path id uses {@link PathIds} instead: 404), as {@link
 * WireFormats#uuid} reads it. Absent or blank passes: add {@code @NotBlank} when the value is required. A {@code
 * UUID} member would stop Jackson at the first malformed value; a text member with this constraint lets one 400
 * name every malformed field.
 */
@Documented
@Constraint(validatedBy = CanonicalUuid.Validator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CanonicalUuid {

    String message() default "{org.careslot.platform.web.request.CanonicalUuid.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CanonicalUuid, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return WireFormats.absent(value) || WireFormats.uuid(value.toString()).isPresent();
        }
    }
}
