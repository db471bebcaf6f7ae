package org.careslot.identity.user.keycloak;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Keycloak accounts left behind by registrations that failed after Keycloak had created the user and while Keycloak
 * was unreachable for the clean-up: remembered in {@code keycloak_orphan} and removed by a retry every minute. Safe
 * with several replicas: deleting a user that another replica already removed counts as success.
 */
@Component
public class KeycloakOrphans {

    private static final Logger log = LoggerFactory.getLogger(KeycloakOrphans.class);

    private final JdbcClient jdbc;
    private final KeycloakUsers keycloak;

    public KeycloakOrphans(JdbcClient jdbc, KeycloakUsers keycloak) {
        this.jdbc = jdbc;
        this.keycloak = keycloak;
    }

    /** Removes the user now, or remembers it for {@link #retry()}. Runs outside the failed transaction. */
    public void remove(UUID userId) {
        if (keycloak.deleteQuietly(userId)) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO keycloak_orphan (user_id) VALUES (?) ON CONFLICT DO NOTHING").param(userId).update();
        } catch (RuntimeException e) {
            log.error("Keycloak user {} may be orphaned: neither Keycloak nor the database could be reached", userId);
        }
    }

    @Scheduled(fixedDelayString = "${careslot.identity.orphan-retry-interval:60s}",
            initialDelayString = "${careslot.identity.orphan-retry-interval:60s}")
    public void retry() {
        List<UUID> orphans = jdbc.sql("SELECT user_id FROM keycloak_orphan ORDER BY created_at LIMIT 50")
                .query(UUID.class).list();
        for (UUID orphan : orphans) {
            if (keycloak.deleteQuietly(orphan)) {
                jdbc.sql("DELETE FROM keycloak_orphan WHERE user_id = ?").param(orphan).update();
                log.info("Removed orphaned Keycloak user {}", orphan);
            } else {
                jdbc.sql("UPDATE keycloak_orphan SET attempts = attempts + 1 WHERE user_id = ?").param(orphan).update();
                return; // Keycloak still unreachable: try again at the next run
            }
        }
    }
}
