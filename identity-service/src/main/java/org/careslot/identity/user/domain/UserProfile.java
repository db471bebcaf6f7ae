package org.careslot.identity.user.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A user's whole profile as the service hands it to its callers (the stored row stays in the persistence adapter).
 * The medical members are null for anyone but patients.
 */
public record UserProfile(UUID id, String email, String fullName, String phone, Role role, Integer divisionId,
                          Integer districtId, Integer thanaId, LocalDate dateOfBirth, String gender,
                          String bloodGroup, String emergencyContact, String medicalHistory,
                          List<String> notificationChannels, boolean active, Instant createdAt, Instant updatedAt) {
}
