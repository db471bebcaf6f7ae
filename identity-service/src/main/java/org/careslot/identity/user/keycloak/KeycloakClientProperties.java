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
 * @param circuitBreaker the two circuit breakers, {@code keycloak-token} and {@code keycloak-admin}
 * @param retry          the retry of idempotent admin calls
 */
@ConfigurationProperties("careslot.identity.keycloak")
public record KeycloakClientProperties(
        String url,
        @DefaultValue("appointments") String realm,
        @DefaultValue("identity-service") String clientId,
        String clientSecret,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue Retry retry) {

    public String realmUrl() {
        return url + "/realms/" + realm;
    }

    /**
     * Settings of each of the two breakers, the gateway's defaults: of the last {@code slidingWindowSize} calls (once
     * there were at least {@code minimumNumberOfCalls}), when {@code failureRateThreshold} percent or more could not
     * reach Keycloak, the breaker opens and answers 503 at once for {@code waitDurationInOpenState}; then
     * {@code permittedNumberOfCallsInHalfOpenState} trial calls decide whether it closes again.
     */
    public record CircuitBreaker(
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10s") Duration waitDurationInOpenState,
            @DefaultValue("3") int permittedNumberOfCallsInHalfOpenState) {
    }

    /**
     * @param maxAttempts  attempts of an idempotent admin call, the first included (1 = no retry)
     * @param waitDuration pause before the next attempt
     */
    public record Retry(
            @DefaultValue("2") int maxAttempts,
            @DefaultValue("200ms") Duration waitDuration) {
    }
}
