package org.careslot.platform.messaging.consume;

import io.micrometer.observation.ObservationRegistry;
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

    /**
     * @param observations observes the dead-letter sends: the error handler runs inside the failed record's
     *                     listener observation, so a dead letter stays in the trace of the record it carries
     */
    public DeadLetterPublishing(Map<String, Object> producerProperties, KafkaAdmin admin, int partitions,
                                short replicationFactor, ObservationRegistry observations) {
        Map<String, Object> config = new HashMap<>(producerProperties);
        config.remove("transactional.id");
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        this.producerFactory = new DefaultKafkaProducerFactory<>(config, new DeadLetterSerializer(),
                new DeadLetterSerializer());
        KafkaTemplate<Object, Object> template = new KafkaTemplate<>(producerFactory);
        if (!observations.isNoop()) {
            template.setObservationEnabled(true);
            template.setObservationRegistry(observations);
        }
        this.recoverer = new DeadLetterPublishingRecoverer(template,
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
