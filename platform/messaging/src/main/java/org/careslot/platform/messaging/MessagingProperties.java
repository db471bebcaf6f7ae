package org.careslot.platform.messaging;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the messaging library, prefix {@code careslot.messaging}. Every value has a default that
 * suits a local single-node stack; production overrides topic replication through
 * {@link TopicDefaults} (environment variables such as {@code CARESLOT_MESSAGING_TOPICDEFAULTS_REPLICATIONFACTOR}).
 *
 * @param source        CloudEvents {@code source} of published events; defaults to {@code /<spring.application.name>}
 * @param schema        the library's own tables (outbox, processed_event, relay offsets)
 * @param outbox        publishing side
 * @param relay         the Debezium relay from the outbox to Kafka
 * @param topicDefaults values for declared topics that do not set their own
 * @param topics        topics this service declares at start-up, by name. Names contain dots, so use the
 *                      bracket form: {@code careslot.messaging.topics[booking.appointment.v1].partitions=3}
 * @param consumer      consuming side
 */
@ConfigurationProperties("careslot.messaging")
public record MessagingProperties(
        @Nullable String source,
        @DefaultValue Schema schema,
        @DefaultValue Outbox outbox,
        @DefaultValue Relay relay,
        @DefaultValue TopicDefaults topicDefaults,
        @Nullable Map<String, Topic> topics,
        @DefaultValue Consumer consumer) {

    public MessagingProperties {
        topics = topics == null ? Map.of() : Map.copyOf(topics);
    }

    /** @param migrate run the library's Flyway migrations (own history table {@code messaging_schema_history}) */
    public record Schema(@DefaultValue("true") boolean migrate) {
    }

    /**
     * @param retention             outbox rows older than this are deleted (Debezium reads the WAL, not the
     *                              table, so rows are only kept for diagnosis)
     * @param cleanupInterval       how often old outbox and processed_event rows are deleted
     * @param requireDeclaredTopics refuse to publish to a topic that is not declared under {@code topics}: an
     *                              undeclared topic would otherwise stall the relay when the broker does
     *                              not auto-create topics
     * @param backlogRefreshInterval the {@code careslot.outbox.backlog} gauge counts at most this often, however
     *                              often it is scraped
     */
    public record Outbox(
            @DefaultValue("7d") Duration retention,
            @DefaultValue("1h") Duration cleanupInterval,
            @DefaultValue("true") boolean requireDeclaredTopics,
            @DefaultValue("5s") Duration backlogRefreshInterval) {
    }

    /**
     * @param enabled             run the relay in this process (one replica is active, the others stand by)
     * @param slotName            logical replication slot; default {@code <application_name>_outbox}
     * @param publicationName     publication over the outbox table; default {@code <application_name>_outbox}
     * @param pollInterval        Debezium's poll interval (its default of 500 ms adds latency)
     * @param lockRetryInterval   how often a standby replica tries to become the active relay
     * @param restartDelay        pause before restarting a failed engine
     * @param offsetFlushInterval how often Debezium offsets are stored; 0 = after every batch, which keeps
     *                            re-delivery after a crash to at most one batch
     * @param heartbeatInterval   Debezium heartbeats let the slot advance while only other tables change,
     *                            so the WAL does not pile up; 0 disables them
     * @param dropSlotOnStop      drop the replication slot when the relay stops (tests only: events committed
     *                            while no slot exists are never published)
     * @param debezium            extra or overriding Debezium engine properties
     * @param producer            extra or overriding Kafka producer properties of the relay
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @Nullable String slotName,
            @Nullable String publicationName,
            @DefaultValue("50ms") Duration pollInterval,
            @DefaultValue("2s") Duration lockRetryInterval,
            @DefaultValue("5s") Duration restartDelay,
            @DefaultValue("0ms") Duration offsetFlushInterval,
            @DefaultValue("30s") Duration heartbeatInterval,
            @DefaultValue("false") boolean dropSlotOnStop,
            @Nullable Map<String, String> debezium,
            @Nullable Map<String, String> producer) {

        public Relay {
            debezium = debezium == null ? Map.of() : Map.copyOf(debezium);
            producer = producer == null ? Map.of() : Map.copyOf(producer);
        }
    }

    /** Locally 3 partitions and replication factor 1; production at least 3/3 with min.insync.replicas=2. */
    public record TopicDefaults(
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor,
            @Nullable Integer minInsyncReplicas) {
    }

    /**
     * @param partitions        default {@link TopicDefaults#partitions()}
     * @param replicationFactor default {@link TopicDefaults#replicationFactor()}
     * @param compacted         {@code cleanup.policy=compact}
     * @param minInsyncReplicas default {@link TopicDefaults#minInsyncReplicas()}
     * @param config            any other topic configuration, e.g. {@code retention.ms}
     */
    public record Topic(
            @Nullable Integer partitions,
            @Nullable Short replicationFactor,
            @DefaultValue("false") boolean compacted,
            @Nullable Integer minInsyncReplicas,
            @Nullable Map<String, String> config) {

        public Topic {
            config = config == null ? Map.of() : Map.copyOf(config);
        }
    }

    /**
     * @param name               the consumer name under which the handler template ({@code EventConsumers})
     *                           records event ids ({@code processed_event}) and aggregate sequences
     *                           ({@code aggregate_sequence}); default {@code spring.application.name}
     * @param processedRetention processed event ids older than this are forgotten; keep it well above the
     *                           topics' retention (redelivery older than that cannot happen) — the
     *                           {@code sequence} check covers anything beyond
     * @param retry              blocking retries of a failing listener before the record is dead-lettered
     * @param deadLetter         publish records that still fail to {@code <topic>.dlt}
     */
    public record Consumer(
            @Nullable String name,
            @DefaultValue("30d") Duration processedRetention,
            @DefaultValue Retry retry,
            @DefaultValue DeadLetter deadLetter) {
    }

    /**
     * Exponential back-off: initial, initial*multiplier, ... capped at maxInterval, maxRetries times. While the
     * failure is the database being away, retries go on without a limit, capped at outageMaxInterval apart.
     */
    public record Retry(
            @DefaultValue("4") int maxRetries,
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("5s") Duration maxInterval,
            @DefaultValue("30s") Duration outageMaxInterval) {
    }

    /**
     * @param enabled           dead-letter records whose retries are exhausted (otherwise they are logged and skipped)
     * @param partitions        partitions of a {@code .dlt} topic created on first use (unless declared under topics)
     * @param replicationFactor replication of such a topic; default {@link TopicDefaults#replicationFactor()}
     */
    public record DeadLetter(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1") int partitions,
            @Nullable Short replicationFactor) {
    }
}
