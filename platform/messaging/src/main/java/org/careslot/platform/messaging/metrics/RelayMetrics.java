package org.careslot.platform.messaging.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.careslot.platform.messaging.relay.PublishedListener;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per topic: {@value #PUBLISHED} counts the outbox events Kafka acknowledged, {@value #LAG} times each from its
 * transaction's commit in PostgreSQL to Kafka's acknowledgement (the database's clock against this JVM's: the same
 * host or NTP-synchronised hosts are assumed; a negative difference counts as zero).
 */
public class RelayMetrics implements PublishedListener {

    public static final String PUBLISHED = "careslot.outbox.relay.published";
    public static final String LAG = "careslot.outbox.relay.lag";

    private record Meters(Counter published, Timer lag) {
    }

    private final MeterRegistry registry;
    private final Map<String, Meters> byTopic = new ConcurrentHashMap<>();

    public RelayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void published(String topic, @Nullable Instant committedAt, Instant acknowledgedAt) {
        Meters meters = byTopic.computeIfAbsent(topic, this::register);
        meters.published().increment();
        if (committedAt != null) {
            Duration lag = Duration.between(committedAt, acknowledgedAt);
            meters.lag().record(lag.isNegative() ? Duration.ZERO : lag);
        }
    }

    private Meters register(String topic) {
        return new Meters(
                Counter.builder(PUBLISHED).description("Outbox events acknowledged by Kafka").tag("topic", topic)
                        .register(registry),
                Timer.builder(LAG).description("From the outbox row's commit to Kafka's acknowledgement")
                        .tag("topic", topic)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(5))
                        .maximumExpectedValue(Duration.ofMinutes(5))
                        .register(registry));
    }
}
