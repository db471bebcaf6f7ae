-- Private iCalendar feed URLs (GET /api/v1/calendar/feed-url/): at most one active token per user (the primary key);
-- revoking deletes the row, the next request creates a new token. Feeds are looked up by the token's SHA-256 hash
-- (unique). The token itself is kept as well because the same URL must be handed out again on every request (a
-- calendar app's subscription keeps working): a leaked table gives working feed URLs until they are revoked, and a
-- feed carries appointment times and statuses only, never medical data.
CREATE TABLE calendar_feed_token (
    user_id    uuid        PRIMARY KEY,
    token_hash bytea       NOT NULL UNIQUE,
    token      text        NOT NULL,
    created_at timestamptz NOT NULL
);
