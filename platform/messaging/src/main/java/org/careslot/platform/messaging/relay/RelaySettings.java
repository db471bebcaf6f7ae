package org.careslot.platform.messaging.relay;

import org.careslot.platform.messaging.MessagingProperties;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Everything the relay needs, resolved at start-up: names, database coordinates and the Debezium
 * engine properties (settings verified against Debezium 3.6.3 / PostgreSQL 17, see infra-notes).
 */
public record RelaySettings(String applicationName, String slotName, String publicationName,
                            PostgresCoordinates database, MessagingProperties.Relay relay,
                            Map<String, Object> producerProperties) {

    public RelaySettings {
        producerProperties = Map.copyOf(producerProperties);
    }

    /** @param schema the schema of the outbox table (from {@link ReplicationSetup#ensure()}) */
    Properties engineProperties(String schema) {
        Properties p = new Properties();
        // the engine name keys the stored offsets: keep it stable across releases
        p.setProperty("name", slotName);
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("topic.prefix", slotName);

        p.setProperty("offset.storage", PostgresOffsetBackingStore.class.getName());
        p.setProperty(PostgresOffsetBackingStore.URL, database.jdbcUrl());
        p.setProperty(PostgresOffsetBackingStore.USER, database.user());
        if (database.password() != null) {
            p.setProperty(PostgresOffsetBackingStore.PASSWORD, database.password());
        }
        p.setProperty("offset.flush.interval.ms", millis(relay.offsetFlushInterval()));
        p.setProperty("offset.flush.timeout.ms", "10000");

        p.setProperty("database.hostname", database.host());
        p.setProperty("database.port", String.valueOf(database.port()));
        p.setProperty("database.dbname", database.database());
        p.setProperty("database.user", database.user());
        if (database.password() != null) {
            p.setProperty("database.password", database.password());
        }

        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", slotName);
        p.setProperty("publication.name", publicationName);
        // the publication is created by ReplicationSetup before anything can be written
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("slot.drop.on.stop", "false");
        // a standby that just took over may find the old holder's WAL sender still attached for a moment
        p.setProperty("slot.max.retries", "30");
        p.setProperty("slot.retry.delay.ms", "1000");
        // both the stored offset and the slot's confirmed_flush_lsn only advance after Kafka acknowledged:
        // resume from the later of the two (self-heals a lost offset row or a re-created slot)
        p.setProperty("offset.mismatch.strategy", "trust_greater_lsn");
        p.setProperty("table.include.list", schema + ".outbox");
        // events are only ever streamed; rows committed before the slot existed are not events of ours
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("poll.interval.ms", millis(relay.pollInterval()));
        p.setProperty("heartbeat.interval.ms", millis(relay.heartbeatInterval()));
        // give up quickly on a broken connection: the relay supervisor restarts the engine and reports DOWN
        p.setProperty("errors.max.retries", "3");
        p.setProperty("errors.retry.delay.initial.ms", "500");
        p.setProperty("errors.retry.delay.max.ms", "5000");

        p.setProperty("transforms", "outbox");
        p.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        p.setProperty("transforms.outbox.route.by.field", "aggregate_type");
        p.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}");
        p.setProperty("transforms.outbox.table.field.event.id", "id");
        p.setProperty("transforms.outbox.table.field.event.key", "aggregate_id");
        p.setProperty("transforms.outbox.table.field.event.type", "type");
        p.setProperty("transforms.outbox.table.field.event.payload", "payload");
        p.setProperty("transforms.outbox.table.fields.additional.placement", "traceparent:header:traceparent");
        p.setProperty("transforms.outbox.table.field.additional.missing", "ignore");
        p.setProperty("transforms.outbox.table.expand.json.payload", "false");
        p.setProperty("transforms.outbox.table.op.invalid.behavior", "warn");

        relay.debezium().forEach(p::setProperty);
        return p;
    }

    /** Boot's producer settings (security, bootstrap) with the relay's guarantees on top. */
    Map<String, Object> kafkaProducerProperties() {
        Map<String, Object> p = new HashMap<>(producerProperties);
        p.remove("transactional.id");
        p.remove("key.serializer");
        p.remove("value.serializer");
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        // idempotence keeps per-partition order with up to 5 requests in flight, retries included
        p.put("max.in.flight.requests.per.connection", "5");
        p.put("client.id", slotName.replace('_', '-') + "-relay");
        // a missing topic or unreachable broker fails the batch within this time instead of 60 s
        p.put("max.block.ms", "15000");
        p.putAll(relay.producer());
        return p;
    }

    private static String millis(Duration duration) {
        return String.valueOf(duration.toMillis());
    }
}
