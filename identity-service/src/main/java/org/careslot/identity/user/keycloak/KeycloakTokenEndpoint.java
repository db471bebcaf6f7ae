package org.careslot.identity.user.keycloak;

import org.careslot.platform.web.problem.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;

/**
 * Logs users in, refreshes and revokes their tokens at Keycloak's OpenID Connect endpoints on their behalf, as the
 * confidential client {@code identity-service}. Keycloak's error texts are never passed on: a failed login answers
 * one neutral message, whatever was wrong (unknown e-mail, wrong password, disabled or temporarily locked account).
 * Every call goes through the {@code keycloak-token} circuit breaker of {@link KeycloakCalls} and none is retried:
 * each login attempt counts against Keycloak's brute-force detection, and a refresh token may be single-use.
 */
@Component
public class KeycloakTokenEndpoint {

    /** The one answer to every failed login (api.md: it must not say which part was wrong). */
    public static final String INVALID_LOGIN = "Invalid email or password. After repeated failures an account is "
            + "locked for a while.";

    /** What a successful login or refresh yields. */
    public record Tokens(String access, String refresh, long expiresIn) {
    }

    private final RestClient http;
    private final KeycloakClientProperties properties;
    private final KeycloakCalls calls;

    public KeycloakTokenEndpoint(RestClient.Builder builder, KeycloakClientProperties properties,
                                 KeycloakCalls calls) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.connectTimeout());
        requests.setReadTimeout(properties.readTimeout());
        this.http = builder.clone().requestFactory(requests).baseUrl(properties.realmUrl()).build();
        this.properties = properties;
        this.calls = calls;
    }

    public Tokens passwordGrant(String email, String password) {
        MultiValueMap<String, String> form = clientForm();
        form.add("grant_type", "password");
        form.add("username", email);
        form.add("password", password);
        form.add("scope", "openid");
        return tokens(post("/protocol/openid-connect/token", form, INVALID_LOGIN));
    }

    public Tokens refresh(String refreshToken) {
        MultiValueMap<String, String> form = clientForm();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        return tokens(post("/protocol/openid-connect/token", form, "The refresh token is invalid, expired or revoked."));
    }

    /** Ends the session of the refresh token; an already ended session counts as success (logout is idempotent). */
    public void logout(String refreshToken) {
        MultiValueMap<String, String> form = clientForm();
        form.add("refresh_token", refreshToken);
        calls.tokenEndpoint(() -> {
            endSession(form);
            return null;
        });
    }

    private void endSession(MultiValueMap<String, String> form) {
        try {
            http.post().uri("/protocol/openid-connect/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form).retrieve()
                    .onStatus(HttpStatusCode::is5xxServerError, (request, response) -> {
                        throw new IdentityProviderUnavailableException(
                                new IllegalStateException("Keycloak answered " + response.getStatusCode()));
                    })
                    .onStatus(HttpStatusCode::is4xxClientError, (request, response) -> {
                        // invalid or already revoked token: nothing left to end
                    })
                    .toBodilessEntity();
        } catch (RestClientException e) {
            throw unreachable(e);
        }
    }

    private JsonNode post(String path, MultiValueMap<String, String> form, String unauthorizedMessage) {
        return calls.tokenEndpoint(() -> send(path, form, unauthorizedMessage));
    }

    private JsonNode send(String path, MultiValueMap<String, String> form, String unauthorizedMessage) {
        try {
            return http.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve()
                    .onStatus(HttpStatusCode::is5xxServerError, (request, response) -> {
                        throw new IdentityProviderUnavailableException(
                                new IllegalStateException("Keycloak answered " + response.getStatusCode()));
                    })
                    .onStatus(HttpStatusCode::is4xxClientError, (request, response) -> {
                        throw new UnauthorizedException(unauthorizedMessage);
                    })
                    .body(JsonNode.class);
        } catch (RestClientException e) {
            throw unreachable(e);
        }
    }

    /**
     * Keycloak could not be reached or stopped answering. A read timeout does not always arrive as
     * {@link ResourceAccessException}: HttpURLConnection swallows it while the headers are read, and RestClient then
     * reports it as a failure to extract the body — a stalled Keycloak must still answer 503, not 500.
     */
    private static RuntimeException unreachable(RestClientException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return new IdentityProviderUnavailableException(e);
            }
        }
        return e;
    }

    private MultiValueMap<String, String> clientForm() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        return form;
    }

    private static Tokens tokens(JsonNode body) {
        return new Tokens(body.get("access_token").asString(), body.get("refresh_token").asString(),
                body.get("expires_in").asLong());
    }

    /** 401 with a fixed message. */
    public static class UnauthorizedException extends ApiProblemException {
        public UnauthorizedException(String detail) {
            super(HttpStatus.UNAUTHORIZED, detail);
        }
    }
}
