package org.careslot.identity.user.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.careslot.identity.user.SessionService;
import org.careslot.identity.user.api.UserResponses.LoginResponse;
import org.careslot.identity.user.api.UserResponses.LoginUser;
import org.careslot.identity.user.api.UserResponses.RefreshResponse;
import org.careslot.identity.user.domain.ProfileRules;
import org.careslot.identity.user.keycloak.KeycloakTokenEndpoint.Tokens;
import org.careslot.platform.web.problem.InvalidFieldsException;
import org.careslot.platform.web.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sessions")
class SessionController {

    record LoginRequest(String email, String password) {
        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    record RefreshRequest(String refresh) {
        @Override
        public String toString() {
            return "RefreshRequest[***]";
        }
    }

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/api/v1/user/login")
    @Operation(summary = "Log in with e-mail and password",
            description = "Wrong credentials, a deactivated or a temporarily locked account (5 failures) all answer "
                    + "401 with one neutral message.")
    LoginResponse login(@RequestBody LoginRequest body) {
        ProfileRules rules = new ProfileRules().required("email", body.email()).required("password", body.password());
        if (!rules.isValid()) {
            throw new InvalidFieldsException(rules.errors());
        }
        SessionService.Login login = sessions.login(body.email(), body.password());
        Tokens tokens = login.tokens();
        return new LoginResponse(tokens.access(), tokens.refresh(), "Bearer", tokens.expiresIn(),
                LoginUser.of(login.user()));
    }

    @PostMapping("/api/v1/refresh/token")
    @Operation(summary = "New tokens for a refresh token; an invalid or revoked one → 401")
    RefreshResponse refresh(@RequestBody RefreshRequest body) {
        if (body.refresh() == null || body.refresh().isBlank()) {
            throw InvalidFieldsException.of("refresh", "This field is required.");
        }
        Tokens tokens = sessions.refresh(body.refresh());
        return new RefreshResponse(tokens.access(), tokens.refresh(), tokens.expiresIn());
    }

    @PostMapping("/api/v1/user/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End the session of one of your refresh tokens; it stops working at once")
    void logout(@RequestBody RefreshRequest body, CurrentUser caller) {
        if (body.refresh() == null || body.refresh().isBlank()) {
            throw InvalidFieldsException.of("refresh", "This field is required.");
        }
        sessions.logout(caller.id(), body.refresh());
    }
}
