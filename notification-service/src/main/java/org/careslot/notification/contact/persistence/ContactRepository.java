package org.careslot.notification.contact.persistence;

import org.careslot.notification.contact.Contact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.careslot.platform.web.jdbc.PostgresValues.timestamp;

@Repository
public class ContactRepository {

    private final JdbcClient jdbc;

    public ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Contact> find(UUID userId) {
        return jdbc.sql("""
                        SELECT user_id, email, phone, full_name, role, is_active, notification_channels
                        FROM contact WHERE user_id = ?""")
                .param(userId)
                .query((rs, n) -> new Contact(rs.getObject("user_id", UUID.class), rs.getString("email"),
                        rs.getString("phone"), rs.getString("full_name"), rs.getString("role"),
                        rs.getBoolean("is_active"), strings(rs.getArray("notification_channels"))))
                .optional();
    }

    /** Stores version {@code sequence} of the user's contact details. */
    public void upsert(Contact contact, long sequence, Instant now) {
        jdbc.sql("""
                        INSERT INTO contact (user_id, email, phone, full_name, role, is_active, notification_channels,
                                             sequence, updated_at)
                        VALUES (:id, :email, :phone, :name, :role, :active, string_to_array(:channels, ','),
                                :sequence, :now)
                        ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, phone = EXCLUDED.phone,
                            full_name = EXCLUDED.full_name, role = EXCLUDED.role, is_active = EXCLUDED.is_active,
                            notification_channels = EXCLUDED.notification_channels,
                            sequence = EXCLUDED.sequence, updated_at = EXCLUDED.updated_at""")
                .param("id", contact.userId()).param("email", contact.email()).param("phone", contact.phone())
                .param("name", contact.fullName()).param("role", contact.role()).param("active", contact.active())
                .param("channels", String.join(",", contact.channels()))
                .param("sequence", sequence).param("now", timestamp(now))
                .update();
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
