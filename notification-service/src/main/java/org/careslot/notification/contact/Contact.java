package org.careslot.notification.contact;

import java.util.List;
import java.util.UUID;

/**
 * How to reach a user, as identity-service published it last. Personal data: never logged, never published.
 *
 * @param channels the channels the user chose (EMAIL, SMS), never empty
 */
public record Contact(UUID userId, String email, String phone, String fullName, String role, boolean active,
                      List<String> channels) {

    public Contact {
        channels = List.copyOf(channels);
    }

    @Override
    public String toString() {
        return "Contact[" + userId + ", " + role + (active ? "" : ", inactive") + ", " + channels + "]";
    }
}
