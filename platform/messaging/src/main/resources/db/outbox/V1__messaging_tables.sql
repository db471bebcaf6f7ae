-- Tables of the platform messaging library. Applied by the library's own Flyway run with its own
-- history table (messaging_schema_history), so these version numbers never meet a service's.

-- Written in the same transaction as the state change; streamed from the WAL by the Debezium relay.
-- payload is text, not jsonb: the envelope must reach Kafka byte for byte as written (jsonb reorders keys).
CREATE TABLE outbox (
    id             uuid        PRIMARY KEY,           -- = the CloudEvents id
    aggregate_type text        NOT NULL,              -- = the Kafka topic (EventRouter routes by it)
    aggregate_id   text        NOT NULL,              -- = the Kafka record key
    type           text        NOT NULL,
    payload        text        NOT NULL,              -- the full envelope JSON
    traceparent    text,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_created_at_idx ON outbox (created_at);

-- Idempotent consumers: one row per (consumer, event) processed, inserted in the handler's transaction.
CREATE TABLE processed_event (
    event_id     uuid        NOT NULL,
    consumer     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);
CREATE INDEX processed_event_processed_at_idx ON processed_event (processed_at);

-- Durable Debezium offsets (Kafka Connect offset storage) of the relay, next to the data they describe.
CREATE TABLE outbox_relay_offset (
    offset_key   bytea       PRIMARY KEY,
    offset_value bytea       NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
