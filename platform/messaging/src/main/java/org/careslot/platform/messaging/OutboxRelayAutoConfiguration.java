package org.careslot.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.careslot.platform.messaging.relay.MicrometerRelayTracing;
import org.careslot.platform.messaging.metrics.RelayMetrics;
import org.careslot.platform.messaging.relay.OutboxRelay;
import org.careslot.platform.messaging.relay.OutboxRelayHealthIndicator;
import org.careslot.platform.messaging.relay.PostgresCoordinates;
import org.careslot.platform.messaging.relay.PublishedListener;
import org.careslot.platform.messaging.relay.RelaySettings;
import org.careslot.platform.messaging.relay.RelayTracing;
import org.careslot.platform.messaging.relay.ReplicationSetup;
import org.careslot.platform.messaging.schema.MessagingSchemaMigration;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;

/**
 * The Debezium outbox relay ({@code careslot.messaging.relay.enabled}, default true). The publication and
 * slot are created while this bean is built — before any web request or listener can write an event.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnBean(MessagingSchemaMigration.class)
@ConditionalOnBooleanProperty(name = "careslot.messaging.relay.enabled", matchIfMissing = true)
public class OutboxRelayAutoConfiguration {

    @Bean
    RelaySettings outboxRelaySettings(MessagingProperties properties, Environment environment,
                                      KafkaProperties kafkaProperties) {
        String application = MessagingAutoConfiguration.applicationName(environment);
        MessagingProperties.Relay relay = properties.relay();
        String defaultName = ReplicationSetup.defaultName(application);
        PostgresCoordinates database = PostgresCoordinates.fromJdbcUrl(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
        return new RelaySettings(application,
                StringUtils.hasText(relay.slotName()) ? relay.slotName() : defaultName,
                StringUtils.hasText(relay.publicationName()) ? relay.publicationName() : defaultName,
                database, relay, kafkaProperties.buildProducerProperties());
    }

    @Bean
    ReplicationSetup outboxReplicationSetup(DataSource dataSource, RelaySettings settings) {
        return new ReplicationSetup(dataSource, settings.slotName(), settings.publicationName());
    }

    @Bean
    OutboxRelay outboxRelay(RelaySettings settings, ReplicationSetup replication, MessagingSchemaMigration schema,
                            ObjectProvider<KafkaAdmin> kafkaAdmin, ObjectProvider<MeterRegistry> meters,
                            ObjectProvider<RelayTracing> tracing) {
        // synchronous on purpose: from here on every committed outbox row is retained for the relay
        String outboxSchema = replication.ensure();
        // must not throw (the relay's contract): with the broker unreachable KafkaAdmin fails, and the engine's own
        // failure then drives the retry — one line here instead of a stack trace per attempt
        Runnable declareTopics = () -> kafkaAdmin.ifAvailable(admin -> {
            try {
                admin.initialize();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(OutboxRelay.class).warn("Could not declare topics yet: {}", e.getMessage());
            }
        });
        MeterRegistry registry = meters.getIfAvailable();
        PublishedListener published = registry != null ? new RelayMetrics(registry)
                : (topic, committedAt, acknowledgedAt) -> { };
        return new OutboxRelay(settings, outboxSchema, replication, declareTopics, published,
                tracing.getIfAvailable(() -> RelayTracing.NONE));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class TracingConfiguration {

        /** The relay's span between the outbox row and Kafka; off with careslot.messaging.observation.enabled=false. */
        @Bean
        @ConditionalOnBooleanProperty(name = "careslot.messaging.observation.enabled", matchIfMissing = true)
        RelayTracing outboxRelayTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            return new MicrometerRelayTracing(tracer, propagator);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {

        /** Contributor name {@code outboxRelay}. */
        @Bean
        OutboxRelayHealthIndicator outboxRelayHealthIndicator(OutboxRelay relay) {
            return new OutboxRelayHealthIndicator(relay);
        }
    }
}
