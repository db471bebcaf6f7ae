package org.careslot.identity.user.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.careslot.identity.user.RegistrationService;
import org.careslot.identity.user.api.UserResponses.UserSummary;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Registration")
class RegistrationController {

    private final RegistrationService registration;

    RegistrationController(RegistrationService registration) {
        this.registration = registration;
    }

    @PostMapping("/api/v1/user/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a PATIENT or DOCTOR account (ADMIN accounts only by an admin's token)",
            description = "Validation errors name each field (400); e-mail (case-insensitive) or phone in use → 409; "
                    + "Keycloak unreachable → 503 with nothing created. Medical fields are accepted for patients only.")
    @ApiResponse(responseCode = "403", description = "role ADMIN without an administrator's token",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The e-mail or the phone number is already used",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Keycloak unreachable; nothing was created",
            content = @Content(mediaType = "application/problem+json"))
    UserSummary register(@Valid @RequestBody RegisterRequest body, Authentication authentication) {
        // public endpoint: an admin's token is optional and only matters for ADMIN accounts
        boolean callerIsAdmin = authentication instanceof JwtAuthenticationToken
                && CurrentUser.from(authentication).isAdmin();
        return UserSummary.of(registration.register(body.toRegistration(), callerIsAdmin));
    }
}
