package org.careslot.identity.user.keycloak;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How identity-service reaches Keycloak: the confidential client {@code identity-service} (its service account
 * administers users; its direct-access grant logs users in). The secret comes from {@code IDENTITY_CLIENT_SECRET};
 * the default is the documented development value of the local stack's realm.
 *
 * @param url            Keycloak's base URL ({@code careslot.keycloak.url})
 * @param realm          the realm ({@code appointments})
 * @param connectTimeout short: an unreachable Keycloak must fail a request quickly with 503
 * @param readTimeout    Keycloak hashes passwords (argon2) on login and user creation: allow for it
 */
@ConfigurationProperties("careslot.identity.keycloak")
public record KeycloakClientProperties(
        String url,
        @DefaultValue("appointments") String realm,
        @DefaultValue("identity-service") String clientId,
        String clientSecret,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    public String realmUrl() {
        return url + "/realms/" + realm;
    }
}
