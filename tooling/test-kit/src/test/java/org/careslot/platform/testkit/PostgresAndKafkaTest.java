package org.careslot.platform.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@RealInfrastructure(database = "kit")
class PostgresAndKafkaTest {

    @Test
    void postgresRunsWithLogicalDecodingAndTheRequestedDatabase() throws Exception {
        try (var connection = DriverManager.getConnection(System.getProperty("spring.datasource.url"),
                System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
             var statement = connection.createStatement()) {
            var walLevel = statement.executeQuery("SHOW wal_level");
            walLevel.next();
            assertThat(walLevel.getString(1)).isEqualTo("logical");
            var version = statement.executeQuery("SHOW server_version_num");
            version.next();
            assertThat(version.getInt(1)).isGreaterThanOrEqualTo(170000);
            var database = statement.executeQuery("SELECT current_database()");
            database.next();
            assertThat(database.getString(1)).isEqualTo("kit");
        }
    }

    @Test
    void kafkaAcceptsAndDeliversRecords() throws Exception {
        String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("kit.check", 1, (short) 1))).all().get();
        }
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kit.check", "k", "hello")).get();
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "kit",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("kit.check"));
            var records = consumer.poll(Duration.ofSeconds(20));
            assertThat(records).extracting(r -> r.value()).containsExactly("hello");
        }
    }
}
