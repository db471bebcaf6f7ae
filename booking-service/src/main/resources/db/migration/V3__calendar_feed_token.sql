-- Private iCalendar feed URLs (GET /api/v1/calendar/feed-url/): at most one active token per user (the primary key);
-- revoking deletes the row, the next request creates a new token. The token is not stored: it is an HMAC of the user
-- id and this row's random nonce under a key from the environment (CALENDAR_FEED_SECRET), so the same URL can be handed
-- out again without keeping it. Feeds are looked up by the token's SHA-256 hash (unique). A leaked table therefore
-- opens no feed: neither the nonce nor the hash gives the token without the key.
CREATE TABLE calendar_feed_token (
    user_id    uuid        PRIMARY KEY,
    nonce      bytea       NOT NULL,
    token_hash bytea       NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
);
