package org.careslot.platform.messaging.consume;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Where a failed record goes: {@code <topic>.dlt}, partition chosen by key (not the source partition, so
 * the dead-letter topic needs no particular partition count). The topic is created on first use if a
 * service did not declare it, because brokers here do not auto-create topics and a dead letter that
 * cannot be written would block the partition.
 */
public final class DeadLetterTopics implements BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> {

    public static final String SUFFIX = ".dlt";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopics.class);

    private final KafkaAdmin admin;
    private final int partitions;
    private final short replicationFactor;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public DeadLetterTopics(KafkaAdmin admin, int partitions, short replicationFactor) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    public static String of(String topic) {
        return topic + SUFFIX;
    }

    @Override
    public TopicPartition apply(ConsumerRecord<?, ?> record, Exception exception) {
        String topic = of(record.topic());
        if (known.add(topic)) {
            try {
                // creates only what is missing; an existing (declared) topic is left as it is
                admin.createOrModifyTopics(new NewTopic(topic, partitions, replicationFactor));
            } catch (RuntimeException e) {
                known.remove(topic);
                log.warn("Could not make sure dead-letter topic {} exists", topic, e);
            }
        }
        return new TopicPartition(topic, -1);
    }
}
