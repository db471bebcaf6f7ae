package org.careslot.platform.messaging.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.careslot.platform.messaging.MessagingProperties;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The topics a service declares (creates if missing) at start-up, from {@code careslot.messaging.topics}
 * with {@code careslot.messaging.topic-defaults} filling the gaps. Boot's {@code KafkaAdmin} creates them
 * (and adds partitions when the declaration grew); the relay re-applies them before each engine start,
 * so a broker that was down at boot does not leave topics missing.
 */
public final class TopicDeclarations {

    private final List<NewTopic> topics;

    public TopicDeclarations(MessagingProperties properties) {
        MessagingProperties.TopicDefaults defaults = properties.topicDefaults();
        this.topics = properties.topics().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> newTopic(entry.getKey(), entry.getValue(), defaults))
                .toList();
    }

    private static NewTopic newTopic(String name, MessagingProperties.Topic topic,
                                     MessagingProperties.TopicDefaults defaults) {
        int partitions = topic.partitions() != null ? topic.partitions() : defaults.partitions();
        short replication = topic.replicationFactor() != null ? topic.replicationFactor() : defaults.replicationFactor();
        Integer minInsync = topic.minInsyncReplicas() != null ? topic.minInsyncReplicas() : defaults.minInsyncReplicas();
        Map<String, String> configs = new HashMap<>(topic.config());
        if (topic.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        if (minInsync != null) {
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsync));
        }
        return new NewTopic(name, partitions, replication).configs(configs);
    }

    public List<NewTopic> topics() {
        return topics;
    }

    public Set<String> names() {
        return Set.copyOf(topics.stream().map(NewTopic::name).toList());
    }
}
