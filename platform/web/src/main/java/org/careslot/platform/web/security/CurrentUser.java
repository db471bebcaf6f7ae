package org.careslot.platform.web.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Set;
import java.util.UUID;

/**
 * The authenticated caller as the services see it: the Keycloak user id (the JWT {@code sub}) and the realm
 * roles of {@code realm_access.roles} that this platform knows. Declare it as a controller method parameter.
 */
public record CurrentUser(UUID id, String email, Set<Role> roles) {

    public enum Role { ADMIN, DOCTOR, PATIENT }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    public static CurrentUser from(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("not authenticated with a JWT");
        }
        Jwt jwt = token.getToken();
        return new CurrentUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("email"),
                KeycloakRealmRoles.of(jwt));
    }
}
