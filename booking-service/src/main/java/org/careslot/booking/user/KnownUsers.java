package org.careslot.booking.user;

import org.careslot.platform.messaging.envelope.InvalidEventException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import static org.careslot.platform.web.jdbc.PostgresValues.timestamp;

/**
 * The platform's users as identity-service publishes them (identity.user.v1), reduced to what booking needs: the
 * role and whether the account is active. Nothing personal (name, e-mail, phone) is kept here.
 */
@Service
public class KnownUsers {

    /** The part of identity.user.v1 data (docs/schemas/identity.user.v1/user.json) this service uses. */
    public record UserSnapshot(UUID id, String role, Boolean isActive) {
    }

    /** A user as known here. */
    public record KnownUser(UUID id, String role, boolean active, long sequence) {

        public boolean isActivePatient() {
            return active && PATIENT.equals(role);
        }
    }

    public static final String PATIENT = "PATIENT";

    private final JdbcClient jdbc;
    private final Clock clock;

    public KnownUsers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<KnownUser> find(UUID id) {
        return jdbc.sql("SELECT id, role, is_active, sequence FROM app_user WHERE id = ?")
                .param(id)
                .query((rs, n) -> new KnownUser(rs.getObject("id", UUID.class), rs.getString("role"),
                        rs.getBoolean("is_active"), rs.getLong("sequence")))
                .optional();
    }

    /**
     * Stores the user's state of version {@code sequence}. Only newer versions arrive here: the event template drops
     * redelivered and older events in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(UserSnapshot user, long sequence) {
        if (user.id() == null || user.role() == null || user.isActive() == null) {
            throw new InvalidEventException("identity event lacks id, role or is_active");
        }
        jdbc.sql("""
                        INSERT INTO app_user (id, role, is_active, sequence, updated_at)
                        VALUES (:id, :role, :active, :sequence, :now)
                        ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, is_active = EXCLUDED.is_active,
                            sequence = EXCLUDED.sequence, updated_at = EXCLUDED.updated_at""")
                .param("id", user.id()).param("role", user.role()).param("active", user.isActive())
                .param("sequence", sequence).param("now", timestamp(clock.instant()))
                .update();
    }
}
