package org.careslot.platform.web.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one collector of field problems for rules Bean Validation cannot express (rules across fields, rules that need
 * stored state): every problem is kept under the snake_case name the client used, so one 400 names all of them in
 * the same {@code errors} shape as a failed {@code @Valid}. Plain Java, usable from domain classes.
 */
public final class FieldErrors {

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public FieldErrors reject(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public FieldErrors merge(FieldErrors other) {
        other.errors.forEach((field, messages) -> messages.forEach(message -> reject(field, message)));
        return this;
    }

    public Map<String, List<String>> asMap() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        return copy;
    }

    /** @throws InvalidFieldsException (400 problem+json with {@code errors}) when any problem was recorded */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(asMap());
        }
    }
}
