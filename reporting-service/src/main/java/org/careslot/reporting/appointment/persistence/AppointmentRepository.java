package org.careslot.reporting.appointment.persistence;

import org.careslot.reporting.appointment.domain.AppointmentState;
import org.careslot.reporting.appointment.domain.AppointmentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Map;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class AppointmentRepository {

    public record Stored(UUID doctorId, YearMonth month, long sequence) {
    }

    private final JdbcClient jdbc;

    public AppointmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> lock(UUID id) {
        return jdbc.sql("SELECT doctor_id, month, sequence FROM appointment WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, n) -> new Stored(rs.getObject("doctor_id", UUID.class),
                        YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("sequence")))
                .optional();
    }

    /** @return false when the row exists already (also when a concurrent transaction inserted it meanwhile) */
    public boolean insertIfAbsent(AppointmentState state, long sequence, Instant eventTime) {
        return jdbc.sql("""
                        INSERT INTO appointment (id, doctor_id, patient_id, starts_at, time_zone, month, status,
                                                 consultation_fee, sequence, event_time)
                        VALUES (:id, :doctor, :patient, :starts, :zone, :month, :status, :fee, :sequence, :time)
                        ON CONFLICT (id) DO NOTHING""")
                .params(params(state, sequence, eventTime))
                .update() == 1;
    }

    public void replace(AppointmentState state, long sequence, Instant eventTime) {
        jdbc.sql("""
                        UPDATE appointment SET doctor_id = :doctor, patient_id = :patient, starts_at = :starts,
                            time_zone = :zone, month = :month, status = :status, consultation_fee = :fee,
                            sequence = :sequence, event_time = :time, updated_at = now()
                        WHERE id = :id""")
                .params(params(state, sequence, eventTime))
                .update();
    }

    public List<AppointmentState> inMonth(UUID doctorId, YearMonth month) {
        return jdbc.sql("""
                        SELECT id, doctor_id, patient_id, starts_at, time_zone, status, consultation_fee
                        FROM appointment WHERE doctor_id = ? AND month = ? ORDER BY id""")
                .params(doctorId, month.atDay(1))
                .query((rs, n) -> new AppointmentState(rs.getObject("id", UUID.class),
                        rs.getObject("doctor_id", UUID.class), rs.getObject("patient_id", UUID.class),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        ZoneId.of(rs.getString("time_zone")), AppointmentStatus.valueOf(rs.getString("status")),
                        rs.getBigDecimal("consultation_fee")))
                .list();
    }

    public int patientsIn(YearMonth month) {
        return jdbc.sql("SELECT count(DISTINCT patient_id) FROM appointment WHERE month = ?")
                .param(month.atDay(1)).query(Integer.class).single();
    }

    private static Map<String, Object> params(AppointmentState state, long sequence, Instant eventTime) {
        return Map.ofEntries(
                Map.entry("id", state.id()),
                Map.entry("doctor", state.doctorId()),
                Map.entry("patient", state.patientId()),
                Map.entry("starts", OffsetDateTime.ofInstant(state.startsAt(), ZoneOffset.UTC)),
                Map.entry("zone", state.zone().getId()),
                Map.entry("month", state.month().atDay(1)),
                Map.entry("status", state.status().name()),
                Map.entry("fee", state.fee()),
                Map.entry("sequence", sequence),
                Map.entry("time", OffsetDateTime.ofInstant(eventTime, ZoneOffset.UTC)));
    }
}
