package org.careslot.platform.messaging.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Gauge {@value #NAME}: outbox rows committed but not yet acknowledged by Kafka, i.e. rows newer than the commit time
 * ({@code ts_usec}) of the relay's stored Debezium offset, which is written only after Kafka acknowledged a batch.
 * Every replica reads the same tables, so every replica reports the service's backlog, wherever the relay runs.
 *
 * <p>One indexed count ({@code outbox_created_at_idx}) at most every {@code refreshInterval}, whatever the scrape
 * rate: scrapes in between get the cached value. {@code created_at} is the inserting transaction's start, so a row
 * whose transaction began before the last acknowledged commit and committed after it is not counted until the next
 * acknowledgement; the figure is exact whenever the relay has caught up, and a lower bound otherwise.
 */
public class OutboxBacklog implements MeterBinder {

    public static final String NAME = "careslot.outbox.backlog";

    static final String COUNT_SQL = """
            SELECT count(*) FROM outbox WHERE created_at > coalesce(
                (SELECT to_timestamp(max((convert_from(offset_value, 'UTF8')::jsonb ->> 'ts_usec')::bigint) / 1e6)
                   FROM outbox_relay_offset),
                '-infinity'::timestamptz)""";

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    private final LongSupplier count;
    private final long refreshNanos;
    private long refreshedAt;
    private boolean counted;
    private double value = Double.NaN;

    public OutboxBacklog(JdbcTemplate jdbc, Duration refreshInterval) {
        this(() -> jdbc.queryForObject(COUNT_SQL, Long.class), refreshInterval);
    }

    OutboxBacklog(LongSupplier count, Duration refreshInterval) {
        this.count = count;
        this.refreshNanos = refreshInterval.toNanos();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(NAME, this, OutboxBacklog::value)
                .description("Outbox rows committed but not yet acknowledged by Kafka (refreshed at most every "
                        + Duration.ofNanos(refreshNanos) + ")")
                .baseUnit("rows")
                .strongReference(true)
                .register(registry);
    }

    /** The cached count; recounted when older than the refresh interval. NaN while the database does not answer. */
    synchronized double value() {
        long now = System.nanoTime();
        if (!counted || now - refreshedAt >= refreshNanos) {
            counted = true;
            refreshedAt = now;
            try {
                value = count.getAsLong();
            } catch (DataAccessException e) {
                // a scrape must not fail with the database: report "unknown" until it answers again
                log.debug("Could not count the outbox backlog: {}", e.getMessage());
                value = Double.NaN;
            }
        }
        return value;
    }
}
