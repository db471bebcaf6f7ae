package org.careslot.booking.doctor.persistence;

import org.careslot.booking.doctor.Doctor;
import org.careslot.booking.doctor.domain.Schedule;
import org.careslot.booking.doctor.domain.TimeOff;
import org.careslot.booking.doctor.domain.WeeklySlot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.careslot.platform.web.jdbc.PostgresValues.timestamp;

/** Tables doctor, doctor_time_slot and doctor_time_off. */
@Repository
public class DoctorRepository {

    private final JdbcClient jdbc;

    public DoctorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the doctor's state of version {@code sequence} (replace the schedule too). */
    public void upsert(UUID id, String fullName, BigDecimal fee, ZoneId zone, boolean active, long sequence,
                       Instant now) {
        jdbc.sql("""
                        INSERT INTO doctor (id, full_name, consultation_fee, time_zone, is_active, sequence, updated_at)
                        VALUES (:id, :fullName, :fee, :zone, :active, :sequence, :now)
                        ON CONFLICT (id) DO UPDATE SET full_name = EXCLUDED.full_name,
                            consultation_fee = EXCLUDED.consultation_fee, time_zone = EXCLUDED.time_zone,
                            is_active = EXCLUDED.is_active, sequence = EXCLUDED.sequence,
                            updated_at = EXCLUDED.updated_at""")
                .param("id", id).param("fullName", fullName).param("fee", fee).param("zone", zone.getId())
                .param("active", active).param("sequence", sequence).param("now", timestamp(now))
                .update();
    }

    public void replaceSchedule(UUID doctorId, List<WeeklySlot> slots, List<TimeOff> timeOff) {
        jdbc.sql("DELETE FROM doctor_time_slot WHERE doctor_id = ?").param(doctorId).update();
        jdbc.sql("DELETE FROM doctor_time_off WHERE doctor_id = ?").param(doctorId).update();
        for (WeeklySlot slot : slots) {
            jdbc.sql("""
                            INSERT INTO doctor_time_slot (doctor_id, id, weekday, start_time, end_time, slot_minutes)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(doctorId, slot.id(), (short) slot.weekday().getValue(), slot.startTime(), slot.endTime(),
                            slot.slotMinutes())
                    .update();
        }
        for (TimeOff off : timeOff) {
            jdbc.sql("INSERT INTO doctor_time_off (doctor_id, id, date_from, date_to) VALUES (?, ?, ?, ?)")
                    .params(doctorId, off.id(), off.dateFrom(), off.dateTo())
                    .update();
        }
    }

    public Optional<Doctor> find(UUID id) {
        record Row(UUID id, BigDecimal fee, String zone, boolean active, long sequence) {
        }
        Optional<Row> row = jdbc.sql("""
                        SELECT id, consultation_fee, time_zone, is_active, sequence FROM doctor WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getBigDecimal("consultation_fee"),
                        rs.getString("time_zone"), rs.getBoolean("is_active"), rs.getLong("sequence")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<WeeklySlot> slots = jdbc.sql("""
                        SELECT id, weekday, start_time, end_time, slot_minutes FROM doctor_time_slot
                        WHERE doctor_id = ? ORDER BY weekday, start_time""")
                .param(id)
                .query((rs, n) -> new WeeklySlot(rs.getObject("id", UUID.class), DayOfWeek.of(rs.getInt("weekday")),
                        rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                        rs.getInt("slot_minutes")))
                .list();
        List<TimeOff> timeOff = jdbc.sql("""
                        SELECT id, date_from, date_to FROM doctor_time_off WHERE doctor_id = ? ORDER BY date_from""")
                .param(id)
                .query((rs, n) -> new TimeOff(rs.getObject("id", UUID.class), rs.getObject("date_from", LocalDate.class),
                        rs.getObject("date_to", LocalDate.class)))
                .list();
        Row doctor = row.get();
        return Optional.of(new Doctor(doctor.id(), doctor.fee(), doctor.active(), doctor.sequence(),
                new Schedule(ZoneId.of(doctor.zone()), slots, timeOff)));
    }
}
