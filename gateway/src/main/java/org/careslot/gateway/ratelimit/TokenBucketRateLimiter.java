package org.careslot.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets kept in this JVM's memory, one per key. A bucket holds at most {@code capacity} tokens and regains
 * {@code refillPerMinute} per minute continuously; each request takes one. Being in memory, the limit holds per
 * gateway replica. Buckets that have refilled completely are indistinguishable from new ones and are dropped, so
 * memory stays bounded by the number of recently active clients.
 */
public class TokenBucketRateLimiter {

    /** Whether a request may pass; if not, how long until one token is back. */
    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOW = new Decision(true, Duration.ZERO);

        /** Whole seconds for the {@code Retry-After} header, at least 1. */
        public long retryAfterSeconds() {
            long millis = retryAfter.toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    private static final int SWEEP_EVERY = 1024;

    private final double capacity;
    private final double tokensPerNano;
    private final long nanosToFill;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private int callsSinceSweep;

    public TokenBucketRateLimiter(int capacity, int refillPerMinute) {
        this(capacity, refillPerMinute, System::nanoTime);
    }

    TokenBucketRateLimiter(int capacity, int refillPerMinute, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.tokensPerNano = refillPerMinute / (double) Duration.ofMinutes(1).toNanos();
        this.nanosToFill = (long) Math.ceil(capacity / tokensPerNano);
        this.nanoClock = nanoClock;
    }

    public Decision tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        sweepNowAndThen(now);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now, capacity, tokensPerNano);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Decision.ALLOW;
            }
            long nanosToNextToken = (long) Math.ceil((1 - bucket.tokens) / tokensPerNano);
            return new Decision(false, Duration.ofNanos(nanosToNextToken));
        }
    }

    int trackedKeys() {
        return buckets.size();
    }

    private void sweepNowAndThen(long now) {
        // racy counter on purpose: an occasional extra or skipped sweep is harmless
        if (++callsSinceSweep < SWEEP_EVERY) {
            return;
        }
        callsSinceSweep = 0;
        buckets.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return now - entry.getValue().lastRefill >= nanosToFill;
            }
        });
    }

    private static final class Bucket {

        private double tokens;
        private long lastRefill;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastRefill = now;
        }

        void refill(long now, double capacity, double tokensPerNano) {
            long elapsed = now - lastRefill;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
                lastRefill = now;
            }
        }
    }
}
