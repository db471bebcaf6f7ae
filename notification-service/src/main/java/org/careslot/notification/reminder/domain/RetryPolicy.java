package org.careslot.notification.reminder.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential back-off between delivery attempts: initial, initial × multiplier, … capped at maxBackoff; after
 * maxAttempts attempts the message is FAILED.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || multiplier < 1.0) {
            throw new IllegalArgumentException("back-off must grow from initialBackoff up to maxBackoff");
        }
    }

    /**
     * @param attemptsMade attempts so far, the failed one included
     * @return when to try again, or empty when the message has had all its attempts
     */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant failedAt) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attemptsMade - 1));
        long capped = (long) Math.min(millis, maxBackoff.toMillis());
        return Optional.of(failedAt.plusMillis(capped));
    }
}
