package org.careslot.gateway;

import org.careslot.gateway.support.FakeService;
import org.careslot.gateway.support.GatewayClient;
import org.careslot.gateway.support.LocalJwks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careslot.gateway.support.Problems.assertProblem;
import static org.careslot.gateway.support.Problems.json;
import static org.careslot.gateway.support.Problems.traceId;

/**
 * The gateway in front of five real (tiny) HTTP services and a real JWKS endpoint: which prefix reaches which
 * service, what passes without a token, what the client gets back on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("integration")
class GatewayRoutingTest {

    static final FakeService IDENTITY = FakeService.start("identity");
    static final FakeService DOCTOR = FakeService.start("doctor");
    static final FakeService BOOKING = FakeService.start("booking");
    static final FakeService NOTIFICATION = FakeService.start("notification");
    static final FakeService REPORTING = FakeService.start("reporting");
    static final LocalJwks JWKS = LocalJwks.start();
    static final Map<String, FakeService> SERVICES = Map.of("identity", IDENTITY, "doctor", DOCTOR,
            "booking", BOOKING, "notification", NOTIFICATION, "reporting", REPORTING);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_URL", IDENTITY::url);
        registry.add("DOCTOR_URL", DOCTOR::url);
        registry.add("BOOKING_URL", BOOKING::url);
        registry.add("NOTIFICATION_URL", NOTIFICATION::url);
        registry.add("REPORTING_URL", REPORTING::url);
        registry.add("KEYCLOAK_URL", JWKS::baseUrl);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.values().forEach(FakeService::close);
        JWKS.close();
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(port);
        SERVICES.values().forEach(FakeService::forgetRequests);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET,    /api/v1/user/me/,                              identity",
            "PATCH,  /api/v1/user/me,                               identity",
            "POST,   /api/v1/user/logout/,                          identity",
            "GET,    /api/v1/users/?role=DOCTOR,                    identity",
            "GET,    /api/v1/users/7d9f0c1e-1111-2222-3333-444455556666/, identity",
            "GET,    /api/v1/appointments/,                         booking",
            "GET,    /api/v1/appointments,                          booking",
            "POST,   /api/v1/appointments/a1/cancel/,               booking",
            "GET,    /api/v1/calendar/feed-url/,                    booking",
            "DELETE, /api/v1/calendar/feed-url,                     booking",
            "GET,    /fhir/r4/Appointment?status=booked,            booking",
            "GET,    /fhir/r4/Appointment/a1,                       booking",
            "GET,    /api/v1/doctors/me/time-slots/,                doctor",
            "PUT,    /api/v1/doctors/me/profile,                    doctor",
            "GET,    /api/v1/doctors/d1/time-off/,                  doctor",
            "GET,    /api/v1/reminders/?appointment_id=a1,          notification",
            "GET,    /api/v1/reminders,                             notification",
            "POST,   /api/v1/doctors/d1/waitlist/,                  notification",
            "POST,   /api/v1/doctors/d1/waitlist,                   notification",
            "GET,    /api/v1/waitlist/?page=2,                      notification",
            "DELETE, /api/v1/waitlist/w1/,                          notification",
            "GET,    /api/v1/reports/monthly/?month=2026-01,        reporting",
            "GET,    /api/v1/reports/summary,                       reporting",
    })
    void authenticatedRequestsReachTheServiceOwningThePrefixUnchanged(String method, String pathAndQuery,
            String service) {
        String token = JWKS.token("ADMIN");
        HttpResponse<String> response = gateway.send(gateway.request(pathAndQuery)
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("service").asString()).isEqualTo(service);
        FakeService.Received received = SERVICES.get(service).nextRequest();
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.path()).isEqualTo(pathAndQuery.split("\\?")[0]);
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
        SERVICES.values().forEach(s -> assertThat(s.pendingRequests()).as(s.name()).isZero());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "POST, /api/v1/user/register/,                      identity",
            "POST, /api/v1/user/register,                       identity",
            "POST, /api/v1/user/login/,                         identity",
            "POST, /api/v1/user/login,                          identity",
            "POST, /api/v1/refresh/token/,                      identity",
            "POST, /api/v1/refresh/token,                       identity",
            "GET,  /api/v1/locations/divisions/,                identity",
            "GET,  /api/v1/locations/divisions/3/districts,     identity",
            "GET,  /api/v1/locations/districts/12/thanas/,      identity",
            "GET,  /api/v1/doctors/,                            doctor",
            "GET,  /api/v1/doctors,                             doctor",
            "GET,  /api/v1/doctors/?specialization=Cardiology,  doctor",
            "GET,  /api/v1/doctors/d1/,                         doctor",
            "GET,  /api/v1/doctors/d1,                          doctor",
            "GET,  /api/v1/doctors/d1/availability/?date=2026-12-01, booking",
            "GET,  /api/v1/doctors/d1/availability,             booking",
            "GET,  /api/v1/calendar/feeds/abc_-123.ics,         booking",
            "GET,  /api/v1/calendar/feeds/abc_-123.ics/,        booking",
            "GET,  /fhir/r4/metadata,                           booking",
            "GET,  /fhir/r4/metadata/,                          booking",
            "GET,  /fhir/r4/Practitioner/d1,                    booking",
            "GET,  /fhir/r4/PractitionerRole?practitioner=Practitioner/d1, booking",
            "GET,  /fhir/r4/Schedule/d1,                        booking",
            "GET,  /fhir/r4/Slot?schedule=Schedule/d1&start=ge2026-12-03&start=lt2026-12-10, booking",
            "GET,  /fhir/r4/Slot/d1-20261203T0930,              booking",
    })
    void publicEndpointsPassWithoutToken(String method, String pathAndQuery, String service) {
        HttpResponse<String> response = gateway.send(gateway.request(pathAndQuery)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("service").asString()).isEqualTo(service);
        FakeService.Received received = SERVICES.get(service).nextRequest();
        assertThat(received.path()).isEqualTo(pathAndQuery.split("\\?")[0]);
        assertThat(received.header("Authorization")).isNull();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET,    /api/v1/appointments/",
            "POST,   /api/v1/appointments/",
            "GET,    /api/v1/calendar/feed-url/",
            "DELETE, /api/v1/calendar/feed-url/",
            "DELETE, /api/v1/calendar/feeds/abc.ics",
            "GET,    /api/v1/calendar/feeds/",
            "GET,    /fhir/r4/Appointment",
            "GET,    /fhir/r4/Appointment/a1/",
            "POST,   /fhir/r4/Practitioner",
            "GET,    /api/v1/user/me/",
            "POST,   /api/v1/user/logout/",
            "GET,    /api/v1/users/",
            "PUT,    /api/v1/doctors/me/profile/",
            "GET,    /api/v1/doctors/me/time-slots/",
            "POST,   /api/v1/doctors/d1/",
            "DELETE, /api/v1/doctors/me/time-off/t1/",
            "GET,    /api/v1/reminders/",
            "POST,   /api/v1/doctors/d1/waitlist/",
            "GET,    /api/v1/doctors/d1/waitlist/",
            "GET,    /api/v1/waitlist/",
            "DELETE, /api/v1/waitlist/w1/",
            "GET,    /api/v1/reports/summary/",
            "POST,   /api/v1/locations/divisions/",
            "GET,    /api/v1/user/register/",
    })
    void protectedEndpointsWithoutTokenAre401ProblemsAndNeverReachAService(String method, String path) {
        HttpResponse<String> response = gateway.send(gateway.request(path)
                .method(method, HttpRequest.BodyPublishers.noBody()));

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        traceId(response);
        SERVICES.values().forEach(s -> assertThat(s.pendingRequests()).as(s.name()).isZero());
    }

    @Test
    void expiredForeignOrGarbledTokensAre401() {
        for (String token : List.of(JWKS.expiredToken("PATIENT"),
                JWKS.tokenFromIssuer("http://evil.example/realms/appointments", "ADMIN"),
                "not-a-jwt", tamper(JWKS.token("PATIENT")))) {
            HttpResponse<String> response = gateway.get("/api/v1/appointments/", token);
            assertProblem(response, 401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        }
        assertThat(BOOKING.pendingRequests()).isZero();
    }

    @Test
    void everyResponseCarriesTheTraceIdOfTheTracePropagatedToTheService() {
        HttpResponse<String> proxied = gateway.get("/api/v1/doctors/");
        String traceId = traceId(proxied);
        String traceparent = DOCTOR.nextRequest().header("traceparent");
        assertThat(traceparent).as("traceparent sent to the service").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(traceparent.split("-")[1]).isEqualTo(traceId);

        // a caller's own trace is continued, not replaced
        String callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> continued = gateway.send(gateway.request("/api/v1/doctors/")
                .header("traceparent", "00-" + callerTrace + "-00f067aa0ba902b7-01"));
        assertThat(traceId(continued)).isEqualTo(callerTrace);
        assertThat(DOCTOR.nextRequest().header("traceparent")).contains(callerTrace);

        HttpResponse<String> serviceError = gateway.get("/api/v1/doctors/boom/");
        assertThat(serviceError.statusCode()).isEqualTo(500);
        traceId(serviceError);

        HttpResponse<String> unauthorized = gateway.get("/api/v1/reports/summary/");
        assertProblem(unauthorized, 401);
        traceId(unauthorized);
        HttpResponse<String> notFound = gateway.get("/v1/swagger-ui/no-such-asset.js");
        assertProblem(notFound, 404);
        traceId(notFound);
        traceId(gateway.get("/actuator/health"));
        traceId(gateway.get("/v1/"));

        assertThat(traceId(gateway.get("/api/v1/doctors/"))).as("each request has its own trace").isNotEqualTo(traceId);
    }

    @Test
    void unknownPathsWithValidTokenAre404Problems() {
        HttpResponse<String> response = gateway.get("/api/v1/nothing-here/", JWKS.token("ADMIN"));
        assertProblem(response, 404);
        traceId(response);
    }

    @Test
    void serviceErrorsPassThroughUnchanged() {
        HttpResponse<String> response = gateway.get("/api/v1/appointments/boom/", JWKS.token("PATIENT"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).get("title").asString()).isEqualTo("Internal Server Error");
    }

    @Test
    void corsPreflightFromAConfiguredOriginIsAnsweredAtTheEdge() {
        HttpResponse<String> preflight = gateway.send(gateway.request("/api/v1/appointments/")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key"));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("authorization", "content-type", "idempotency-key");
        traceId(preflight);
        assertThat(BOOKING.pendingRequests()).isZero();

        HttpResponse<String> actual = gateway.send(gateway.request("/api/v1/doctors/")
                .header("Origin", "http://localhost:3000"));
        assertThat(actual.headers().allValues("Access-Control-Allow-Origin")).containsExactly("http://localhost:3000");
        assertThat(actual.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("X-Trace-Id", "Retry-After");

        HttpResponse<String> unauthorized = gateway.send(gateway.request("/api/v1/appointments/")
                .header("Origin", "http://localhost:3000"));
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
    }

    @Test
    void corsPreflightFromAnUnknownOriginIsRejected() {
        HttpResponse<String> preflight = gateway.send(gateway.request("/api/v1/appointments/")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void swaggerUiAtV1ListsEveryServiceOpenApiServedThroughTheGateway() {
        HttpResponse<String> entry = gateway.get("/v1/");
        assertThat(entry.statusCode()).isIn(200, 301, 302, 303, 307, 308);
        String location = entry.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> ui = gateway.get(location);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(gateway.get("/v1").statusCode()).isEqualTo(entry.statusCode());

        HttpResponse<String> config = gateway.get("/v3/api-docs/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/v3/api-docs/identity", "/v3/api-docs/doctor", "/v3/api-docs/booking",
                "/v3/api-docs/notification", "/v3/api-docs/reporting");

        for (var service : SERVICES.entrySet()) {
            HttpResponse<String> docs = gateway.get("/v3/api-docs/" + service.getKey());
            assertThat(docs.statusCode()).isEqualTo(200);
            assertThat(json(docs).get("service").asString()).isEqualTo(service.getKey());
            assertThat(service.getValue().nextRequest().path()).isEqualTo("/v3/api-docs");
        }
    }

    @Test
    void swaggerUiAuthorizeLogsInAtKeycloakWithTheBrowserClientAndPkce() {
        HttpResponse<String> initializer = gateway.get("/v1/swagger-ui/swagger-initializer.js");
        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body().replace(" ", "")).contains("\"clientId\":\"careslot-web\"",
                "\"usePkceWithAuthorizationCodeGrant\":true");
    }

    @Test
    void everyAnswerClosesItsConnectionSoNoRequestIsQueuedBehindAnother() {
        // Reactor Netty could stop reading a kept-alive connection after a queued request (see BoundedKeepAlive)
        for (String path : List.of("/actuator/health/liveness", "/v1/", "/api/v1/doctors/",
                "/v1/swagger-ui/no-such-asset.js")) {
            HttpResponse<String> response = gateway.get(path);
            assertThat(response.headers().firstValue("connection")).as(path).hasValue("close");
        }
    }

    @Test
    void probesAndMetricsArePublic() {
        assertThat(gateway.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = gateway.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
    }

    /** Flips one character in the middle of the signature. */
    static String tamper(String jwt) {
        int at = jwt.lastIndexOf('.') + 20;
        char replacement = jwt.charAt(at) == 'A' ? 'B' : 'A';
        return jwt.substring(0, at) + replacement + jwt.substring(at + 1);
    }
}
