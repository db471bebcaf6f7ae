package org.careslot.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import java.util.List;

/**
 * Requests that pass the gateway without a token; everything else needs a valid Keycloak access token (roles are
 * checked by the services). Each path is listed with and without the trailing slash (Django-style slash is canonical,
 * both forms are served).
 */
public final class PublicEndpoints {

    private PublicEndpoints() {
    }

    public static ServerWebExchangeMatcher matcher() {
        return new OrServerWebExchangeMatcher(List.of(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, bothForms(
                        "/api/v1/user/register", "/api/v1/user/login", "/api/v1/refresh/token")),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/v1/locations/**"),
                // profile photos are plain <img> sources (doctor cards in search)
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/v1/user/photos/**"),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, bothForms(
                        "/api/v1/doctors", "/api/v1/doctors/{id}", "/api/v1/doctors/{id}/availability")),
                // calendar apps subscribe without a bearer token: the token in the feed's path is the credential
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, bothForms("/api/v1/calendar/feeds/{token}.ics")),
                // FHIR R4: capability statement and directory (Appointment needs a token)
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, bothForms("/fhir/r4/metadata",
                        "/fhir/r4/Practitioner", "/fhir/r4/Practitioner/{id}", "/fhir/r4/PractitionerRole",
                        "/fhir/r4/PractitionerRole/{id}", "/fhir/r4/Schedule", "/fhir/r4/Schedule/{id}",
                        "/fhir/r4/Slot", "/fhir/r4/Slot/{id}")),
                // Swagger UI (at /v1/) and its assets, each service's OpenAPI, probes and metrics
                ServerWebExchangeMatchers.pathMatchers("/v1", "/v1/**", "/v3/api-docs", "/v3/api-docs/**",
                        "/actuator/health", "/actuator/health/**", "/actuator/prometheus")));
    }

    private static String[] bothForms(String... paths) {
        String[] both = new String[paths.length * 2];
        for (int i = 0; i < paths.length; i++) {
            both[2 * i] = paths[i];
            both[2 * i + 1] = paths[i] + "/";
        }
        return both;
    }
}
