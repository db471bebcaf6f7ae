package org.careslot.booking.appointment.persistence;

import org.careslot.booking.appointment.domain.AppointmentAction;
import org.careslot.booking.appointment.domain.AppointmentChange;
import org.careslot.booking.appointment.domain.AppointmentStatus;
import org.careslot.booking.appointment.domain.Party;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

import static org.careslot.platform.web.jdbc.PostgresValues.instant;
import static org.careslot.platform.web.jdbc.PostgresValues.timestamp;

/** Table appointment_history: one row per version of an appointment. */
@Repository
public class AppointmentHistory {

    private final JdbcClient jdbc;

    public AppointmentHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(AppointmentChange entry) {
        jdbc.sql("""
                        INSERT INTO appointment_history (appointment_id, version, action, from_status, to_status,
                            starts_at, changed_by, changed_by_role, reason, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.appointmentId(), entry.version(), entry.action().name(),
                        entry.fromStatus() == null ? null : entry.fromStatus().name(), entry.toStatus().name(),
                        timestamp(entry.startsAt()), entry.changedBy(), entry.changedByRole().name(),
                        entry.reason(), timestamp(entry.changedAt()))
                .update();
    }

    /** Oldest first. */
    public List<AppointmentChange> of(UUID appointmentId) {
        return jdbc.sql("""
                        SELECT appointment_id, version, action, from_status, to_status, starts_at, changed_by,
                            changed_by_role, reason, changed_at
                        FROM appointment_history WHERE appointment_id = ? ORDER BY version""")
                .param(appointmentId)
                .query((rs, n) -> new AppointmentChange(rs.getObject("appointment_id", UUID.class), rs.getLong("version"),
                        AppointmentAction.valueOf(rs.getString("action")),
                        rs.getString("from_status") == null ? null : AppointmentStatus.valueOf(rs.getString("from_status")),
                        AppointmentStatus.valueOf(rs.getString("to_status")), instant(rs, "starts_at"),
                        rs.getObject("changed_by", UUID.class), Party.valueOf(rs.getString("changed_by_role")),
                        rs.getString("reason"), instant(rs, "changed_at")))
                .list();
    }
}
