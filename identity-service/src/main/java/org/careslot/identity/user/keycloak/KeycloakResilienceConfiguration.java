package org.careslot.identity.user.keycloak;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;

/**
 * The registries behind {@link KeycloakCalls}, built from {@code careslot.identity.keycloak.circuit-breaker.*} and
 * {@code .retry.*}, and their meters on {@code /actuator/prometheus} ({@code resilience4j_circuitbreaker_*},
 * {@code resilience4j_retry_calls_total}; label {@code name}).
 */
@Configuration(proxyBeanMethods = false)
class KeycloakResilienceConfiguration {

    @Bean
    CircuitBreakerRegistry keycloakCircuitBreakers(KeycloakClientProperties properties) {
        KeycloakClientProperties.CircuitBreaker settings = properties.circuitBreaker();
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedNumberOfCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // 4xx answers (wrong password, taken e-mail, ...) end as other exceptions: successful calls
                .recordException(IdentityProviderUnavailableException.class::isInstance)
                .build());
    }

    @Bean
    RetryRegistry keycloakRetries(KeycloakClientProperties properties) {
        return RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(properties.retry().maxAttempts())
                .waitDuration(properties.retry().waitDuration())
                .retryOnException(KeycloakResilienceConfiguration::worthRetrying)
                .build());
    }

    @Bean
    MeterBinder keycloakCircuitBreakerMetrics(CircuitBreakerRegistry keycloakCircuitBreakers) {
        return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(keycloakCircuitBreakers);
    }

    @Bean
    MeterBinder keycloakRetryMetrics(RetryRegistry keycloakRetries) {
        return TaggedRetryMetrics.ofRetryRegistry(keycloakRetries);
    }

    /**
     * Keycloak unreachable or failing, but not slow: a call that timed out (connecting or reading) is not tried
     * again, it would hold the request thread for another timeout.
     */
    static boolean worthRetrying(Throwable failure) {
        if (!(failure instanceof IdentityProviderUnavailableException)) {
            return false;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException || cause instanceof HttpTimeoutException) {
                return false;
            }
        }
        return true;
    }
}
