package org.careslot.notification.waitlist.persistence;

import org.careslot.notification.waitlist.domain.WaitlistEntry;
import org.careslot.notification.waitlist.domain.WaitlistRules.WaitingEntry;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.careslot.platform.web.jdbc.PostgresValues.instant;
import static org.careslot.platform.web.jdbc.PostgresValues.timestamp;

/** The waitlist_entry table: the queues and every patient's entries. */
@Repository
public class WaitlistRepository {

    private static final RowMapper<WaitlistEntry> ROW = (rs, n) -> new WaitlistEntry(rs.getObject("id", UUID.class),
            rs.getObject("patient_id", UUID.class), rs.getObject("doctor_id", UUID.class),
            rs.getObject("date", LocalDate.class), rs.getString("status"), instant(rs, "created_at"),
            instant(rs, "notified_at"));

    private final JdbcClient jdbc;

    public WaitlistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a WAITING entry; empty when the patient already waits for that doctor and date. The partial unique index
     * decides, so of two concurrent joins exactly one gets in (the other waits for its commit, then finds the conflict).
     */
    public Optional<WaitlistEntry> insertWaiting(UUID id, UUID patientId, UUID doctorId, LocalDate date, Instant now) {
        return jdbc.sql("""
                        INSERT INTO waitlist_entry (id, patient_id, doctor_id, date, status, created_at, updated_at)
                        VALUES (:id, :patient, :doctor, :date, 'WAITING', :now, :now)
                        ON CONFLICT (patient_id, doctor_id, date) WHERE status = 'WAITING' DO NOTHING
                        RETURNING *""")
                .param("id", id).param("patient", patientId).param("doctor", doctorId).param("date", date)
                .param("now", timestamp(now))
                .query(ROW).optional();
    }

    public List<WaitlistEntry> page(UUID patientId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT * FROM waitlist_entry WHERE patient_id = :patient
                        ORDER BY created_at DESC, queue_position DESC OFFSET :offset LIMIT :limit""")
                .param("patient", patientId).param("offset", offset).param("limit", limit)
                .query(ROW).list();
    }

    public long count(UUID patientId) {
        return jdbc.sql("SELECT count(*) FROM waitlist_entry WHERE patient_id = ?").param(patientId)
                .query(Long.class).single();
    }

    /** Deletes the patient's own entry; false when there is none with that id for that patient. */
    public boolean delete(UUID id, UUID patientId) {
        return jdbc.sql("DELETE FROM waitlist_entry WHERE id = ? AND patient_id = ?").param(id).param(patientId)
                .update() == 1;
    }

    /**
     * The WAITING entries of one doctor and date in joining order, locked: two freed slots of the same day handled at
     * once are served one after the other, and the second sees the first one's head gone (READ COMMITTED re-checks
     * {@code status} on the row version it waited for). Entries of patients whose account is deactivated are passed
     * over (a notice to them would fail and the slot would be offered to nobody); they keep their place should the
     * account come back.
     */
    public List<WaitingEntry> lockQueue(UUID doctorId, LocalDate date) {
        return jdbc.sql("""
                        SELECT w.id, w.patient_id FROM waitlist_entry w
                        WHERE w.doctor_id = :doctor AND w.date = :date AND w.status = 'WAITING'
                          AND NOT EXISTS (SELECT 1 FROM contact c WHERE c.user_id = w.patient_id AND NOT c.is_active)
                        ORDER BY w.queue_position FOR UPDATE OF w""")
                .param("doctor", doctorId).param("date", date)
                .query((rs, n) -> new WaitingEntry(rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class)))
                .list();
    }

    /**
     * Marks a WAITING entry NOTIFIED about the slot freed by version {@code sequence} of {@code appointmentId}; false
     * when that slot was already given to an entry (unique) or the entry is no longer waiting.
     */
    public boolean markNotified(UUID entryId, UUID appointmentId, long sequence, Instant now) {
        return jdbc.sql("""
                        UPDATE waitlist_entry SET status = 'NOTIFIED', notified_at = :now, freed_appointment_id = :appointment,
                                                  freed_sequence = :sequence, updated_at = :now
                        WHERE id = :id AND status = 'WAITING'
                          AND NOT EXISTS (SELECT 1 FROM waitlist_entry
                                          WHERE freed_appointment_id = :appointment AND freed_sequence = :sequence)""")
                .param("id", entryId).param("appointment", appointmentId).param("sequence", sequence)
                .param("now", timestamp(now))
                .update() == 1;
    }

    /** The patient booked with the doctor on that date: their waiting entry for it is fulfilled. */
    public int fulfil(UUID patientId, UUID doctorId, LocalDate date, Instant now) {
        return jdbc.sql("""
                        UPDATE waitlist_entry SET status = 'FULFILLED', updated_at = :now
                        WHERE patient_id = :patient AND doctor_id = :doctor AND date = :date AND status = 'WAITING'""")
                .param("patient", patientId).param("doctor", doctorId).param("date", date)
                .param("now", timestamp(now))
                .update();
    }
}
