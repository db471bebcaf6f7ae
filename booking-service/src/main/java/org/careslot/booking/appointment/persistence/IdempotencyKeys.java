package org.careslot.booking.appointment.persistence;

import org.careslot.booking.support.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Table idempotency_key. {@link #claim} and {@link #complete} run in the transaction that creates the appointment, so a
 * committed key always holds the response of the appointment it created; a request that fails leaves no key behind.
 */
@Repository
public class IdempotencyKeys {

    /** The first response given for a key. */
    public record StoredResponse(String requestHash, int status, String body, UUID appointmentId) {

        @Override
        public String toString() { // the body holds medical data
            return "StoredResponse[status=" + status + ", appointmentId=" + appointmentId + "]";
        }
    }

    private final JdbcClient jdbc;

    public IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request. Blocks while another transaction holds an uncommitted claim of the same key,
     * then returns false if that one committed (read its response with {@link #find}) or true if it rolled back.
     *
     * @return true when the key is new (process the request and {@link #complete} it)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(UUID caller, String key, String requestHash, Instant now) {
        return jdbc.sql("""
                        INSERT INTO idempotency_key (caller_id, idempotency_key, request_hash, created_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(caller, key, requestHash, Sql.timestamp(now))
                .update() == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void complete(UUID caller, String key, int status, String body, UUID appointmentId) {
        jdbc.sql("""
                        UPDATE idempotency_key SET response_status = ?, response_body = ?, appointment_id = ?
                        WHERE caller_id = ? AND idempotency_key = ?""")
                .params(status, body, appointmentId, caller, key)
                .update();
    }

    public Optional<StoredResponse> find(UUID caller, String key) {
        return jdbc.sql("""
                        SELECT request_hash, response_status, response_body, appointment_id FROM idempotency_key
                        WHERE caller_id = ? AND idempotency_key = ? AND response_status IS NOT NULL""")
                .params(caller, key)
                .query((rs, n) -> new StoredResponse(rs.getString("request_hash"), rs.getInt("response_status"),
                        rs.getString("response_body"), rs.getObject("appointment_id", UUID.class)))
                .optional();
    }

    /** @return how many keys older than {@code before} were forgotten */
    public int deleteOlderThan(Instant before) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?").param(Sql.timestamp(before)).update();
    }
}
