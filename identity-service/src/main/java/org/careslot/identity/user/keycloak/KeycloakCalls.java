package org.careslot.identity.user.keycloak;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Every call to Keycloak goes through one of two circuit breakers: {@value #TOKEN} (login, refresh, logout at the
 * OpenID Connect token endpoint) and {@value #ADMIN} (the admin REST API: users, roles, and the service account's own
 * token). Two, because the paths fail apart (a broken service account or a slow admin API must not lock users out of
 * logging in) and because the orphan clean-up's background retries must not count against logins.
 * <p>
 * Only "Keycloak could not be reached or failed" ({@link IdentityProviderUnavailableException}: no connection, a
 * timeout, a 5xx) counts as a failure; Keycloak's 4xx answers (wrong password, invalid refresh token, e-mail taken)
 * are successful calls — a flood of wrong passwords shows a healthy Keycloak and must not open the breaker. While a
 * breaker is open, calls answer the same 503 at once, without waiting for a timeout.
 * <p>
 * Only idempotent admin calls ({@link #idempotentAdmin}: reads, and deletes where "already gone" is success) are
 * retried, and not after a timeout (a stalled Keycloak would hold the request thread once more). A login is never
 * retried (each attempt counts against Keycloak's brute-force detection), nor a user creation (its compensation in
 * {@code RegistrationService} removes what a failed registration created).
 */
@Component
public class KeycloakCalls {

    public static final String TOKEN = "keycloak-token";
    public static final String ADMIN = "keycloak-admin";
    public static final String ADMIN_READS = "keycloak-admin-idempotent";

    private final CircuitBreaker token;
    private final CircuitBreaker admin;
    private final Retry adminRetry;

    public KeycloakCalls(CircuitBreakerRegistry breakers, RetryRegistry retries) {
        this.token = breakers.circuitBreaker(TOKEN);
        this.admin = breakers.circuitBreaker(ADMIN);
        this.adminRetry = retries.retry(ADMIN_READS);
    }

    /** A call to the token endpoint: never retried. */
    public <T> T tokenEndpoint(Supplier<T> call) {
        return unavailableWhenOpen(() -> token.executeSupplier(call));
    }

    /** An admin call that must not be repeated (creates, role mappings, updates). */
    public <T> T admin(Supplier<T> call) {
        return unavailableWhenOpen(() -> admin.executeSupplier(call));
    }

    /** An admin call that may be repeated with the same effect; each attempt counts in the breaker. */
    public <T> T idempotentAdmin(Supplier<T> call) {
        return unavailableWhenOpen(() -> adminRetry.executeSupplier(() -> admin.executeSupplier(call)));
    }

    private static <T> T unavailableWhenOpen(Supplier<T> guarded) {
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw new IdentityProviderUnavailableException(e);
        }
    }
}
