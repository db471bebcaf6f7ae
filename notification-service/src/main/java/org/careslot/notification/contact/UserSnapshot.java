package org.careslot.notification.contact;

import java.util.UUID;

/** The part of identity.user.v1 data (docs/schemas/identity.user.v1/user.json) this service keeps. */
public record UserSnapshot(UUID id, String email, String fullName, String phone, String role, Boolean isActive) {

    @Override
    public String toString() {
        return "UserSnapshot[" + id + ", " + role + "]";
    }
}
