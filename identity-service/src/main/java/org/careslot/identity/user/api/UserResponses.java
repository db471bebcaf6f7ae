package org.careslot.identity.user.api;

import org.careslot.identity.user.persistence.UserAccount;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Response bodies of the user endpoints (snake_case on the wire). */
final class UserResponses {

    private UserResponses() {
    }

    /** 201 of a registration; also an item of the admin list. No medical fields. */
    record UserSummary(UUID id, String email, String fullName, String phone, String role, Integer divisionId,
                       Integer districtId, Integer thanaId, boolean isActive, Instant createdAt) {

        static UserSummary of(UserAccount user) {
            return new UserSummary(user.getId(), user.getEmail(), user.getFullName(), user.getPhone(),
                    user.getRole().name(), user.getDivisionId(), user.getDistrictId(), user.getThanaId(),
                    user.isActive(), user.getCreatedAt());
        }
    }

    /**
     * The whole profile: for its owner and for admins only. The medical members are null for anyone but patients.
     */
    record Profile(UUID id, String email, String fullName, String phone, String role, Integer divisionId,
                   Integer districtId, Integer thanaId, LocalDate dateOfBirth, String gender, String bloodGroup,
                   String emergencyContact, String medicalHistory, String photoUrl, boolean isActive,
                   Instant createdAt, Instant updatedAt) {

        static Profile of(UserAccount user, String photoUrl) {
            return new Profile(user.getId(), user.getEmail(), user.getFullName(), user.getPhone(),
                    user.getRole().name(), user.getDivisionId(), user.getDistrictId(), user.getThanaId(),
                    user.getDateOfBirth(), user.getGender(), user.getBloodGroup(), user.getEmergencyContact(),
                    user.getMedicalHistory(), photoUrl, user.isActive(), user.getCreatedAt(), user.getUpdatedAt());
        }
    }

    /** The {@code user} member of a login answer. */
    record LoginUser(UUID id, String email, String fullName, String role) {

        static LoginUser of(UserAccount user) {
            return new LoginUser(user.getId(), user.getEmail(), user.getFullName(), user.getRole().name());
        }
    }

    record LoginResponse(String access, String refresh, String tokenType, long expiresIn, LoginUser user) {
    }

    record RefreshResponse(String access, String refresh, long expiresIn) {
    }
}
