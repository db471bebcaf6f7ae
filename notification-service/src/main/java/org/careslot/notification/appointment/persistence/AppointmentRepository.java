package org.careslot.notification.appointment.persistence;

import org.careslot.notification.appointment.Appointment;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import static org.careslot.platform.web.jdbc.PostgresValues.instant;
import static org.careslot.platform.web.jdbc.PostgresValues.timestamp;

@Repository
public class AppointmentRepository {

    private static final RowMapper<Appointment> ROW = (rs, n) -> new Appointment(rs.getObject("id", UUID.class),
            rs.getObject("doctor_id", UUID.class), rs.getObject("patient_id", UUID.class), instant(rs, "starts_at"),
            instant(rs, "ends_at"), ZoneId.of(rs.getString("time_zone")), rs.getString("status"),
            rs.getLong("sequence"));

    private final JdbcClient jdbc;

    public AppointmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Appointment> find(UUID id) {
        return jdbc.sql("SELECT * FROM appointment WHERE id = ?").param(id).query(ROW).optional();
    }

    /** Inserts or overwrites the appointment . */
    public void save(Appointment appointment, Instant now) {
        jdbc.sql("""
                        INSERT INTO appointment (id, doctor_id, patient_id, starts_at, ends_at, time_zone, status, sequence,
                                                 updated_at)
                        VALUES (:id, :doctor, :patient, :starts, :ends, :zone, :status, :sequence, :now)
                        ON CONFLICT (id) DO UPDATE SET doctor_id = EXCLUDED.doctor_id, patient_id = EXCLUDED.patient_id,
                            starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, time_zone = EXCLUDED.time_zone,
                            status = EXCLUDED.status, sequence = EXCLUDED.sequence, updated_at = EXCLUDED.updated_at""")
                .param("id", appointment.id()).param("doctor", appointment.doctorId())
                .param("patient", appointment.patientId()).param("starts", timestamp(appointment.startsAt()))
                .param("ends", timestamp(appointment.endsAt())).param("zone", appointment.timeZone().getId())
                .param("status", appointment.status()).param("sequence", appointment.sequence())
                .param("now", timestamp(now))
                .update();
    }

    /** The next sequence of this service's own events about the appointment (locks its row). */
    public long nextEventSequence(UUID id) {
        return jdbc.sql("UPDATE appointment SET event_sequence = event_sequence + 1 WHERE id = ? RETURNING event_sequence")
                .param(id).query(Long.class).single();
    }
}
