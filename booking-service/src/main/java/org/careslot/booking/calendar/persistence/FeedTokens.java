package org.careslot.booking.calendar.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.careslot.platform.web.jdbc.PostgresValues.instant;
import static org.careslot.platform.web.jdbc.PostgresValues.timestamp;

/** Table calendar_feed_token: one active feed per user (its nonce and its token's hash, never the token). */
@Repository
public class FeedTokens {

    public record Issued(byte[] nonce, byte[] tokenHash, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    public FeedTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Issued> of(UUID user) {
        return jdbc.sql("SELECT nonce, token_hash, created_at FROM calendar_feed_token WHERE user_id = ?").param(user)
                .query((rs, n) -> new Issued(rs.getBytes("nonce"), rs.getBytes("token_hash"),
                        instant(rs, "created_at")))
                .optional();
    }

    /** Stores the feed unless the user has one already (a concurrent first request): then nothing changes. */
    public void insertIfAbsent(UUID user, byte[] nonce, byte[] tokenHash, Instant now) {
        jdbc.sql("""
                        INSERT INTO calendar_feed_token (user_id, nonce, token_hash, created_at)
                        VALUES (:user, :nonce, :hash, :now) ON CONFLICT (user_id) DO NOTHING""")
                .param("user", user).param("nonce", nonce).param("hash", tokenHash).param("now", timestamp(now))
                .update();
    }

    /** After a change of key: the feed is found by its new token's hash, the old URL stops working. */
    public void updateHash(UUID user, byte[] tokenHash) {
        jdbc.sql("UPDATE calendar_feed_token SET token_hash = ? WHERE user_id = ?").param(tokenHash).param(user)
                .update();
    }

    public void delete(UUID user) {
        jdbc.sql("DELETE FROM calendar_feed_token WHERE user_id = ?").param(user).update();
    }

    /**
     * The owner of the token with this hash, unless this service knows the owner's account as deactivated (a
     * deactivated account's feed stops answering; its token is kept, should the account come back).
     */
    public Optional<UUID> ownerOf(byte[] hash) {
        return jdbc.sql("""
                        SELECT t.user_id FROM calendar_feed_token t LEFT JOIN app_user u ON u.id = t.user_id
                        WHERE t.token_hash = ? AND coalesce(u.is_active, true)""")
                .param(hash).query(UUID.class).optional();
    }
}
