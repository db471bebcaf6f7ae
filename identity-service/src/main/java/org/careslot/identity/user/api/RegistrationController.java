package org.careslot.identity.user.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.careslot.identity.user.RegistrationService;
import org.careslot.identity.user.RegistrationService.Registration;
import org.careslot.identity.user.api.UserResponses.UserSummary;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@Tag(name = "Registration")
class RegistrationController {

    /** The register body of api.md; {@code role} defaults to PATIENT. */
    record RegisterRequest(String role, String fullName, String email, String phone, String password,
                           Integer divisionId, Integer districtId, Integer thanaId, LocalDate dateOfBirth,
                           String gender, String bloodGroup, String emergencyContact, String medicalHistory) {

        @Override
        public String toString() { // never log the password
            return "RegisterRequest[role=" + role + ", email=" + email + "]";
        }
    }

    private final RegistrationService registration;

    RegistrationController(RegistrationService registration) {
        this.registration = registration;
    }

    @PostMapping("/api/v1/user/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a PATIENT or DOCTOR account (ADMIN accounts only by an admin's token)",
            description = "Validation errors name each field (400); e-mail (case-insensitive) or phone in use → 409; "
                    + "Keycloak unreachable → 503 with nothing created. Medical fields are accepted for patients only.")
    UserSummary register(@RequestBody RegisterRequest body, Authentication authentication) {
        boolean callerIsAdmin = authentication instanceof JwtAuthenticationToken
                && CurrentUser.from(authentication).isAdmin();
        return UserSummary.of(registration.register(new Registration(body.role(), body.fullName(), body.email(),
                body.phone(), body.password(), body.divisionId(), body.districtId(), body.thanaId(),
                body.dateOfBirth(), body.gender(), body.bloodGroup(), body.emergencyContact(),
                body.medicalHistory()), callerIsAdmin));
    }
}
