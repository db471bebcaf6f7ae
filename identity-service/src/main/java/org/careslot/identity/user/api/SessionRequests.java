package org.careslot.identity.user.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;

/** Bodies of login, refresh and logout. Neither logs its secret. */
final class SessionRequests {

    private SessionRequests() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LoginRequest(@NotBlank String email, @NotBlank String password) {
        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RefreshRequest(@NotBlank String refresh) {
        @Override
        public String toString() {
            return "RefreshRequest[***]";
        }
    }
}
