package org.careslot.doctor.profile.api;

import org.careslot.doctor.profile.domain.FieldErrors;
import org.careslot.platform.web.problem.InvalidFieldsException;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Typed access to the members of a JSON request body. A member of the wrong JSON type is a field error collected with
 * all the others (not a 500, not a lone 400); absent and JSON null both read as null. Unknown members are ignored,
 * which makes the bodies mass-assignment safe (id, full_name, is_active, ... are never taken from a body).
 */
final class JsonFields {

    private static final Pattern INTEGER = Pattern.compile("^-?\\d{1,9}$");

    private final JsonNode body;
    private final FieldErrors errors = new FieldErrors();

    private JsonFields(JsonNode body) {
        this.body = body;
    }

    static JsonFields of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidFieldsException.of("non_field_errors", "Expected a JSON object.");
        }
        return new JsonFields(body);
    }

    FieldErrors errors() {
        return errors;
    }

    String text(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.reject(field, "Must be a string.");
            return null;
        }
        return value.asString();
    }

    /** A JSON integer, or a string of digits (as form-based clients send). */
    Integer integer(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isString() && INTEGER.matcher(value.asString().strip()).matches()) {
            return Integer.valueOf(value.asString().strip());
        }
        errors.reject(field, "Must be an integer.");
        return null;
    }

    /** A JSON number or a decimal string such as "500.00". */
    BigDecimal decimal(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isString()) {
                String text = value.asString().strip();
                if (text.length() <= 20) {
                    return new BigDecimal(text);
                }
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        errors.reject(field, "Must be a decimal number such as 500 or \"500.00\".");
        return null;
    }
}
