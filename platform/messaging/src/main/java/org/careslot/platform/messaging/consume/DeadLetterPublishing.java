package org.careslot.platform.messaging.consume;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import java.util.HashMap;
import java.util.Map;

/**
 * Publishes records whose retries are exhausted to {@code <topic>.dlt}, with its own producer (keys and
 * values written back byte for byte, whatever the service's producer serializers are). Deliberately not a
 * {@code ProducerFactory}/{@code KafkaTemplate} bean, which would compete with Boot's.
 */
public final class DeadLetterPublishing implements DisposableBean {

    private final DefaultKafkaProducerFactory<Object, Object> producerFactory;
    private final DeadLetterPublishingRecoverer recoverer;

    public DeadLetterPublishing(Map<String, Object> producerProperties, KafkaAdmin admin, int partitions,
                                short replicationFactor) {
        Map<String, Object> config = new HashMap<>(producerProperties);
        config.remove("transactional.id");
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        this.producerFactory = new DefaultKafkaProducerFactory<>(config, new DeadLetterSerializer(),
                new DeadLetterSerializer());
        this.recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producerFactory),
                new DeadLetterTopics(admin, partitions, replicationFactor));
        this.recoverer.setHeadersFunction(new FailureReason());
    }

    public ConsumerRecordRecoverer recoverer() {
        return recoverer;
    }

    @Override
    public void destroy() {
        producerFactory.destroy();
    }
}
