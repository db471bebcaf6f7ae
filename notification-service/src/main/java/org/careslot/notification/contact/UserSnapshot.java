package org.careslot.notification.contact;

import java.util.List;
import java.util.UUID;

/**
 * The part of identity.user.v1 data (docs/schemas/identity.user.v1/user.json) this service keeps.
 *
 * @param notificationChannels absent (null) in events published before the member existed: e-mail only
 */
public record UserSnapshot(UUID id, String email, String fullName, String phone, String role, Boolean isActive,
                           List<String> notificationChannels) {

    @Override
    public String toString() {
        return "UserSnapshot[" + id + ", " + role + "]";
    }
}
