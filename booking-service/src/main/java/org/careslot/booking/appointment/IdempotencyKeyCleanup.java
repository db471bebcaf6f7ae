package org.careslot.booking.appointment;

import org.careslot.platform.web.idempotency.Idempotent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Forgets Idempotency-Keys after their retention (default 24 hours): a retry comes within minutes, and the stored
 * responses hold medical data that should not linger. Safe with any number of replicas (a plain DELETE).
 */
@Component
class IdempotencyKeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final Idempotent idempotent;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeyCleanup(Idempotent idempotent, Clock clock,
                          @Value("${careslot.booking.idempotency.retention:PT24H}") Duration retention) {
        this.idempotent = idempotent;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${careslot.booking.idempotency.cleanup-interval:PT1H}",
            fixedDelayString = "${careslot.booking.idempotency.cleanup-interval:PT1H}")
    void forgetOldKeys() {
        int forgotten = idempotent.forgetOlderThan(clock.instant().minus(retention));
        if (forgotten > 0) {
            log.info("Forgot {} idempotency keys older than {}", forgotten, retention);
        }
    }
}
