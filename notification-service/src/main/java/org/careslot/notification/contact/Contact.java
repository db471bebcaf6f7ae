package org.careslot.notification.contact;

import java.util.UUID;

/** How to reach a user, as identity-service published it last. Personal data: never logged, never published. */
public record Contact(UUID userId, String email, String phone, String fullName, String role, boolean active) {

    @Override
    public String toString() {
        return "Contact[" + userId + ", " + role + (active ? "" : ", inactive") + "]";
    }
}
