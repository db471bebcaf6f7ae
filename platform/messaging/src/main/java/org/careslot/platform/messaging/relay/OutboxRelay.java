package org.careslot.platform.messaging.relay;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams the service's outbox to Kafka with an embedded Debezium engine, in exactly one replica.
 *
 * <p>A supervisor thread tries to take a PostgreSQL session advisory lock (keyed by the slot name) on a
 * dedicated connection. The replica that gets it runs the engine; the others stand by and retry every
 * {@code lock-retry-interval}. The lock disappears with its session, so when the active replica stops or
 * dies, a standby takes over. Standby is a normal state, not an error: a second replica never touches the
 * slot while the lock is held. The slot itself is the last line of defence — PostgreSQL lets only one
 * connection stream from it.
 *
 * <p>When the engine fails (database or Kafka unreachable) or the lock connection breaks, the supervisor
 * stops the engine, releases the lock, reports {@link RelayState#FAILED} and tries again after
 * {@code restart-delay}. Nothing is lost meanwhile: the slot retains the WAL from the last position
 * confirmed after Kafka's acknowledgement.
 */
public class OutboxRelay implements SmartLifecycle {

    /** Advisory lock class id ("outb"); the object id is {@code hashtext(slot name)}. */
    private static final int LOCK_CLASS_ID = 0x6F757462;
    private static final Duration LOCK_CHECK_INTERVAL = Duration.ofMillis(500);
    private static final Duration SLOT_RELEASE_WAIT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final RelaySettings settings;
    private final String schema;
    private final ReplicationSetup replication;
    private final Runnable declareTopics;
    private final PublishedListener publishedListener;
    private final RelayTracing tracing;
    private final AtomicLong published = new AtomicLong();

    private volatile RelayStatus status = new RelayStatus(RelayState.STOPPED, Instant.now(), null, 0);
    private volatile boolean running;
    private volatile CountDownLatch stopSignal = new CountDownLatch(0);
    private @Nullable Thread supervisor;

    /**
     * @param schema          the outbox table's schema, as found by {@link ReplicationSetup#ensure()}
     * @param declareTopics   (re)creates declared topics before each engine start; must not throw
     * @param publishedListener told of each record Kafka acknowledged (metrics)
     */
    public OutboxRelay(RelaySettings settings, String schema, ReplicationSetup replication, Runnable declareTopics,
                       PublishedListener publishedListener) {
        this(settings, schema, replication, declareTopics, publishedListener, RelayTracing.NONE);
    }

    /** @param tracing the relay's span per traced event ({@link RelayTracing}) */
    public OutboxRelay(RelaySettings settings, String schema, ReplicationSetup replication, Runnable declareTopics,
                       PublishedListener publishedListener, RelayTracing tracing) {
        this.tracing = tracing;
        this.settings = settings;
        this.schema = schema;
        this.replication = replication;
        this.declareTopics = declareTopics;
        this.publishedListener = publishedListener;
    }

    public RelayStatus status() {
        RelayStatus current = status;
        return new RelayStatus(current.state(), current.since(), current.lastError(), published.get());
    }

    public String slotName() {
        return settings.slotName();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopSignal = new CountDownLatch(1);
        Thread thread = new Thread(this::supervise, "outbox-relay-" + settings.slotName());
        thread.setDaemon(true);
        supervisor = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopSignal.countDown();
        Thread thread = supervisor;
        supervisor = null;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        setState(RelayState.STOPPED, null);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early start, late stop: the relay keeps running until web requests and listeners are done. */
    @Override
    public int getPhase() {
        return 0;
    }

    private void supervise() {
        while (running) {
            Connection lock = null;
            boolean failed = false;
            try {
                lock = tryLock();
                if (lock == null) {
                    setState(RelayState.STANDBY, null);
                    pause(settings.relay().lockRetryInterval());
                    continue;
                }
                log.info("Outbox relay {} holds the relay lock; starting Debezium", settings.slotName());
                failed = !leadWhileLocked(lock);
            } catch (RuntimeException | SQLException e) {
                failed = true;
                setState(RelayState.FAILED, describe(e));
                log.warn("Outbox relay {} failed; retrying in {}", settings.slotName(), settings.relay().restartDelay(), e);
            } finally {
                release(lock);
            }
            if (failed && running) {
                pause(settings.relay().restartDelay());
            }
        }
    }

    private @Nullable Connection tryLock() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.database().user());
        if (settings.database().password() != null) {
            properties.setProperty("password", settings.database().password());
        }
        properties.setProperty("ApplicationName", settings.applicationName() + " outbox-relay lock");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(settings.database().jdbcUrl(), properties);
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            statement.setInt(1, LOCK_CLASS_ID);
            statement.setString(2, settings.slotName());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (rows.getBoolean(1)) {
                    return connection;
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return null;
    }

    /** @return false when the engine failed or leadership was lost, true when asked to stop */
    private boolean leadWhileLocked(Connection lock) throws SQLException {
        setState(RelayState.STARTING, null);
        declareTopics.run();
        waitUntilSlotIsFree(lock);
        CompletableFuture<@Nullable Throwable> finished = new CompletableFuture<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings.kafkaProducerProperties(),
                new StringSerializer(), new ByteArraySerializer())) {
            DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = DebeziumEngine
                    .create(ChangeEventFormat.of(Connect.class))
                    .using(settings.engineProperties(schema))
                    .using(OutboxRelay.class.getClassLoader())
                    .notifying(new KafkaForwarder(producer, this::onPublished, tracing))
                    .using(new DebeziumEngine.ConnectorCallback() {
                        @Override
                        public void taskStarted() {
                            setState(RelayState.RUNNING, null);
                            log.info("Outbox relay {} is streaming", settings.slotName());
                        }
                    })
                    .using((success, message, error) -> finished.complete(
                            success ? null : error != null ? error : new IllegalStateException(message)))
                    .build();
            Thread engineThread = new Thread(engine, "outbox-relay-engine-" + settings.slotName());
            engineThread.setDaemon(true);
            engineThread.start();
            try {
                return superviseEngine(lock, finished);
            } finally {
                closeEngine(engine, engineThread);
                if (settings.relay().dropSlotOnStop() && !running) {
                    waitUntilSlotIsFree(lock);
                    replication.dropSlot();
                }
            }
        }
    }

    private boolean superviseEngine(Connection lock, CompletableFuture<@Nullable Throwable> finished) {
        while (running) {
            if (finished.isDone()) {
                Throwable error = finished.getNow(null);
                String reason = error == null ? "Debezium engine stopped unexpectedly" : describe(error);
                setState(RelayState.FAILED, reason);
                log.warn("Outbox relay {} engine stopped: {}; restarting in {}", settings.slotName(), reason,
                        settings.relay().restartDelay(), error);
                return false;
            }
            if (!isValid(lock)) {
                setState(RelayState.FAILED, "lost the relay lock connection");
                log.warn("Outbox relay {} lost its lock connection; stopping the engine", settings.slotName());
                return false;
            }
            pause(LOCK_CHECK_INTERVAL);
        }
        return true;
    }

    private void closeEngine(DebeziumEngine<?> engine, Thread engineThread) {
        try {
            engine.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Closing the Debezium engine of {} failed", settings.slotName(), e);
        }
        try {
            engineThread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A standby that just took over may still see the previous holder's WAL sender for a moment. */
    private void waitUntilSlotIsFree(Connection lock) throws SQLException {
        long deadline = System.nanoTime() + SLOT_RELEASE_WAIT.toNanos();
        try (PreparedStatement statement = lock.prepareStatement(
                "SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, settings.slotName());
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next() || !rows.getBoolean(1)) {
                        return;
                    }
                }
                pause(Duration.ofMillis(100));
            }
        }
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private void release(@Nullable Connection lock) {
        if (lock == null) {
            return;
        }
        try {
            // closing the session releases the lock; an explicit unlock keeps it quick if the close lingers
            if (isValid(lock)) {
                try (PreparedStatement statement = lock.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
                    statement.setInt(1, LOCK_CLASS_ID);
                    statement.setString(2, settings.slotName());
                    statement.execute();
                }
            }
            lock.close();
        } catch (SQLException e) {
            log.debug("Releasing the relay lock of {} failed; the session end releases it", settings.slotName(), e);
        }
    }

    private void onPublished(String topic, @Nullable Instant committedAt, Instant acknowledgedAt) {
        published.incrementAndGet();
        publishedListener.published(topic, committedAt, acknowledgedAt);
    }

    private void pause(Duration duration) {
        try {
            stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void setState(RelayState state, @Nullable String error) {
        RelayStatus previous = status;
        if (previous.state() == state && Objects.equals(previous.lastError(), error)) {
            status = new RelayStatus(state, previous.since(), error, published.get());
            return;
        }
        status = new RelayStatus(state, Instant.now(), error, published.get());
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        return root == error ? message : message + " (caused by " + root.getClass().getSimpleName() + ": "
                + root.getMessage() + ")";
    }
}
