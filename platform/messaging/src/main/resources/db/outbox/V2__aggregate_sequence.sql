-- Sequence guard of consumers: per consumer, topic and aggregate, the newest sequence applied. Written in the
-- handler's transaction; its row lock also serialises concurrent deliveries of one aggregate. Never expires
-- (unlike processed_event): forgetting a sequence would let an older state overwrite a newer one.
CREATE TABLE aggregate_sequence (
    consumer     text        NOT NULL,
    topic        text        NOT NULL,
    aggregate_id text        NOT NULL,
    sequence     bigint      NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, topic, aggregate_id)
);
