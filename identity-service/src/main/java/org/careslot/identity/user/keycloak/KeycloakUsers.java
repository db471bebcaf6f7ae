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
 * (503); no password is ever logged.
 */
@Component
public class KeycloakUsers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KeycloakUsers.class);

    private final Keycloak keycloak;
    private final String realm;

    public KeycloakUsers(KeycloakClientProperties properties) {
        this.realm = properties.realm();
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
                        // what the admin client registers on a client it builds itself: Jackson without null members,
                        // which a server of another minor version may not know (e.g. verifiableCredentials) and reject
                        .register(new JacksonProvider(), 100)
                        .build())
                .build();
    }

    /**
     * Creates an enabled user whose username is the e-mail, with the password and the realm role.
     *
     * @throws ConflictException                    the e-mail is taken in Keycloak
     * @throws InvalidFieldsException               Keycloak's password policy refused the password
     * @throws IdentityProviderUnavailableException Keycloak unreachable; nothing was created, or the half-created
     *                                              user was removed again
     */
    public UUID create(String email, String password, String fullName, Role role) {
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

        UUID id = call(() -> {
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
        try {
            call(() -> {
                RoleRepresentation realmRole = realm().roles().get(role.name()).toRepresentation();
                realm().users().get(id.toString()).roles().realmLevel().add(List.of(realmRole));
                return null;
            });
        } catch (RuntimeException e) {
            deleteQuietly(id);
            throw e;
        }
        return id;
    }

    /** Removes a user this service created (compensation of a registration that failed later). */
    public void delete(UUID id) {
        call(() -> {
            try (Response response = realm().users().delete(id.toString())) {
                if (response.getStatus() != 204 && response.getStatus() != 404) {
                    throw new IllegalStateException("Keycloak answered " + response.getStatus() + " to a delete");
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
        call(() -> {
            UserResource user = realm().users().get(id.toString());
            UserRepresentation representation = user.toRepresentation();
            representation.setEnabled(enabled);
            user.update(representation);
            if (!enabled) {
                user.logout();
            }
            return null;
        });
    }

    /** Keeps Keycloak's names in step with the profile (tokens carry them as 'name'). */
    public void rename(UUID id, String fullName) {
        call(() -> {
            UserResource user = realm().users().get(id.toString());
            UserRepresentation representation = user.toRepresentation();
            String[] names = splitName(fullName);
            representation.setFirstName(names[0]);
            representation.setLastName(names[1]);
            user.update(representation);
            return null;
        });
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
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
