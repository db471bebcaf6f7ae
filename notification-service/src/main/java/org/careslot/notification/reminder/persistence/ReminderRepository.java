package org.careslot.notification.reminder.persistence;

import org.careslot.notification.reminder.Reminder;
import org.careslot.notification.reminder.domain.MessageKind;
import org.careslot.notification.reminder.domain.PlannedMessage;
import org.careslot.notification.reminder.domain.Recipient;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.careslot.platform.web.jdbc.PostgresValues.instant;
import static org.careslot.platform.web.jdbc.PostgresValues.interval;
import static org.careslot.platform.web.jdbc.PostgresValues.timestamp;

/** The reminder table: the schedule and the delivery history at once. */
@Repository
public class ReminderRepository {

    private static final RowMapper<Reminder> ROW = (rs, n) -> new Reminder(rs.getObject("id", UUID.class),
            rs.getObject("appointment_id", UUID.class), MessageKind.valueOf(rs.getString("kind")),
            rs.getObject("recipient_id", UUID.class), Recipient.valueOf(rs.getString("recipient_role")),
            rs.getString("channel"), instant(rs, "starts_at"), instant(rs, "due_at"), rs.getString("status"),
            rs.getInt("attempts"), instant(rs, "sent_at"), rs.getString("failure_reason"));

    private final JdbcClient jdbc;

    public ReminderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Schedules a message; false when the same message of the same appointment version exists already. */
    public boolean insert(UUID id, UUID appointmentId, PlannedMessage message, UUID recipientId, String channel,
                          Instant startsAt, long originSequence, Instant now) {
        return jdbc.sql("""
                        INSERT INTO reminder (id, appointment_id, kind, recipient_id, recipient_role, channel, lead_time,
                                              starts_at, origin_sequence, due_at, status, next_attempt_at, created_at,
                                              updated_at)
                        VALUES (:id, :appointment, :kind, :recipient, :role, :channel, CAST(:lead AS interval), :starts,
                                :origin, :due, 'SCHEDULED', :due, :now, :now)
                        ON CONFLICT ON CONSTRAINT reminder_origin_uq DO NOTHING""")
                .param("id", id).param("appointment", appointmentId).param("kind", message.kind().name())
                .param("recipient", recipientId).param("role", message.recipient().name()).param("channel", channel)
                .param("lead", interval(message.leadTime())).param("starts", timestamp(startsAt))
                .param("origin", originSequence).param("due", timestamp(message.dueAt()))
                .param("now", timestamp(now))
                .update() == 1;
    }

    /** The start the appointment's reminders (not cancelled) were planned for, the latest if several. */
    public Optional<Instant> remindersPlannedAt(UUID appointmentId) {
        return jdbc.sql("""
                        SELECT starts_at FROM reminder
                        WHERE appointment_id = ? AND kind = 'REMINDER' AND status <> 'CANCELLED'
                        ORDER BY origin_sequence DESC LIMIT 1""")
                .param(appointmentId)
                .query((rs, n) -> instant(rs, "starts_at")).optional();
    }

    /** Cancels the appointment's reminders that are not out yet; returns how many. */
    public int cancelScheduledReminders(UUID appointmentId, Instant now) {
        return jdbc.sql("""
                        UPDATE reminder SET status = 'CANCELLED', updated_at = :now
                        WHERE appointment_id = :appointment AND kind = 'REMINDER' AND status = 'SCHEDULED'""")
                .param("appointment", appointmentId).param("now", timestamp(now))
                .update();
    }

    /**
     * Claims up to {@code limit} due messages for {@code instance}: SCHEDULED ones whose next attempt is due and
     * SENDING ones whose lease ran out (their instance died mid-send). Rows another transaction holds are skipped, and
     * the claim (SENDING, attempts + 1, lease) commits with the caller's transaction, so no two instances ever hold
     * the same row. A claimed row's {@code attempts} is the attempt's number and the claim's token.
     */
    public List<Reminder> claimDue(Instant now, Instant leaseUntil, String instance, int limit) {
        return jdbc.sql("""
                        WITH claimed AS (
                            SELECT id FROM reminder
                            WHERE (status = 'SCHEDULED' AND next_attempt_at <= :now)
                               OR (status = 'SENDING' AND lease_until <= :now)
                            ORDER BY next_attempt_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED
                        )
                        UPDATE reminder r SET status = 'SENDING', attempts = r.attempts + 1, lease_until = :lease,
                                              claimed_by = :instance, updated_at = :now
                        FROM claimed WHERE r.id = claimed.id
                        RETURNING r.*""")
                .param("now", timestamp(now)).param("lease", timestamp(leaseUntil))
                .param("instance", instance).param("limit", limit)
                .query(ROW).list();
    }

    /** Records the outcome of attempt {@code attempt}; false when the claim was lost (lease ran out, re-claimed). */
    public boolean recordSent(UUID id, int attempt, Instant sentAt) {
        return jdbc.sql("""
                        UPDATE reminder SET status = 'SENT', sent_at = :at, lease_until = NULL, failure_reason = NULL,
                                            updated_at = :at
                        WHERE id = :id AND status = 'SENDING' AND attempts = :attempt""")
                .param("id", id).param("attempt", attempt).param("at", timestamp(sentAt))
                .update() == 1;
    }

    public boolean recordRetry(UUID id, int attempt, Instant nextAttemptAt, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE reminder SET status = 'SCHEDULED', next_attempt_at = :next, lease_until = NULL,
                                            failure_reason = :reason, updated_at = :now
                        WHERE id = :id AND status = 'SENDING' AND attempts = :attempt""")
                .param("id", id).param("attempt", attempt).param("next", timestamp(nextAttemptAt))
                .param("reason", reason).param("now", timestamp(now))
                .update() == 1;
    }

    public boolean recordFailed(UUID id, int attempt, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE reminder SET status = 'FAILED', lease_until = NULL, failure_reason = :reason,
                                            updated_at = :now
                        WHERE id = :id AND status = 'SENDING' AND attempts = :attempt""")
                .param("id", id).param("attempt", attempt).param("reason", reason).param("now", timestamp(now))
                .update() == 1;
    }

    public Optional<Reminder> find(UUID id) {
        return jdbc.sql("SELECT * FROM reminder WHERE id = ?").param(id).query(ROW).optional();
    }

    /**
     * One page of the messages to the appointment's parties; the waitlist's notices about its freed slot went to other
     * patients and are not shown here.
     */
    public List<Reminder> page(UUID appointmentId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT * FROM reminder WHERE appointment_id = :appointment AND kind <> 'WAITLIST_SLOT_FREED'
                        ORDER BY due_at, created_at, kind, recipient_role DESC, id OFFSET :offset LIMIT :limit""")
                .param("appointment", appointmentId).param("offset", offset).param("limit", limit)
                .query(ROW).list();
    }

    public long count(UUID appointmentId) {
        return jdbc.sql("SELECT count(*) FROM reminder WHERE appointment_id = ? AND kind <> 'WAITLIST_SLOT_FREED'")
                .param(appointmentId)
                .query(Long.class).single();
    }
}
