package org.careslot.platform.benchmark;

import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Event lag measured directly, not from the services' own metrics: for every booking the harness made, the time from
 * its 201 (the booking and its outbox row had committed by then) to the row each consumer wrote in its own
 * transaction — notification-service's REMINDER row ({@code reminder.created_at}) and reporting-service's appointment
 * row ({@code appointment.updated_at}, written in the transaction that recomputes the doctor's monthly report).
 * Those timestamps are PostgreSQL's {@code now()} (the consumer transaction's start) on the same clock as the harness.
 */
final class EventLag {

    /** Lag of one consumer: samples found, bookings whose effect never appeared, and the distribution. */
    record Result(String consumer, String measuredAs, long samples, long missing, LatencySummary lag) {
    }

    private static final String REMINDERS = "SELECT appointment_id, min(created_at) FROM reminder"
            + " WHERE kind = 'REMINDER' AND appointment_id = ANY (?) GROUP BY appointment_id";
    private static final String REPORTED = "SELECT id, updated_at FROM appointment WHERE id = ANY (?)";

    private final Stack stack;

    EventLag(Stack stack) {
        this.stack = stack;
    }

    /** Waits (up to {@code patience}) until both consumers applied every booking, then measures. */
    List<Result> measure(Collection<BookingScenario.Booked> bookings, Duration patience) throws SQLException,
            InterruptedException {
        Map<UUID, Instant> answered = new HashMap<>();
        bookings.forEach(b -> answered.put(UUID.fromString(b.id()), b.answeredAt()));
        UUID[] ids = answered.keySet().toArray(UUID[]::new);
        long deadline = System.nanoTime() + patience.toNanos();
        Map<UUID, Instant> reminders;
        Map<UUID, Instant> reported;
        while (true) {
            reminders = query("notification", REMINDERS, ids);
            reported = query("reporting", REPORTED, ids);
            if ((reminders.size() >= ids.length && reported.size() >= ids.length) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(1000);
        }
        return List.of(
                result("notification-service: reminder scheduled", "reminder.created_at - 201 received",
                        answered, reminders),
                result("reporting-service: monthly report updated",
                        "appointment.updated_at (same transaction as monthly_report) - 201 received",
                        answered, reported));
    }

    private static Result result(String consumer, String measuredAs, Map<UUID, Instant> answered,
                                 Map<UUID, Instant> applied) {
        Histogram micros = LatencySummary.newHistogram();
        applied.forEach((id, at) -> {
            long lag = Duration.between(answered.get(id), at).toNanos() / 1000;
            micros.recordValue(Math.max(1, lag));
        });
        return new Result(consumer, measuredAs, applied.size(), answered.size() - applied.size(),
                LatencySummary.of(micros, 0));
    }

    private Map<UUID, Instant> query(String database, String sql, UUID[] ids) throws SQLException {
        Map<UUID, Instant> found = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database), "postgres", "postgres");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getObject(1, UUID.class), rows.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        }
        return found;
    }

    /** A setting of the stack's PostgreSQL ({@code SHOW name}). */
    static String postgresSetting(Stack stack, String name) {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("postgres"), "postgres", "postgres");
             var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW " + name)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** Sets {@code synchronous_commit} for the whole server (ALTER SYSTEM, then a reload): the run's durability. */
    static void setSynchronousCommit(Stack stack, String value) throws SQLException {
        if (!value.equals("on") && !value.equals("off") && !value.equals("local")) {
            throw new IllegalArgumentException("synchronous_commit must be on, off or local");
        }
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("postgres"), "postgres", "postgres");
             var statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET synchronous_commit = " + value);
            statement.execute("SELECT pg_reload_conf()");
        }
    }

}
