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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.careslot.platform.web.jdbc.PostgresValues.timestamp;

/** Tables doctor, doctor_time_slot and doctor_time_off. */
@Repository
public class DoctorRepository {

    /** Bounds the cache (a few hundred bytes a doctor); past it the cache starts over. */
    private static final int MAX_CACHED_SCHEDULES = 20_000;

    private final JdbcClient jdbc;
    private final Map<UUID, VersionedSchedule> schedules = new ConcurrentHashMap<>();

    public DoctorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the doctor's state of version {@code sequence} (replace the schedule too). */
    public void upsert(UUID id, String fullName, String specialization, BigDecimal fee, ZoneId zone, boolean active,
                       long sequence, Instant now) {
        jdbc.sql("""
                        INSERT INTO doctor (id, full_name, specialization, consultation_fee, time_zone, is_active,
                            sequence, updated_at)
                        VALUES (:id, :fullName, :specialization, :fee, :zone, :active, :sequence, :now)
                        ON CONFLICT (id) DO UPDATE SET full_name = EXCLUDED.full_name,
                            specialization = EXCLUDED.specialization,
                            consultation_fee = EXCLUDED.consultation_fee, time_zone = EXCLUDED.time_zone,
                            is_active = EXCLUDED.is_active, sequence = EXCLUDED.sequence,
                            updated_at = EXCLUDED.updated_at""")
                .param("id", id).param("fullName", fullName).param("specialization", specialization).param("fee", fee).param("zone", zone.getId())
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

    /**
     * One SELECT per call for a doctor whose schedule is cached: the weekly slots and time off of one doctor version
     * ({@code sequence}) never change (an event replaces them together with a new sequence, in one transaction), so
     * they are read once per version and reused while the doctor row still carries that sequence. Booking and
     * availability read a doctor on every request; this saves them two of their round trips.
     */
    public Optional<Doctor> find(UUID id) {
        record Row(UUID id, BigDecimal fee, String zone, boolean active, long sequence, String fullName,
                   String specialization) {
        }
        Optional<Row> row = jdbc.sql("""
                        SELECT id, consultation_fee, time_zone, is_active, sequence, full_name, specialization
                        FROM doctor WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getBigDecimal("consultation_fee"),
                        rs.getString("time_zone"), rs.getBoolean("is_active"), rs.getLong("sequence"),
                        rs.getString("full_name"), rs.getString("specialization")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row doctor = row.get();
        VersionedSchedule schedule = schedules.get(id);
        if (schedule == null || schedule.sequence() != doctor.sequence()) {
            schedule = readSchedule(id, doctor.sequence());
        }
        return Optional.of(new Doctor(doctor.id(), doctor.fee(), doctor.active(), doctor.sequence(),
                new Schedule(ZoneId.of(doctor.zone()), schedule.slots(), schedule.timeOff()), doctor.fullName(),
                doctor.specialization()));
    }

    /** Ids of a page of the active doctors, by name (unnamed last) then id. */
    public List<UUID> activeIds(long offset, int limit) {
        return jdbc.sql("""
                        SELECT id FROM doctor WHERE is_active ORDER BY full_name NULLS LAST, id
                        OFFSET ? LIMIT ?""")
                .params(offset, limit)
                .query((rs, n) -> rs.getObject("id", UUID.class))
                .list();
    }

    public long countActive() {
        return jdbc.sql("SELECT count(*) FROM doctor WHERE is_active").query(Long.class).single();
    }

    /** A doctor's slots and time off as of one version of the doctor. */
    private record VersionedSchedule(long sequence, List<WeeklySlot> slots, List<TimeOff> timeOff) {
    }

    /** A slot or time-off row together with the doctor's sequence read in the same statement (one snapshot). */
    private record Versioned<T>(long sequence, T value) {
    }

    /**
     * Reads the schedule; caches it only when both statements saw the version {@code sequence} (an event committed
     * between the statements would otherwise pair one version's sequence with another's rows).
     */
    private VersionedSchedule readSchedule(UUID id, long sequence) {
        List<Versioned<WeeklySlot>> slots = jdbc.sql("""
                        SELECT d.sequence, s.id, s.weekday, s.start_time, s.end_time, s.slot_minutes
                        FROM doctor d LEFT JOIN doctor_time_slot s ON s.doctor_id = d.id
                        WHERE d.id = ? ORDER BY s.weekday, s.start_time""")
                .param(id)
                .query((rs, n) -> new Versioned<>(rs.getLong("sequence"), rs.getObject("id", UUID.class) == null
                        ? null : new WeeklySlot(rs.getObject("id", UUID.class), DayOfWeek.of(rs.getInt("weekday")),
                        rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                        rs.getInt("slot_minutes"))))
                .list();
        List<Versioned<TimeOff>> timeOff = jdbc.sql("""
                        SELECT d.sequence, o.id, o.date_from, o.date_to
                        FROM doctor d LEFT JOIN doctor_time_off o ON o.doctor_id = d.id
                        WHERE d.id = ? ORDER BY o.date_from""")
                .param(id)
                .query((rs, n) -> new Versioned<>(rs.getLong("sequence"), rs.getObject("id", UUID.class) == null
                        ? null : new TimeOff(rs.getObject("id", UUID.class), rs.getObject("date_from", LocalDate.class),
                        rs.getObject("date_to", LocalDate.class))))
                .list();
        VersionedSchedule schedule = new VersionedSchedule(sequence,
                slots.stream().map(Versioned::value).filter(Objects::nonNull).toList(),
                timeOff.stream().map(Versioned::value).filter(Objects::nonNull).toList());
        boolean consistent = Stream.concat(slots.stream(), timeOff.stream()).allMatch(v -> v.sequence() == sequence);
        if (consistent) {
            if (schedules.size() >= MAX_CACHED_SCHEDULES) {
                schedules.clear();
            }
            schedules.put(id, schedule);
        }
        return schedule;
    }
}
