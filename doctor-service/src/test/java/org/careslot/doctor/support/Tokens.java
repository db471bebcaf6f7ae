package org.careslot.doctor.support;

import org.careslot.platform.testkit.KeycloakTokens;
import org.careslot.platform.testkit.KeycloakTokens.TestUser;

import java.util.UUID;

/** Real Keycloak users and their access tokens. */
public final class Tokens {

    /** A user of the realm with a fresh access token. */
    public record Caller(UUID id, String token) {
    }

    private Tokens() {
    }

    public static Caller newUser(String role) {
        KeycloakTokens keycloak = KeycloakTokens.shared();
        TestUser user = keycloak.createUser(role);
        return new Caller(UUID.fromString(user.id()), keycloak.accessToken(user.email(), user.password()));
    }
}
