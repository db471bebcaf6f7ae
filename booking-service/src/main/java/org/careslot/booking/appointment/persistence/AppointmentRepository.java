package org.careslot.booking.appointment.persistence;

import org.careslot.booking.appointment.domain.Appointment;
import org.careslot.booking.appointment.domain.AppointmentStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.careslot.platform.web.jdbc.PostgresValues.instant;
import static org.careslot.platform.web.jdbc.PostgresValues.timestamp;

/**
 * Table appointment. Writes go through the exclusion constraints {@value #DOCTOR_OVERLAP} and
 * {@value #PATIENT_OVERLAP}: an insert or update that would overlap another active appointment of the same doctor or
 * patient fails with SQLState 23P01 (see {@link OverlapConflict}).
 */
@Repository
public class AppointmentRepository {

    public static final String DOCTOR_OVERLAP = "appointment_doctor_overlap_excl";
    public static final String PATIENT_OVERLAP = "appointment_patient_overlap_excl";

    /** A stretch of time an active appointment occupies. */
    public record Occupied(Instant startsAt, Instant endsAt) {
    }

    /** Filters of the list; null members do not filter. {@code visibleTo*} restrict to the caller's own. */
    public record Filter(UUID visibleToPatient, UUID visibleToDoctor, AppointmentStatus status, UUID doctorId,
                         UUID patientId, LocalDate dateFrom, LocalDate dateTo) {
    }

    private static final String COLUMNS = """
            id, doctor_id, patient_id, appointment_date, start_time, end_time, time_zone, starts_at, ends_at, status,
            consultation_fee, notes, symptoms, prescription, cancel_reason, previous_starts_at, version, booked_by,
            created_at, updated_at""";

    private static final RowMapper<Appointment> ROW = (rs, n) -> new Appointment(
            rs.getObject("id", UUID.class), rs.getObject("doctor_id", UUID.class), rs.getObject("patient_id", UUID.class),
            rs.getObject("appointment_date", LocalDate.class), rs.getObject("start_time", LocalTime.class),
            rs.getObject("end_time", LocalTime.class), rs.getString("time_zone"), instant(rs, "starts_at"),
            instant(rs, "ends_at"), AppointmentStatus.valueOf(rs.getString("status")),
            rs.getBigDecimal("consultation_fee"), rs.getString("notes"), rs.getString("symptoms"),
            rs.getString("prescription"), rs.getString("cancel_reason"), instant(rs, "previous_starts_at"),
            rs.getLong("version"), rs.getObject("booked_by", UUID.class), instant(rs, "created_at"),
            instant(rs, "updated_at"));

    private final JdbcClient jdbc;

    public AppointmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DataIntegrityViolationException 23P01 when the time is taken */
    public void insert(Appointment a) {
        jdbc.sql("""
                        INSERT INTO appointment (id, doctor_id, patient_id, appointment_date, start_time, end_time,
                            time_zone, starts_at, ends_at, status, consultation_fee, notes, symptoms, prescription,
                            cancel_reason, previous_starts_at, version, booked_by, created_at, updated_at)
                        VALUES (:id, :doctorId, :patientId, :date, :startTime, :endTime, :timeZone, :startsAt, :endsAt,
                            :status, :fee, :notes, :symptoms, :prescription, :cancelReason, :previousStartsAt,
                            :version, :bookedBy, :createdAt, :updatedAt)""")
                .params(parameters(a))
                .update();
    }

    /**
     * Writes the appointment's new state if it is still at {@code expectedVersion} (optimistic lock): one UPDATE, so a
     * reschedule frees the old time and takes the new one atomically, under the exclusion constraints.
     *
     * @return false when someone else changed the appointment meanwhile
     * @throws org.springframework.dao.DataIntegrityViolationException 23P01 when the new time is taken
     */
    public boolean update(Appointment a, long expectedVersion) {
        Map<String, Object> parameters = parameters(a);
        parameters.put("expectedVersion", expectedVersion);
        return jdbc.sql("""
                        UPDATE appointment SET appointment_date = :date, start_time = :startTime, end_time = :endTime,
                            starts_at = :startsAt, ends_at = :endsAt, status = :status, prescription = :prescription,
                            cancel_reason = :cancelReason, previous_starts_at = :previousStartsAt, version = :version,
                            updated_at = :updatedAt
                        WHERE id = :id AND version = :expectedVersion""")
                .params(parameters)
                .update() == 1;
    }

