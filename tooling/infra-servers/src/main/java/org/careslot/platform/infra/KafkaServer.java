package org.careslot.platform.infra;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * A real Kafka broker (KRaft, single node, combined broker and controller) running inside this
 * JVM. Used by tests; the local stack runs its broker as its own process with a durable log dir.
 */
public final class KafkaServer implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private KafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /** @param port 0 for a free port */
    public static KafkaServer start(int port) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        if (port > 0) {
            broker.kafkaPorts(port);
        }
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return new KafkaServer(broker);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
