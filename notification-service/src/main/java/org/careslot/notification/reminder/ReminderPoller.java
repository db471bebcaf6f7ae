package org.careslot.notification.reminder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks {@link ReminderDelivery} for due messages every poll interval (at once again while batches come back full).
 * Holds no schedule of its own: what is due is read from the database on every round, so a restart, a crash or any
 * number of instances lose and double nothing.
 */
public class ReminderPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReminderPoller.class);

    private final ReminderDelivery delivery;
    private final Duration interval;
    private final String instance;
    private volatile ScheduledExecutorService executor;

    public ReminderPoller(ReminderDelivery delivery, Duration interval, String instance) {
        this.delivery = delivery;
        this.interval = interval;
        this.instance = instance;
    }

    public String instance() {
        return instance;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("reminder-poller-" + instance).factory());
        executor.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("reminder poller {} started (every {})", instance, interval);
    }

    private void round() {
        try {
            int claimed;
            do {
                claimed = delivery.deliverDue(instance);
            } while (claimed >= delivery.batchSize() && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            // e.g. the database is unreachable: the next round tries again; nothing is lost, it is all in the table
            log.warn("reminder poller {}: round failed: {}", instance, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
