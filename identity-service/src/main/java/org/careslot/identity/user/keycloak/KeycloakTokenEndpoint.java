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
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Logs users in, refreshes and revokes their tokens at Keycloak's OpenID Connect endpoints on their behalf, as the
 * confidential client {@code identity-service}. Keycloak's error texts are never passed on: a failed login answers
 * one neutral message, whatever was wrong (unknown e-mail, wrong password, disabled or temporarily locked account).
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

    public KeycloakTokenEndpoint(RestClient.Builder builder, KeycloakClientProperties properties) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.connectTimeout());
        requests.setReadTimeout(properties.readTimeout());
        this.http = builder.clone().requestFactory(requests).baseUrl(properties.realmUrl()).build();
        this.properties = properties;
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
        } catch (ResourceAccessException e) {
            throw new IdentityProviderUnavailableException(e);
        }
    }

    private JsonNode post(String path, MultiValueMap<String, String> form, String unauthorizedMessage) {
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
        } catch (ResourceAccessException e) {
            throw new IdentityProviderUnavailableException(e);
        }
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
