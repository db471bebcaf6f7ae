package org.careslot.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-client-IP token buckets for the unauthenticated auth endpoints (login, register, refresh).
 *
 * @param enabled         off switch (e.g. for load tests)
 * @param capacity        burst size: requests a client may make at once
 * @param refillPerMinute steady rate: tokens added per minute, continuously
 */
@ConfigurationProperties("careslot.gateway.rate-limit")
public record AuthRateLimitProperties(boolean enabled, int capacity, int refillPerMinute) {

    public AuthRateLimitProperties {
        if (enabled && (capacity < 1 || refillPerMinute < 1)) {
            throw new IllegalArgumentException("careslot.gateway.rate-limit: capacity and refill-per-minute must be >= 1");
        }
    }
}