    public Optional<Appointment> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE id = ?").param(id).query(ROW).optional();
    }

    /** The doctor's active appointments overlapping [from, to). */
    public List<Occupied> busy(UUID doctorId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT starts_at, ends_at FROM appointment
                        WHERE doctor_id = :doctorId AND status IN ('PENDING', 'CONFIRMED')
                          AND during && tstzrange(:from, :to, '[)')""")
                .param("doctorId", doctorId).param("from", timestamp(from)).param("to", timestamp(to))
                .query((rs, n) -> new Occupied(instant(rs, "starts_at"), instant(rs, "ends_at")))
                .list();
    }

    public long count(Filter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT count(*) FROM appointment" + where.sql()).params(where.parameters())
                .query(Long.class).single();
    }

    /** One page of the list, by start time ({@code descending} for newest first), ties broken by id. */
    public List<Appointment> list(Filter filter, boolean descending, long offset, int limit) {
        Where where = where(filter);
        String direction = descending ? " DESC" : " ASC";
        Map<String, Object> parameters = new LinkedHashMap<>(where.parameters());
        parameters.put("offset", offset);
        parameters.put("limit", limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment" + where.sql() + " ORDER BY starts_at" + direction
                        + ", id" + direction + " OFFSET :offset LIMIT :limit")
                .params(parameters).query(ROW).list();
    }

    private record Where(String sql, Map<String, Object> parameters) {
    }

    /** Built from the present filters only, so no untyped null parameter reaches PostgreSQL. */
    private static Where where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.visibleToPatient() != null && filter.visibleToDoctor() != null) {
            conditions.add("(patient_id = :me OR doctor_id = :me)");
            parameters.put("me", filter.visibleToPatient());
        } else if (filter.visibleToPatient() != null) {
            conditions.add("patient_id = :me");
            parameters.put("me", filter.visibleToPatient());
        } else if (filter.visibleToDoctor() != null) {
            conditions.add("doctor_id = :me");
            parameters.put("me", filter.visibleToDoctor());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            parameters.put("status", filter.status().name());
        }
        if (filter.doctorId() != null) {
            conditions.add("doctor_id = :doctorId");
            parameters.put("doctorId", filter.doctorId());
        }
        if (filter.patientId() != null) {
            conditions.add("patient_id = :patientId");
            parameters.put("patientId", filter.patientId());
        }
        if (filter.dateFrom() != null) {
            conditions.add("appointment_date >= :dateFrom");
            parameters.put("dateFrom", filter.dateFrom());
        }
        if (filter.dateTo() != null) {
            conditions.add("appointment_date <= :dateTo");
            parameters.put("dateTo", filter.dateTo());
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
    }

    private static Map<String, Object> parameters(Appointment a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", a.id());
        p.put("doctorId", a.doctorId());
        p.put("patientId", a.patientId());
        p.put("date", a.date());
        p.put("startTime", a.startTime());
        p.put("endTime", a.endTime());
        p.put("timeZone", a.timeZone());
        p.put("startsAt", timestamp(a.startsAt()));
        p.put("endsAt", timestamp(a.endsAt()));
        p.put("status", a.status().name());
        p.put("fee", a.consultationFee());
        p.put("notes", a.notes());
        p.put("symptoms", a.symptoms());
        p.put("prescription", a.prescription());
        p.put("cancelReason", a.cancelReason());
        p.put("previousStartsAt", timestamp(a.previousStartsAt()));
        p.put("version", a.version());
        p.put("bookedBy", a.bookedBy());
        p.put("createdAt", timestamp(a.createdAt()));
        p.put("updatedAt", timestamp(a.updatedAt()));
        return p;
    }
}
