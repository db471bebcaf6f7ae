package org.careslot.identity.user.keycloak;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.careslot.identity.user.domain.Role;
import org.careslot.platform.web.problem.ConflictException;
import org.careslot.platform.web.problem.InvalidFieldsException;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keycloak's users, administered with keycloak-admin-client through the service account of the
 * {@code identity-service} client. Every failure to reach Keycloak becomes {@link IdentityProviderUnavailableException}
 * (503); every call goes through the {@code keycloak-admin} circuit breaker of {@link KeycloakCalls}, and only reads
 * and deletes are retried. No password is ever logged.
 */
@Component
public class KeycloakUsers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KeycloakUsers.class);

    private final Keycloak keycloak;
    private final String realm;
    private final KeycloakCalls calls;

    public KeycloakUsers(KeycloakClientProperties properties, KeycloakCalls calls) {
        this.realm = properties.realm();
        this.calls = calls;
        this.keycloak = KeycloakBuilder.builder()
                .serverUrl(properties.url())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .resteasyClient(new ResteasyClientBuilderImpl()
                        .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .connectionPoolSize(10)
                        // the one retry policy is KeycloakCalls': HttpClient's own would silently repeat reads (and
                        // unsent writes) up to 3 times more, each attempt invisible to the circuit breaker
                        .disableAutomaticRetries()
                        // what the admin client registers on a client it builds itself: Jackson without null members,
                        // which a server of another minor version may not know (e.g. verifiableCredentials) and reject
                        .register(new JacksonProvider(), 100)
                        .build())
                .build();
    }

    /**
     * Creates an enabled user whose username is the e-mail, with the password; {@link #grantRealmRole} completes it.
     * Not retried: a repeated creation would meet its own first attempt as a taken e-mail.
     *
     * @throws ConflictException                    the e-mail is taken in Keycloak
     * @throws InvalidFieldsException               Keycloak's password policy refused the password
     * @throws IdentityProviderUnavailableException Keycloak unreachable or its circuit open; whether the user was
     *                                              created is unknown only when Keycloak stopped answering midway
     */
    public UUID create(String email, String password, String fullName) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEnabled(true);
        user.setEmailVerified(false);
        // Keycloak's user profile wants both names; a login would otherwise demand "update profile" first
        String[] names = splitName(fullName);
        user.setFirstName(names[0]);
        user.setLastName(names[1]);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));

        return once(() -> {
            try (Response response = realm().users().create(user)) {
                return switch (response.getStatus()) {
                    case 201 -> UUID.fromString(CreatedResponseUtil.getCreatedId(response));
                    case 409 -> throw new ConflictException("An account with this email already exists.");
                    case 400 -> throw rejected(response);
                    default -> throw new IdentityProviderUnavailableException(new IllegalStateException(
                            "Keycloak answered " + response.getStatus() + " to a user creation"));
                };
            }
        });
    }

    /**
     * Gives a user created by {@link #create} its realm role. On failure the caller removes the user again (through
     * {@link KeycloakOrphans}, which remembers it when Keycloak is unreachable).
     */
    public void grantRealmRole(UUID id, Role role) {
        RoleRepresentation realmRole = idempotent(() -> realm().roles().get(role.name()).toRepresentation());
        once(() -> {
            realm().users().get(id.toString()).roles().realmLevel().add(List.of(realmRole));
            return null;
        });
    }

    /**
     * Removes a user this service created (compensation of a registration that failed later). Idempotent, so
     * retried: a user already gone counts as removed.
     */
    public void delete(UUID id) {
        idempotent(() -> {
            try (Response response = realm().users().delete(id.toString())) {
                if (response.getStatus() != 204 && response.getStatus() != 404) {
                    throw new IdentityProviderUnavailableException(new IllegalStateException(
                            "Keycloak answered " + response.getStatus() + " to a delete"));
                }
                return null;
            }
        });
    }

    /** @return false when Keycloak could not be reached; the caller records the user for a later retry */
    public boolean deleteQuietly(UUID id) {
        try {
            delete(id);
            return true;
        } catch (RuntimeException e) {
            log.error("Could not remove Keycloak user {} after a failed registration: {}", id, e.toString());
            return false;
        }
    }

    /** Enables or disables the account; disabling also ends all its sessions (refresh tokens stop working). */
    public void setEnabled(UUID id, boolean enabled) {
        UserRepresentation representation = read(id);
        representation.setEnabled(enabled);
        once(() -> {
            UserResource user = realm().users().get(id.toString());
            user.update(representation);
            if (!enabled) {
                user.logout();
            }
            return null;
        });
    }

    /** Keeps Keycloak's names in step with the profile (tokens carry them as 'name'). */
    public void rename(UUID id, String fullName) {
        UserRepresentation representation = read(id);
        String[] names = splitName(fullName);
        representation.setFirstName(names[0]);
        representation.setLastName(names[1]);
        once(() -> {
            realm().users().get(id.toString()).update(representation);
            return null;
        });
    }

    /** The user as Keycloak has it: a read, retried. */
    private UserRepresentation read(UUID id) {
        return idempotent(() -> realm().users().get(id.toString()).toRepresentation());
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    /** An admin call that must not be repeated. */
    private <T> T once(Supplier<T> action) {
        return calls.admin(() -> call(action));
    }

    /** An admin call with the same effect when repeated: retried. */
    private <T> T idempotent(Supplier<T> action) {
        return calls.idempotentAdmin(() -> call(action));
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (ProcessingException e) {
            throw new IdentityProviderUnavailableException(e);
        } catch (WebApplicationException e) {
            throw new IdentityProviderUnavailableException(new IllegalStateException(
                    "Keycloak answered " + e.getResponse().getStatus()));
        }
    }

    static String[] splitName(String fullName) {
        String name = fullName.strip();
        int space = name.lastIndexOf(' ');
        return space < 0 ? new String[] {name, name} : new String[] {name.substring(0, space).strip(),
                name.substring(space + 1)};
    }

    /** Keycloak's reason for a 400 (its policy texts carry no secrets), as a field error of the request. */
    private static InvalidFieldsException rejected(Response response) {
        String body;
        try {
            body = response.readEntity(String.class);
        } catch (RuntimeException e) {
            body = "";
        }
        log.warn("Keycloak refused a user creation: {}", body);
        String reason = body.replaceAll("(?s).*\"(?:errorMessage|error_description|error)\"\\s*:\\s*\"([^\"]*)\".*", "$1");
        if (reason.equals(body)) {
            reason = "rejected by the identity provider";
        }
        String field = reason.toLowerCase().contains("email") ? "email" : "password";
        return InvalidFieldsException.of(field, "The " + field + " was refused by the identity provider (" + reason + ").");
    }

    @Override
    public void destroy() {
        keycloak.close();
    }
}
