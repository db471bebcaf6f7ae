package org.careslot.doctor.profile.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every problem of a request under the snake_case name the client used (body field or query parameter),
 * so one 400 names all of them. Plain Java: the service turns a non-empty collection into the platform's
 * {@code InvalidFieldsException}.
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

    public void merge(Map<String, List<String>> more) {
        more.forEach((field, messages) -> messages.forEach(message -> reject(field, message)));
    }

    public Map<String, List<String>> asMap() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        errors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        return copy;
    }
}
