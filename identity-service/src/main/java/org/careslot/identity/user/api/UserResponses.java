package org.careslot.identity.user.api;

import org.careslot.identity.user.domain.UserProfile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response bodies of the user endpoints (snake_case on the wire). */
final class UserResponses {

    private UserResponses() {
    }

    /** 201 of a registration; also an item of the admin list. No medical fields. */
    record UserSummary(UUID id, String email, String fullName, String phone, String role, Integer divisionId,
                       Integer districtId, Integer thanaId, boolean isActive, Instant createdAt) {

        static UserSummary of(UserProfile user) {
            return new UserSummary(user.id(), user.email(), user.fullName(), user.phone(), user.role().name(),
                    user.divisionId(), user.districtId(), user.thanaId(), user.active(), user.createdAt());
        }
    }

    /**
     * The whole profile: for its owner and for admins only. The medical members are null for anyone but patients.
     */
    record Profile(UUID id, String email, String fullName, String phone, String role, Integer divisionId,
                   Integer districtId, Integer thanaId, LocalDate dateOfBirth, String gender, String bloodGroup,
                   String emergencyContact, String medicalHistory, List<String> notificationChannels,
                   String photoUrl, boolean isActive, Instant createdAt, Instant updatedAt) {

        static Profile of(UserProfile user, String photoUrl) {
            return new Profile(user.id(), user.email(), user.fullName(), user.phone(), user.role().name(),
                    user.divisionId(), user.districtId(), user.thanaId(), user.dateOfBirth(), user.gender(),
                    user.bloodGroup(), user.emergencyContact(), user.medicalHistory(), user.notificationChannels(),
                    photoUrl, user.active(),
                    user.createdAt(), user.updatedAt());
        }
    }

    /** The {@code user} member of a login answer. */
    record LoginUser(UUID id, String email, String fullName, String role) {

        static LoginUser of(UserProfile user) {
            return new LoginUser(user.id(), user.email(), user.fullName(), user.role().name());
        }
    }

    record LoginResponse(String access, String refresh, String tokenType, long expiresIn, LoginUser user) {
    }

    record RefreshResponse(String access, String refresh, long expiresIn) {
    }
}
