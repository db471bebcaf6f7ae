package org.careslot.platform.messaging.relay;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health contributor {@code outboxRelay}: UP while the relay streams, starts or stands by for another
 * replica; DOWN while it is failing (the details say why). A DOWN relay loses nothing — events wait in
 * the WAL — but they are not reaching Kafka.
 */
public class OutboxRelayHealthIndicator extends AbstractHealthIndicator {

    private final OutboxRelay relay;

    public OutboxRelayHealthIndicator(OutboxRelay relay) {
        super("Outbox relay health check failed");
        this.relay = relay;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        RelayStatus status = relay.status();
        switch (status.state()) {
            case RUNNING, STARTING, STANDBY -> builder.up();
            case FAILED -> builder.down();
            case STOPPED -> builder.unknown();
        }
        builder.withDetail("state", status.state())
                .withDetail("since", status.since().toString())
                .withDetail("slot", relay.slotName())
                .withDetail("published", status.published());
        if (status.lastError() != null) {
            builder.withDetail("error", status.lastError());
        }
    }
}
