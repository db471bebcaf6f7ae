package org.careslot.identity.user.domain;

import java.util.Arrays;
import java.util.Optional;

/** The realm roles of Keycloak's 'appointments' realm; every user has exactly one of them. */
public enum Role {
    ADMIN, DOCTOR, PATIENT;

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(role -> role.name().equals(value)).findFirst();
    }
}
