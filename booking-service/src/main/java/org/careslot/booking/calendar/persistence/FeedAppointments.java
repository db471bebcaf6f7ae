package org.careslot.booking.calendar.persistence;

import org.careslot.booking.calendar.domain.FeedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.careslot.platform.web.jdbc.PostgresValues.instant;
import static org.careslot.platform.web.jdbc.PostgresValues.timestamp;

/**
 * The appointments a feed shows, read from table appointment. Only the columns a feed may carry are selected: the
 * medical columns (notes, symptoms, prescription) never leave the database on this path.
 */
@Repository
public class FeedAppointments {

    private final JdbcClient jdbc;

    public FeedAppointments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's appointments as patient or as doctor that end at or after {@code from}, by start; at most limit. */
    public List<FeedEvent> of(UUID user, Instant from, int limit) {
        return jdbc.sql("""
                        SELECT id, patient_id, starts_at, ends_at, status, version, updated_at FROM appointment
                        WHERE (patient_id = :user OR doctor_id = :user) AND ends_at >= :from
                        ORDER BY starts_at, id LIMIT :limit""")
                .param("user", user).param("from", timestamp(from)).param("limit", limit)
                .query((rs, n) -> new FeedEvent(rs.getObject("id", UUID.class), instant(rs, "starts_at"),
                        instant(rs, "ends_at"), FeedEvent.statusOf(rs.getString("status")), rs.getLong("version"),
                        instant(rs, "updated_at"), user.equals(rs.getObject("patient_id", UUID.class))))
                .list();
    }
}
