package org.careslot.platform.web.problem;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 400 with an {@code errors} member naming each failing field (snake_case, as the client sent it). */
public class InvalidFieldsException extends ApiProblemException {

    private final Map<String, List<String>> errors;

    public InvalidFieldsException(Map<String, List<String>> errors) {
        super(HttpStatus.BAD_REQUEST, "Some fields are invalid.");
        this.errors = Map.copyOf(new LinkedHashMap<>(errors));
    }

    public static InvalidFieldsException of(String field, String message) {
        return new InvalidFieldsException(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> errors() {
        return errors;
    }
}
