package org.careslot.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.careslot.platform.messaging.metrics.OutboxBacklog;
import org.careslot.platform.messaging.metrics.RelayMetrics;
import org.careslot.platform.messaging.outbox.OutboxPublisher;
import org.careslot.platform.messaging.outbox.OutgoingEvent;
import org.careslot.platform.messaging.relay.OutboxRelay;
import org.careslot.platform.messaging.relay.RelayState;
import org.careslot.platform.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox backlog gauge and the relay's lag timer against real PostgreSQL and Kafka: a relayed event has its
 * commit-to-acknowledgement time recorded and leaves no backlog; events committed while the relay is stopped are
 * the backlog.
 */
@RealInfrastructure(database = "messaging_metrics")
@SpringBootTest(properties = {
        "spring.application.name=messaging-metrics-test",
        "careslot.messaging.outbox.backlog-refresh-interval=0s",
        "careslot.messaging.topics[test.metrics.v1].partitions=1",
})
@DirtiesContext
class OutboxMetricsTest {

    static final Duration ARRIVAL = Duration.ofSeconds(60);
    static final String TOPIC = "test.metrics.v1";

    @Autowired
    OutboxPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcTemplate jdbc;

    record Thing(String thingId) {
    }

    @Test
    void relayedEventsAreTimedFromCommitToKafkaAndEventsWaitingForTheRelayAreTheBacklog() {
        await().atMost(ARRIVAL).until(() -> relay.status().state() == RelayState.RUNNING);

        publish("relayed");
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(backlog()).as(this::describe).isZero());
        Timer lag = meters.get(RelayMetrics.LAG).tag("topic", TOPIC).timer();
        assertThat(lag.count()).isOne();
        assertThat(lag.max(TimeUnit.MILLISECONDS)).isNotNegative();
        assertThat(meters.get(RelayMetrics.PUBLISHED).tag("topic", TOPIC).counter().count()).isOne();

        relay.stop(); // the context is discarded after this class (@DirtiesContext)
        for (int i = 0; i < 3; i++) {
            publish("waiting-" + i);
        }
        assertThat(backlog()).as(this::describe).isEqualTo(3.0);
        assertThat(lag.count()).isOne();
    }

    /** What the gauge counts from, for a failure message. */
    private String describe() {
        return "offsets " + jdbc.queryForList("SELECT convert_from(offset_value, 'UTF8') FROM outbox_relay_offset",
                String.class) + ", outbox " + jdbc.queryForList("SELECT created_at::text FROM outbox", String.class);
    }

    private double backlog() {
        return meters.get(OutboxBacklog.NAME).gauge().value();
    }

    private void publish(String id) {
        transactions.executeWithoutResult(status -> publisher.publish(new OutgoingEvent(TOPIC, id, "thing.changed", 1,
                "urn:careslot:test:thing:1", new Thing(id))));
    }
}
