package org.careslot.platform.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keycloak's token signing keys (the realm's JWKS), held in memory so that tokens keep being checked while Keycloak
 * is unreachable. {@link #start()} fetches them in the background at start-up, retrying with backoff until Keycloak
 * answers (it may start after us), then refreshes them every {@link #REFRESH_INTERVAL}. A failed fetch never drops
 * keys: the last good set stays until Keycloak answers again. A token naming an unknown key id re-fetches at once
 * (Keycloak rotated its key), at most once per {@link #UNKNOWN_KEY_REFRESH_INTERVAL}, so tokens with made-up key ids
 * cannot turn into a stream of requests to Keycloak; such a token finds no key and is rejected (401). Only while no
 * set was ever fetched does a token wait for a fetch, and fail with a {@link KeySourceException} (503) if Keycloak
 * cannot be reached.
 *
 * <p>Nimbus' {@code JWKSourceBuilder} was the first candidate, but its layers do not give this behaviour: its rate
 * limiter throws when exceeded, which Spring turns into a 503 for every further unknown key id; its cache expires and
 * then reloads on the thread of a request (the gateway's event loop); it has no start-up fetch. Fetching (timeouts,
 * size limit, parsing) is Nimbus' {@link URLBasedJWKSetSource}.
 */
public final class SigningKeys implements JWKSource<SecurityContext>, AutoCloseable {

    /** How often a fetched set is refreshed (keys Keycloak removed stop being accepted after at most this long). */
    public static final Duration REFRESH_INTERVAL = Duration.ofMinutes(5);
    /** Minimum time between two fetches for tokens with an unknown key id. */
    public static final Duration UNKNOWN_KEY_REFRESH_INTERVAL = Duration.ofSeconds(10);
    /** While no set was fetched yet, a failed fetch answers the tokens of this long without trying again. */
    static final Duration FAILED_FIRST_FETCH_HOLD = Duration.ofSeconds(1);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int READ_TIMEOUT_MS = 2_000;
    private static final int SIZE_LIMIT_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private record Fetched(JWKSet keys, Instant at) {
    }

    private final String jwkSetUri;
    private final JWKSetSource<SecurityContext> remote;
    private final InstantSource clock;
    private final Duration unknownKeyRefreshInterval;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Fetched current;
    // guarded by fetching
    private Instant lastAttempt = Instant.MIN;
    private Instant lastUnknownKeyRefresh = Instant.MIN;
    private KeySourceException lastFailure;
    private ScheduledExecutorService background;

    public SigningKeys(String jwkSetUri) {
        this(jwkSetUri, UNKNOWN_KEY_REFRESH_INTERVAL, InstantSource.system());
    }

    SigningKeys(String jwkSetUri, Duration unknownKeyRefreshInterval, InstantSource clock) {
        this.jwkSetUri = jwkSetUri;
        try {
            this.remote = new URLBasedJWKSetSource<>(URI.create(jwkSetUri).toURL(),
                    new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, SIZE_LIMIT_BYTES));
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JWKS URL: " + jwkSetUri, e);
        }
        this.unknownKeyRefreshInterval = unknownKeyRefreshInterval;
        this.clock = clock;
    }

    /** Fetches the keys now on a background thread, retrying until Keycloak answers, then refreshes them periodically. */
    public synchronized SigningKeys start() {
        if (background == null) {
            background = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                    .name("signing-keys-refresh").daemon().factory());
            background.execute(() -> fetchInBackground(FIRST_RETRY));
        }
        return this;
    }

    /** When the set in memory was fetched; empty while none was ever fetched. */
    public Optional<Instant> fetchedAt() {
        Fetched fetched = current;
        return fetched == null ? Optional.empty() : Optional.of(fetched.at());
    }

    /**
     * The keys of the set in memory that {@code selector} selects, without any I/O: empty when none match or no set
     * was fetched yet, in which case {@link #get} would fetch.
     */
    public List<JWK> selectKnown(JWKSelector selector) {
        Fetched fetched = current;
        return fetched == null ? List.of() : selector.select(fetched.keys());
    }

    /**
     * The matching keys: from memory; re-fetched (rate-limited) for an unknown key id; fetched first if none ever
     * were. May block on HTTP for a few seconds in the last two cases.
     *
     * @throws KeySourceException only while no set was ever fetched and Keycloak cannot be reached
     */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        Fetched known = current;
        if (known == null) {
            known = fetchFirst();
        }
        List<JWK> matches = selector.select(known.keys());
        if (!matches.isEmpty()) {
            return matches;
        }
        return selector.select(refreshForUnknownKey(known).keys());
    }

    private Fetched fetchFirst() throws KeySourceException {
        fetching.lock();
        try {
            if (current != null) {
                return current;
            }
            if (lastFailure != null && clock.instant().isBefore(lastAttempt.plus(FAILED_FIRST_FETCH_HOLD))) {
                throw lastFailure;
            }
            return fetch();
        } finally {
            fetching.unlock();
        }
    }

    private Fetched refreshForUnknownKey(Fetched known) {
        fetching.lock();
        try {
            if (current != known) {
                return current; // refreshed while this thread waited
            }
            Instant now = clock.instant();
            if (now.isBefore(lastUnknownKeyRefresh.plus(unknownKeyRefreshInterval))) {
                return known;
            }
            lastUnknownKeyRefresh = now;
            return fetch();
        } catch (KeySourceException e) {
            return known;
        } finally {
            fetching.unlock();
        }
    }

    private void fetchInBackground(Duration retryDelay) {
        Duration next;
        try {
            fetching.lock();
            try {
                fetch();
            } finally {
                fetching.unlock();
            }
            next = REFRESH_INTERVAL;
            retryDelay = FIRST_RETRY;
        } catch (KeySourceException | RuntimeException e) {
            next = retryDelay;
            retryDelay = retryDelay.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retryDelay.multipliedBy(2);
            if (current == null) {
                log.info("Keycloak signing keys not fetched yet from {} ({}); next attempt in {} s", jwkSetUri,
                        e.getMessage(), next.toSeconds());
            }
        }
        Duration following = retryDelay;
        try {
            background.schedule(() -> fetchInBackground(following), next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // shut down: the application is stopping
        }
    }

    /** One fetch; the caller holds {@link #fetching}. */
    private Fetched fetch() throws KeySourceException {
        Instant now = clock.instant();
        lastAttempt = now;
        Fetched before = current;
        try {
            JWKSet keys = remote.getJWKSet(JWKSetCacheRefreshEvaluator.forceRefresh(), now.toEpochMilli(), null);
            Fetched fetched = new Fetched(keys, now);
            current = fetched;
            if (before == null) {
                log.info("Keycloak signing keys fetched from {}: key ids {}", jwkSetUri, keyIds(keys));
            } else if (lastFailure != null) {
                log.info("Keycloak signing keys reachable again at {}: key ids {}", jwkSetUri, keyIds(keys));
            } else if (!keyIds(keys).equals(keyIds(before.keys()))) {
                log.info("Keycloak signing keys changed: key ids {}", keyIds(keys));
            }
            lastFailure = null;
            return fetched;
        } catch (KeySourceException e) {
            if (before != null && lastFailure == null) {
                log.warn("Keycloak signing keys unreachable at {} ({}); keeping the last good set fetched at {}: "
                        + "key ids {}", jwkSetUri, e.getMessage(), before.at(), keyIds(before.keys()));
            }
            lastFailure = e;
            throw e;
        }
    }

    private static List<String> keyIds(JWKSet keys) {
        return keys.getKeys().stream().map(JWK::getKeyID).toList();
    }

    @Override
    public synchronized void close() {
        if (background != null) {
            background.shutdownNow();
        }
    }
}
