package org.careslot.notification.contact.persistence;

import org.careslot.notification.contact.Contact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
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
        return jdbc.sql("SELECT user_id, email, phone, full_name, role, is_active FROM contact WHERE user_id = ?")
                .param(userId)
                .query((rs, n) -> new Contact(rs.getObject("user_id", UUID.class), rs.getString("email"),
                        rs.getString("phone"), rs.getString("full_name"), rs.getString("role"),
                        rs.getBoolean("is_active")))
                .optional();
    }

    /** Stores version {@code sequence} of the user's contact details. */
    public void upsert(Contact contact, long sequence, Instant now) {
        jdbc.sql("""
                        INSERT INTO contact (user_id, email, phone, full_name, role, is_active, sequence, updated_at)
                        VALUES (:id, :email, :phone, :name, :role, :active, :sequence, :now)
                        ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, phone = EXCLUDED.phone,
                            full_name = EXCLUDED.full_name, role = EXCLUDED.role, is_active = EXCLUDED.is_active,
                            sequence = EXCLUDED.sequence, updated_at = EXCLUDED.updated_at""")
                .param("id", contact.userId()).param("email", contact.email()).param("phone", contact.phone())
                .param("name", contact.fullName()).param("role", contact.role()).param("active", contact.active())
                .param("sequence", sequence).param("now", timestamp(now))
                .update();
    }
}
