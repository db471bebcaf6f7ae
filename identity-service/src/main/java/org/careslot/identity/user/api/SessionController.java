package org.careslot.identity.user.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.careslot.identity.user.SessionService;
import org.careslot.identity.user.api.SessionRequests.LoginRequest;
import org.careslot.identity.user.api.SessionRequests.RefreshRequest;
import org.careslot.identity.user.api.UserResponses.LoginResponse;
import org.careslot.identity.user.api.UserResponses.LoginUser;
import org.careslot.identity.user.api.UserResponses.RefreshResponse;
import org.careslot.identity.user.keycloak.KeycloakTokenEndpoint.Tokens;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sessions")
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/api/v1/user/login")
    @Operation(summary = "Log in with e-mail and password",
            description = "Wrong credentials, a deactivated or a temporarily locked account (5 failures) all answer "
                    + "401 with one neutral message.")
    @ApiResponse(responseCode = "401", description = "Wrong credentials, deactivated or locked account",
            content = @Content(mediaType = "application/problem+json"))
    LoginResponse login(@Valid @RequestBody LoginRequest body) {
        SessionService.Login login = sessions.login(body.email(), body.password());
        Tokens tokens = login.tokens();
        return new LoginResponse(tokens.access(), tokens.refresh(), "Bearer", tokens.expiresIn(),
                LoginUser.of(login.user()));
    }

    @PostMapping("/api/v1/refresh/token")
    @Operation(summary = "New tokens for a refresh token; an invalid or revoked one → 401")
    @ApiResponse(responseCode = "401", description = "The refresh token is invalid, expired or revoked",
            content = @Content(mediaType = "application/problem+json"))
    RefreshResponse refresh(@Valid @RequestBody RefreshRequest body) {
        Tokens tokens = sessions.refresh(body.refresh());
        return new RefreshResponse(tokens.access(), tokens.refresh(), tokens.expiresIn());
    }

    @PostMapping("/api/v1/user/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End the session of one of your refresh tokens; it stops working at once",
            description = "A refresh token of another user's session → 400 on `refresh`; an already ended session "
                    + "answers 204 too.")
    void logout(@Valid @RequestBody RefreshRequest body, CurrentUser caller) {
        sessions.logout(caller.id(), body.refresh());
    }
}
