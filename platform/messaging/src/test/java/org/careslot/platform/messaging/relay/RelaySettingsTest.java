package org.careslot.platform.messaging.relay;

import org.careslot.platform.messaging.MessagingProperties;
import org.careslot.platform.messaging.support.BoundProperties;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelaySettingsTest {

    static RelaySettings settings(Map<String, String> properties, Map<String, Object> bootProducer) {
        MessagingProperties messaging = BoundProperties.messaging(properties);
        return new RelaySettings("booking-service", "booking_service_outbox", "booking_service_outbox",
                PostgresCoordinates.fromJdbcUrl("jdbc:postgresql://db:5433/booking", "booking", "secret"),
                messaging.relay(), bootProducer);
    }

    @Test
    void producerKeepsBootsConnectionSettingsButAlwaysWaitsForAllReplicasIdempotently() {
        Map<String, Object> producer = settings(Map.of(), Map.of(
                "bootstrap.servers", "kafka:9092",
                "security.protocol", "SSL",
                "acks", "1",
                "enable.idempotence", "false",
                "transactional.id", "tx-",
                "key.serializer", "org.apache.kafka.common.serialization.LongSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.LongSerializer"))
                .kafkaProducerProperties();

        assertThat(producer)
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("max.in.flight.requests.per.connection", "5")
                .containsEntry("client.id", "booking-service-outbox-relay")
                .doesNotContainKeys("transactional.id", "key.serializer", "value.serializer");
    }

    @Test
    void explicitRelayProducerSettingsWin() {
        Map<String, Object> producer = settings(Map.of(
                "careslot.messaging.relay.producer[linger.ms]", "5",
                "careslot.messaging.relay.producer[max.block.ms]", "3000"), Map.of())
                .kafkaProducerProperties();

        assertThat(producer).containsEntry("linger.ms", "5").containsEntry("max.block.ms", "3000");
    }

    @Test
    void engineStreamsOnlyTheOutboxThroughTheOutboxRouterWithDurableOffsets() {
        Properties engine = settings(Map.of(
                "careslot.messaging.relay.poll-interval", "20ms",
                "careslot.messaging.relay.heartbeat-interval", "0",
                "careslot.messaging.relay.debezium[max.batch.size]", "512"), Map.of())
                .engineProperties("booking");

        assertThat(engine)
                .containsEntry("name", "booking_service_outbox")
                .containsEntry("connector.class", "io.debezium.connector.postgresql.PostgresConnector")
                .containsEntry("plugin.name", "pgoutput")
                .containsEntry("slot.name", "booking_service_outbox")
                .containsEntry("publication.name", "booking_service_outbox")
                .containsEntry("publication.autocreate.mode", "disabled")
                .containsEntry("slot.drop.on.stop", "false")
                .containsEntry("table.include.list", "booking.outbox")
                .containsEntry("snapshot.mode", "no_data")
                .containsEntry("database.hostname", "db")
                .containsEntry("database.port", "5433")
                .containsEntry("database.dbname", "booking")
                .containsEntry("database.user", "booking")
                .containsEntry("database.password", "secret")
                .containsEntry("offset.storage", PostgresOffsetBackingStore.class.getName())
                .containsEntry(PostgresOffsetBackingStore.URL, "jdbc:postgresql://db:5433/booking")
                .containsEntry("offset.flush.interval.ms", "0")
                .containsEntry("poll.interval.ms", "20")
                .containsEntry("heartbeat.interval.ms", "0")
                .containsEntry("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter")
                .containsEntry("transforms.outbox.table.field.event.key", "aggregate_id")
                .containsEntry("transforms.outbox.route.by.field", "aggregate_type")
                .containsEntry("transforms.outbox.table.expand.json.payload", "false")
                .containsEntry("max.batch.size", "512");
    }

    @Test
    void databaseCoordinatesComeFromTheJdbcUrl() {
        PostgresCoordinates primaryFirst = PostgresCoordinates.fromJdbcUrl(
                "jdbc:postgresql://db-1:5433,db-2:5434/booking?sslmode=require", "u", "p");
        PostgresCoordinates defaults = PostgresCoordinates.fromJdbcUrl("jdbc:postgresql:booking", "u", null);

        assertThat(primaryFirst.host()).isEqualTo("db-1");
        assertThat(primaryFirst.port()).isEqualTo(5433);
        assertThat(primaryFirst.database()).isEqualTo("booking");
        assertThat(primaryFirst.toString()).doesNotContain("p]").isEqualTo("PostgresCoordinates[u@db-1:5433/booking]");
        assertThat(defaults.host()).isEqualTo("localhost");
        assertThat(defaults.port()).isEqualTo(5432);
        assertThatThrownBy(() -> PostgresCoordinates.fromJdbcUrl("jdbc:mysql://db/booking", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slotAndPublicationNamesDeriveFromTheApplicationName() {
        assertThat(ReplicationSetup.defaultName("booking-service")).isEqualTo("booking_service_outbox");
        assertThat(ReplicationSetup.defaultName("Booking.Service")).isEqualTo("booking_service_outbox");
        assertThat(ReplicationSetup.defaultName("x".repeat(80))).hasSize(63).endsWith("_outbox");
        assertThatThrownBy(() -> new ReplicationSetup(null, "Booking-Outbox", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slot name");
    }
}
