package org.careslot.identity.user;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Registrations and logins by outcome, every outcome registered at start-up (a series reads 0 before its first
 * event). Never tagged with an e-mail, a user id or a role name chosen by the caller.
 */
@Component
public class AccountMetrics {

    public static final String REGISTRATIONS = "careslot.registrations";
    public static final String LOGINS = "careslot.logins";

    /** How a registration that passed the format checks ended. */
    public enum Registration {
        /** 201 */
        REGISTERED,
        /** 409: e-mail or phone taken */
        CONFLICT,
        /** 400: rules across fields or against stored data (location hierarchy, patient-only fields …) */
        INVALID,
        /** 403: an ADMIN account without an admin's token */
        FORBIDDEN,
        /** 503: Keycloak unreachable */
        UNAVAILABLE
    }

    /** How a login ended. */
    public enum Login {
        /** 200 */
        SUCCESS,
        /** 401: unknown e-mail, wrong password, deactivated or locked account (one answer to the caller) */
        FAILURE,
        /** 503: Keycloak unreachable */
        UNAVAILABLE
    }

    private final Map<Registration, Counter> registrations = new EnumMap<>(Registration.class);
    private final Map<Login, Counter> logins = new EnumMap<>(Login.class);

    public AccountMetrics(MeterRegistry registry) {
        for (Registration outcome : Registration.values()) {
            registrations.put(outcome, Counter.builder(REGISTRATIONS).description("Registrations by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        for (Login outcome : Login.values()) {
            logins.put(outcome, Counter.builder(LOGINS).description("Logins by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    void registration(Registration outcome) {
        registrations.get(outcome).increment();
    }

    void login(Login outcome) {
        logins.get(outcome).increment();
    }
}
