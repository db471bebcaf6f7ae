package org.careslot.platform.messaging;

import io.micrometer.observation.ObservationRegistry;
import org.careslot.platform.messaging.consume.DeadLetterPublishing;
import org.careslot.platform.messaging.consume.FailureReason;
import org.careslot.platform.messaging.consume.InfrastructureOutage;
import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Error handling of every {@code @KafkaListener} built by Boot's container factory (Boot applies a single
 * {@link CommonErrorHandler} bean to it): bounded exponential retries, then the record goes to
 * {@code <topic>.dlt} with a {@value FailureReason#HEADER} header, and the partition moves on — except while the
 * service's database is away ({@link InfrastructureOutage}): then the record is retried until it succeeds. Records that
 * are not events of the contract ({@link InvalidEventException}) are dead-lettered without retries. Kafka
 * observation is on for every container and template ({@link KafkaObservation}), so traces continue across Kafka.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, MessagingAutoConfiguration.class})
@ConditionalOnBean(KafkaAdmin.class)
public class KafkaConsumerAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerAutoConfiguration.class);

    /** Static: a post-processor must exist before the beans it processes. */
    @Bean
    @ConditionalOnBooleanProperty(name = "careslot.messaging.observation.enabled", matchIfMissing = true)
    static KafkaObservation messagingKafkaObservation() {
        return new KafkaObservation();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "careslot.messaging.consumer.dead-letter.enabled", matchIfMissing = true)
    DeadLetterPublishing messagingDeadLetterPublishing(MessagingProperties properties, KafkaAdmin admin,
                                                       KafkaProperties kafkaProperties,
                                                       ObjectProvider<ObservationRegistry> observations,
                                                       Environment environment) {
        MessagingProperties.DeadLetter deadLetter = properties.consumer().deadLetter();
        short replication = deadLetter.replicationFactor() != null ? deadLetter.replicationFactor()
                : properties.topicDefaults().replicationFactor();
        boolean observed = environment.getProperty("careslot.messaging.observation.enabled", Boolean.class, true);
        return new DeadLetterPublishing(kafkaProperties.buildProducerProperties(), admin, deadLetter.partitions(),
                replication, observed ? observations.getIfUnique(() -> ObservationRegistry.NOOP)
                : ObservationRegistry.NOOP);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler messagingErrorHandler(MessagingProperties properties,
                                              ObjectProvider<DeadLetterPublishing> deadLetters) {
        MessagingProperties.Retry retry = properties.consumer().retry();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DeadLetterPublishing publishing = deadLetters.getIfAvailable();
        ConsumerRecordRecoverer recoverer = publishing != null ? publishing.recoverer()
                : (record, exception) -> log.error("Skipping {}-{}@{} after retries (dead letters disabled): {}",
                        record.topic(), record.partition(), record.offset(), FailureReason.describe(exception));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        // the database away: the same event will succeed once it is back, so wait for it without a limit
        ExponentialBackOff untilBack = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        untilBack.setMaxInterval(retry.outageMaxInterval().toMillis());
        handler.setBackOffFunction((record, failure) -> InfrastructureOutage.causedBy(failure) ? untilBack : null);
        return handler;
    }
}
