package org.careslot.platform.messaging.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.careslot.platform.messaging.support.BoundProperties;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TopicDeclarationsTest {

    @Test
    void declaresTopicsByTheirDottedNamesWithDefaultsFillingTheGaps() {
        TopicDeclarations declarations = new TopicDeclarations(BoundProperties.messaging(Map.of(
                "careslot.messaging.topic-defaults.replication-factor", "3",
                "careslot.messaging.topic-defaults.min-insync-replicas", "2",
                "careslot.messaging.topics[booking.appointment.v1].partitions", "6",
                "careslot.messaging.topics[doctor.doctor.v1].compacted", "true",
                "careslot.messaging.topics[doctor.doctor.v1].replication-factor", "1",
                "careslot.messaging.topics[doctor.doctor.v1].min-insync-replicas", "1",
                "careslot.messaging.topics[doctor.doctor.v1].config[retention.ms]", "-1")));

        assertThat(declarations.names()).containsExactlyInAnyOrder("booking.appointment.v1", "doctor.doctor.v1");
        assertThat(declarations.topics()).extracting(NewTopic::name)
                .containsExactly("booking.appointment.v1", "doctor.doctor.v1");

        NewTopic appointments = declarations.topics().get(0);
        assertThat(appointments.numPartitions()).isEqualTo(6);
        assertThat(appointments.replicationFactor()).isEqualTo((short) 3);
        assertThat(appointments.configs()).containsExactly(Map.entry("min.insync.replicas", "2"));

        NewTopic doctors = declarations.topics().get(1);
        assertThat(doctors.numPartitions()).isEqualTo(3);
        assertThat(doctors.replicationFactor()).isEqualTo((short) 1);
        assertThat(doctors.configs()).containsOnly(
                Map.entry("cleanup.policy", "compact"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("retention.ms", "-1"));
    }

    @Test
    void nothingDeclaredNothingCreated() {
        TopicDeclarations declarations = new TopicDeclarations(BoundProperties.messaging(Map.of()));

        assertThat(declarations.topics()).isEmpty();
        assertThat(declarations.names()).isEmpty();
    }
}
