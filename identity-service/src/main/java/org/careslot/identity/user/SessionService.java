package org.careslot.identity.user;

import org.careslot.identity.user.UserProfileService.TokenIdentity;
import org.careslot.identity.user.keycloak.IdentityProviderUnavailableException;
import org.careslot.identity.user.keycloak.KeycloakTokenEndpoint;
import org.careslot.identity.user.keycloak.KeycloakTokenEndpoint.Tokens;
import org.careslot.identity.user.keycloak.KeycloakTokenEndpoint.UnauthorizedException;
import org.careslot.identity.user.domain.UserProfile;
import org.careslot.platform.web.problem.InvalidFieldsException;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Login, refresh and logout, all done by Keycloak; this service adds the user's profile to a login's answer. */
@Service
public class SessionService {

    /** A login: Keycloak's tokens and the user they belong to. */
    public record Login(Tokens tokens, UserProfile user) {
    }

    private final KeycloakTokenEndpoint keycloak;
    private final UserProfileService profiles;
    private final JsonMapper json;
    private final AccountMetrics metrics;

    public SessionService(KeycloakTokenEndpoint keycloak, UserProfileService profiles, JsonMapper json,
                          AccountMetrics metrics) {
        this.keycloak = keycloak;
        this.profiles = profiles;
        this.json = json;
        this.metrics = metrics;
    }

    public Login login(String email, String password) {
        try {
            Login login = attempt(email, password);
            metrics.login(AccountMetrics.Login.SUCCESS);
            return login;
        } catch (UnauthorizedException e) {
            metrics.login(AccountMetrics.Login.FAILURE);
            throw e;
        } catch (IdentityProviderUnavailableException e) {
            metrics.login(AccountMetrics.Login.UNAVAILABLE);
            throw e;
        }
    }

    private Login attempt(String email, String password) {
        Tokens tokens = keycloak.passwordGrant(email.trim(), password);
        // The token came straight from Keycloak over the back channel: its claims need no signature check here.
        JsonNode claims = claims(tokens.access());
        UserProfile user = profiles.profileOf(identity(claims));
        if (!user.active()) {
            keycloak.logout(tokens.refresh());
            throw new UnauthorizedException(KeycloakTokenEndpoint.INVALID_LOGIN);
        }
        return new Login(tokens, user);
    }

    public Tokens refresh(String refreshToken) {
        return keycloak.refresh(refreshToken);
    }

    /** Ends the session of {@code refreshToken}, which must be one of the caller's own. */
    public void logout(UUID caller, String refreshToken) {
        JsonNode claims;
        try {
            claims = claims(refreshToken);
        } catch (UnauthorizedException e) {
            throw InvalidFieldsException.of("refresh", "Not a refresh token.");
        }
        if (!claims.path("sub").asString("").equals(caller.toString())) {
            throw InvalidFieldsException.of("refresh", "This refresh token belongs to another session.");
        }
        keycloak.logout(refreshToken);
    }

    private JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new UnauthorizedException("The token is malformed.");
        }
        try {
            return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JacksonException e) {
            throw new UnauthorizedException("The token is malformed.");
        }
    }

    static TokenIdentity identity(JsonNode claims) {
        Set<String> roles = new HashSet<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asString()));
        return new TokenIdentity(UUID.fromString(claims.get("sub").asString()), claims.path("email").asString(null),
                claims.path("name").asString(null), roles);
    }
}
