package org.careslot.platform.messaging;

import io.micrometer.tracing.Tracer;
import org.careslot.platform.messaging.consume.AggregateSequences;
import org.careslot.platform.messaging.consume.EventConsumers;
import org.careslot.platform.messaging.consume.ProcessedEvents;
import org.careslot.platform.messaging.outbox.MicrometerTraceparentProvider;
import org.careslot.platform.messaging.outbox.OutboxPublisher;
import org.careslot.platform.messaging.outbox.TraceparentProvider;
import org.careslot.platform.messaging.schema.MessagingSchemaMigration;
import org.careslot.platform.messaging.schema.RetentionCleanup;
import org.careslot.platform.messaging.topics.TopicDeclarations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Outbox publishing, idempotent consumption, the library's tables and the declared topics. The relay and
 * the listener error handling have their own auto-configurations.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        FlywayAutoConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    /** {@code spring.application.name}: names the event source, the slot and the consumer. Required. */
    public static String applicationName(Environment environment) {
        String name = environment.getProperty("spring.application.name");
        if (!StringUtils.hasText(name)) {
            throw new IllegalStateException("platform-messaging needs spring.application.name "
                    + "(event source, replication slot and consumer names derive from it)");
        }
        return name;
    }

    @Bean
    MessagingSchemaMigration messagingSchemaMigration(DataSource dataSource, MessagingProperties properties) {
        return new MessagingSchemaMigration(dataSource, properties.schema().migrate());
    }

    @Bean
    TopicDeclarations messagingTopicDeclarations(MessagingProperties properties) {
        return new TopicDeclarations(properties);
    }

    /** Picked up by Boot's {@code KafkaAdmin}, which creates missing topics when the context starts. */
    @Bean
    KafkaAdmin.NewTopics messagingNewTopics(TopicDeclarations declarations) {
        return new KafkaAdmin.NewTopics(declarations.topics().toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxPublisher outboxPublisher(DataSource dataSource, MessagingProperties properties, Environment environment,
                                    ObjectProvider<TraceparentProvider> traceparents, ObjectProvider<Clock> clock,
                                    TopicDeclarations topics, MessagingSchemaMigration schema) {
        String source = StringUtils.hasText(properties.source()) ? properties.source()
                : "/" + applicationName(environment);
        return new OutboxPublisher(new JdbcTemplate(dataSource), source,
                traceparents.getIfAvailable(TraceparentProvider::none), clock.getIfAvailable(Clock::systemUTC),
                topics.names(), properties.outbox().requireDeclaredTopics());
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(DataSource dataSource, MessagingProperties properties, Environment environment,
                                    MessagingSchemaMigration schema) {
        return new ProcessedEvents(new JdbcTemplate(dataSource), consumerName(properties, environment));
    }

    @Bean
    @ConditionalOnMissingBean
    AggregateSequences aggregateSequences(DataSource dataSource, MessagingSchemaMigration schema) {
        return new AggregateSequences(new JdbcTemplate(dataSource));
    }

    /** The handler template; its transactions run on the service's (single) transaction manager. */
    @Bean
    @ConditionalOnMissingBean
    EventConsumers eventConsumers(MessagingProperties properties, Environment environment,
                                  ProcessedEvents processedEvents, AggregateSequences sequences,
                                  PlatformTransactionManager transactionManager) {
        return new EventConsumers(consumerName(properties, environment), processedEvents, sequences,
                new TransactionTemplate(transactionManager));
    }

    private static String consumerName(MessagingProperties properties, Environment environment) {
        return StringUtils.hasText(properties.consumer().name()) ? properties.consumer().name()
                : applicationName(environment);
    }

    @Bean
    RetentionCleanup messagingRetentionCleanup(DataSource dataSource, MessagingProperties properties,
                                               ObjectProvider<Clock> clock, MessagingSchemaMigration schema) {
        return new RetentionCleanup(new JdbcTemplate(dataSource), clock.getIfAvailable(Clock::systemUTC),
                properties.outbox().retention(), properties.consumer().processedRetention(),
                properties.outbox().cleanupInterval());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class TracingConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TraceparentProvider micrometerTraceparentProvider(ObjectProvider<Tracer> tracer) {
            return new MicrometerTraceparentProvider(tracer);
        }
    }
}
