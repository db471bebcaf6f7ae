package org.careslot.platform.web.idempotency;

import org.careslot.platform.web.problem.InvalidFieldsException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes a POST that creates something safe to retry with an {@code Idempotency-Key} header: the first request with a
 * key runs and its response (status, JSON body, {@code Location}) is stored; a retry with the same key and the same
 * request answers that stored response with {@code Idempotent-Replayed: true} and runs nothing; the same key with a
 * different request is 422. Keys are scoped to the caller.
 *
 * <p>Claiming the key, running the action and storing its response happen in ONE transaction (the action's own
 * transaction joins it): a committed key always holds its response, and a request that fails (any exception: 4xx,
 * 5xx) leaves no key behind, so it may be retried. A concurrent retry blocks on the key's primary key until the first
 * transaction ends, then replays its response (or, if that one rolled back, runs itself): one key, one effect.
 *
 * <p>The service's Flyway migration creates the table (the helper only reads and writes it):
 * <pre>{@code
 * CREATE TABLE idempotency_key (
 *     caller_id         uuid        NOT NULL,
 *     idempotency_key   text        NOT NULL,
 *     request_hash      text        NOT NULL,
 *     response_status   int,
 *     response_body     text,
 *     response_location text,
 *     created_at        timestamptz NOT NULL,
 *     PRIMARY KEY (caller_id, idempotency_key));
 * CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
 * }</pre>
 * and schedules {@link #forgetOlderThan} for its retention. Stored bodies may hold personal data: keep the retention
 * short.
 */
public class Idempotent {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    public Idempotent(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    /**
     * Answers {@code action}'s response, or the stored first response of this caller's {@code key}.
     *
     * @param key     the Idempotency-Key header; null runs the action as it is (nothing stored)
     * @param request the bound request: a retry must equal it (compared by its JSON form)
     * @param action  creates the resource; its body is written as JSON, status and {@code Location} are kept
     * @throws InvalidFieldsException         400 on {@code Idempotency-Key}: blank or over 255 characters
     * @throws IdempotencyKeyReusedException  422, the key was used for a different request
     */
    public ResponseEntity<String> respond(UUID caller, String key, Object request,
                                          Supplier<? extends ResponseEntity<?>> action) {
        if (key == null) {
            return render(action.get()).response(false);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw InvalidFieldsException.of(KEY_HEADER, "Must be 1 to " + MAX_KEY_LENGTH + " characters.");
        }
        String hash = fingerprint(request);
        return transaction.execute(status -> {
            if (!claim(caller, key, hash)) {
                Stored stored = find(caller, key).orElseThrow(() ->
                        new IllegalStateException("a committed idempotency key without its response"));
                if (!stored.requestHash().equals(hash)) {
                    throw new IdempotencyKeyReusedException();
                }
                return stored.response().response(true);
            }
            Response response = render(action.get());
            jdbc.sql("""
                            UPDATE idempotency_key SET response_status = ?, response_body = ?, response_location = ?
                            WHERE caller_id = ? AND idempotency_key = ?""")
                    .params(response.status(), response.body(), response.location(), caller, key)
                    .update();
            return response.response(false);
        });
    }

    /** @return how many keys created before {@code before} were forgotten */
    public int forgetOlderThan(Instant before) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?").param(utc(before)).update();
    }

    /** A response as it is (or was first) sent. */
    private record Response(int status, String body, String location) {

        ResponseEntity<String> response(boolean replayed) {
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
            if (location != null) {
                answer.location(URI.create(location));
            }
            if (replayed) {
                answer.header(REPLAYED_HEADER, "true");
            }
            return answer.body(body);
        }

        @Override
        public String toString() { // the body may hold personal data
            return "Response[status=" + status + ", location=" + location + "]";
        }
    }

    private record Stored(String requestHash, Response response) {
    }

    private Response render(ResponseEntity<?> response) {
        URI location = response.getHeaders().getLocation();
        return new Response(response.getStatusCode().value(), json.writeValueAsString(response.getBody()),
                location == null ? null : location.toString());
    }

    /**
     * Blocks while another transaction holds an uncommitted claim of the same key, then fails if that one committed
     * and succeeds if it rolled back.
     */
    private boolean claim(UUID caller, String key, String hash) {
        return jdbc.sql("""
                        INSERT INTO idempotency_key (caller_id, idempotency_key, request_hash, created_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(caller, key, hash, utc(clock.instant()))
                .update() == 1;
    }

    private Optional<Stored> find(UUID caller, String key) {
        return jdbc.sql("""
                        SELECT request_hash, response_status, response_body, response_location FROM idempotency_key
                        WHERE caller_id = ? AND idempotency_key = ? AND response_status IS NOT NULL""")
                .params(caller, key)
                .query((rs, n) -> new Stored(rs.getString("request_hash"), new Response(rs.getInt("response_status"),
                        rs.getString("response_body"), rs.getString("response_location"))))
                .optional();
    }

    private static OffsetDateTime utc(Instant instant) { // the driver's mapping of timestamptz
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private String fingerprint(Object request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
