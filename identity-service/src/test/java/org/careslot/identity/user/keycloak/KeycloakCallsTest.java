package org.careslot.identity.user.keycloak;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.ws.rs.ProcessingException;
import org.careslot.identity.user.keycloak.KeycloakTokenEndpoint.UnauthorizedException;
import org.careslot.platform.web.problem.ConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which outcomes count against the breakers and which calls are tried again, with the registries of the service. */
class KeycloakCallsTest {

    private CircuitBreakerRegistry breakers;
    private KeycloakCalls calls;

    @BeforeEach
    void setUp() {
        KeycloakClientProperties properties = new KeycloakClientProperties("http://keycloak", "appointments",
                "identity-service", "secret", Duration.ofSeconds(1), Duration.ofSeconds(1),
                new KeycloakClientProperties.CircuitBreaker(4, 4, 50, Duration.ofMinutes(1), 1),
                new KeycloakClientProperties.Retry(2, Duration.ZERO));
        KeycloakResilienceConfiguration configuration = new KeycloakResilienceConfiguration();
        breakers = configuration.keycloakCircuitBreakers(properties);
        RetryRegistry retries = configuration.keycloakRetries(properties);
        calls = new KeycloakCalls(breakers, retries);
    }

    @Test
    void keycloaksRefusalsAreSuccessfulCallsAndNeverOpenTheBreaker() {
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThatThrownBy(() -> calls.tokenEndpoint(failingWith(new UnauthorizedException("wrong password"))))
                    .isInstanceOf(UnauthorizedException.class);
            assertThatThrownBy(() -> calls.admin(failingWith(new ConflictException("e-mail taken"))))
                    .isInstanceOf(ConflictException.class);
        }
        assertThat(token().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(token().getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(admin().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void anOpenBreakerAnswersUnavailableWithoutCallingKeycloak() {
        for (int attempt = 0; attempt < 4; attempt++) {
            assertThatThrownBy(() -> calls.tokenEndpoint(failingWith(unreachable())))
                    .isInstanceOf(IdentityProviderUnavailableException.class);
        }
        assertThat(token().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(admin().getState()).as("the admin API's breaker is apart").isEqualTo(CircuitBreaker.State.CLOSED);

        AtomicInteger reached = new AtomicInteger();
        assertThatThrownBy(() -> calls.tokenEndpoint(() -> reached.incrementAndGet()))
                .isInstanceOf(IdentityProviderUnavailableException.class)
                .hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(reached).hasValue(0);
    }

    @Test
    void anIdempotentAdminCallIsTriedOnceMoreAfterAConnectionFailure() {
        AtomicInteger attempts = new AtomicInteger();

        String answer = calls.idempotentAdmin(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw unreachable();
            }
            return "user";
        });

        assertThat(answer).isEqualTo("user");
        assertThat(attempts).hasValue(2);
        assertThat(admin().getMetrics().getNumberOfFailedCalls()).as("each attempt counts").isEqualTo(1);
    }

    @Test
    void retriesAreBoundedAndSkipTimeoutsAndRefusals() {
        assertThat(attempts(unreachable(), calls::idempotentAdmin)).as("bounded").isEqualTo(2);
        assertThat(attempts(timedOut(), calls::idempotentAdmin)).as("timed out").isEqualTo(1);
        assertThat(attempts(new ConflictException("taken"), calls::idempotentAdmin)).as("refused").isEqualTo(1);
    }

    @Test
    void loginsAndNonIdempotentAdminCallsAreNeverRetried() {
        assertThat(attempts(unreachable(), calls::tokenEndpoint)).isEqualTo(1);
        assertThat(attempts(unreachable(), calls::admin)).isEqualTo(1);
    }

    /** How often {@code guard} calls a Keycloak call that always fails with {@code failure}. */
    private static int attempts(RuntimeException failure, Function<Supplier<Object>, Object> guard) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            guard.apply(() -> {
                attempts.incrementAndGet();
                throw failure;
            });
        } catch (RuntimeException expected) {
            // the failure itself is not the point here
        }
        return attempts.get();
    }

    private static <T> Supplier<T> failingWith(RuntimeException failure) {
        return () -> {
            throw failure;
        };
    }

    private static IdentityProviderUnavailableException unreachable() {
        return new IdentityProviderUnavailableException(new ProcessingException(new IOException("Connection reset")));
    }

    private static IdentityProviderUnavailableException timedOut() {
        return new IdentityProviderUnavailableException(new ProcessingException(
                new SocketTimeoutException("Read timed out")));
    }

    private CircuitBreaker token() {
        return breakers.circuitBreaker(KeycloakCalls.TOKEN);
    }

    private CircuitBreaker admin() {
        return breakers.circuitBreaker(KeycloakCalls.ADMIN);
    }
}
