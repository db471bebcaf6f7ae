-- A service's own migration (Boot's Flyway, default location), next to the library's db/outbox run:
-- every test context thus checks that both histories coexist in one schema.
CREATE TABLE test_handled_event (
    event_id     uuid   PRIMARY KEY,
    aggregate_id text   NOT NULL,
    sequence     bigint NOT NULL
);
