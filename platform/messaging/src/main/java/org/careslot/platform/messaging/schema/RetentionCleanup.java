package org.careslot.platform.messaging.schema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes outbox rows and processed-event ids past their retention, in bounded batches so that one run
 * never holds long locks or builds a huge transaction. Safe on every replica at once.
 */
public class RetentionCleanup implements SmartLifecycle {

    static final int BATCH_SIZE = 5_000;
    static final int MAX_BATCHES_PER_RUN = 200;

    private static final Logger log = LoggerFactory.getLogger(RetentionCleanup.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration outboxRetention;
    private final Duration processedRetention;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public RetentionCleanup(JdbcTemplate jdbc, Clock clock, Duration outboxRetention, Duration processedRetention,
                            Duration interval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outboxRetention = outboxRetention;
        this.processedRetention = processedRetention;
        this.interval = interval;
    }

    /** @return rows deleted from outbox and processed_event */
    public int runOnce() {
        Timestamp outboxCutoff = Timestamp.from(clock.instant().minus(outboxRetention));
        Timestamp processedCutoff = Timestamp.from(clock.instant().minus(processedRetention));
        int outbox = deleteInBatches("""
                DELETE FROM outbox WHERE id IN (
                    SELECT id FROM outbox WHERE created_at < ? ORDER BY created_at LIMIT ?)""", outboxCutoff);
        int processed = deleteInBatches("""
                DELETE FROM processed_event WHERE (event_id, consumer) IN (
                    SELECT event_id, consumer FROM processed_event WHERE processed_at < ? ORDER BY processed_at LIMIT ?)""",
                processedCutoff);
        if (outbox + processed > 0) {
            log.info("Retention cleanup deleted {} outbox rows and {} processed-event ids", outbox, processed);
        }
        return outbox + processed;
    }

    private int deleteInBatches(String sql, Timestamp cutoff) {
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int deleted = jdbc.update(sql, cutoff, BATCH_SIZE);
            total += deleted;
            if (deleted < BATCH_SIZE) {
                break;
            }
        }
        return total;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "messaging-retention-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        long periodMillis = Math.max(1_000, interval.toMillis());
        // the first run waits one period, so start-up stays fast and replicas do not all delete at boot
        scheduler.scheduleWithFixedDelay(this::runSafely, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Retention cleanup failed; retrying in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
