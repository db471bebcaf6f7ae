package org.careslot.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.careslot.platform.messaging.metrics.OutboxBacklog;
import org.careslot.platform.messaging.schema.MessagingSchemaMigration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The outbox backlog gauge ({@link OutboxBacklog}), in every service with an outbox, whether or not this replica
 * runs the relay. Relay lag and published counts come with the relay ({@link OutboxRelayAutoConfiguration});
 * Kafka consumer metrics such as {@code kafka.consumer.fetch.manager.records.lag.max} come from Boot's
 * Micrometer listener on its consumer factory, which every {@code @KafkaListener} of a service uses.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MessagingSchemaMigration.class)
public class MessagingMetricsAutoConfiguration {

    @Bean
    OutboxBacklog outboxBacklog(DataSource dataSource, MessagingProperties properties,
                                MessagingSchemaMigration schema) {
        return new OutboxBacklog(new JdbcTemplate(dataSource), properties.outbox().backlogRefreshInterval());
    }
}
