package org.careslot.identity.user.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A change of one's own profile: only the members in {@code present} are applied, and a present null clears an
 * optional member. Protected members (id, e-mail, role, activity) cannot be expressed here at all.
 */
public record ProfileChange(Set<String> present, String fullName, String phone, Integer divisionId,
                            Integer districtId, Integer thanaId, LocalDate dateOfBirth, String gender,
                            String bloodGroup, String emergencyContact, String medicalHistory,
                            List<String> notificationChannels) {

    public ProfileChange {
        present = Set.copyOf(present);
        // may hold nulls (members that were not strings): rejected by the rules, so no List.copyOf here
        notificationChannels = notificationChannels == null ? null
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(notificationChannels));
    }

    /** @param field the snake_case member name */
    public boolean has(String field) {
        return present.contains(field);
    }

    public boolean changesLocation() {
        return has("division_id") || has("district_id") || has("thana_id");
    }
}
