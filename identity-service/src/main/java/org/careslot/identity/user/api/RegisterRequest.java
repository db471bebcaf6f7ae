package org.careslot.identity.user.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.careslot.identity.user.RegistrationService.Registration;
import org.careslot.identity.user.domain.BangladeshPhone;
import org.careslot.identity.user.domain.ProfileFields;
import org.careslot.identity.user.domain.Role;
import org.careslot.identity.user.domain.StrongPassword;

import java.time.LocalDate;

/**
 * The register body of api.md; {@code role} defaults to PATIENT. Names and e-mail are taken without surrounding
 * blanks; unknown members are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegisterRequest(
        @Pattern(regexp = ProfileFields.ROLE, message = ProfileFields.INVALID_ROLE) String role,
        @NotBlank @Size(max = ProfileFields.MAX_NAME, message = ProfileFields.INVALID_NAME)
        @Pattern(regexp = ProfileFields.PERSON_NAME, message = ProfileFields.INVALID_NAME_CHARACTERS) String fullName,
        @NotBlank @Size(max = ProfileFields.MAX_EMAIL, message = ProfileFields.INVALID_EMAIL)
        @Pattern(regexp = ProfileFields.EMAIL, message = ProfileFields.INVALID_EMAIL) String email,
        @NotBlank @BangladeshPhone @Schema(pattern = BangladeshPhone.PATTERN, example = "+8801712345678") String phone,
        @NotBlank @StrongPassword @Schema(format = "password", minLength = StrongPassword.MIN,
                maxLength = StrongPassword.MAX, description = "With an upper-case letter, a digit and a special "
                + "character.") String password,
        @NotNull @Positive(message = ProfileFields.NOT_POSITIVE) Integer divisionId,
        @NotNull @Positive(message = ProfileFields.NOT_POSITIVE) Integer districtId,
        @NotNull @Positive(message = ProfileFields.NOT_POSITIVE) Integer thanaId,
        LocalDate dateOfBirth,
        @Pattern(regexp = ProfileFields.GENDER, message = ProfileFields.INVALID_GENDER) String gender,
        @Pattern(regexp = ProfileFields.BLOOD_GROUP, message = ProfileFields.INVALID_BLOOD_GROUP) String bloodGroup,
        @Size(max = ProfileFields.MAX_TEXT, message = ProfileFields.TOO_LONG_TEXT) String emergencyContact,
        @Size(max = ProfileFields.MAX_TEXT, message = ProfileFields.TOO_LONG_TEXT) String medicalHistory) {

    RegisterRequest {
        fullName = fullName == null ? null : fullName.strip();
        email = email == null ? null : email.strip();
    }

    Registration toRegistration() {
        return new Registration(role == null ? Role.PATIENT : Role.valueOf(role), fullName, email, phone, password,
                divisionId, districtId, thanaId, dateOfBirth, gender, bloodGroup, emergencyContact, medicalHistory);
    }

    @Override
    public String toString() { // never log the password
        return "RegisterRequest[role=" + role + ", email=" + email + "]";
    }
}
