package org.careslot.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.careslot.gateway.support.FakeService;
import org.careslot.gateway.support.GatewayClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careslot.gateway.support.Problems.assertProblem;
import static org.careslot.gateway.support.Problems.traceId;

/**
 * Services that are down or hang: the client gets a problem+json naming the service, never a hanging request or a
 * 500, and a circuit opens after repeated failures. What proves the time limiter and the circuit breaker at work is
 * the status (503 refused / 504 timed out), the breakers' own counters and state, not sub-second wall-clock bounds
 * that a busy machine would break.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_DOWNSTREAM_TIMEOUT=1s",
        "GATEWAY_CB_MIN_CALLS=4",
        "GATEWAY_CB_WINDOW=4",
        "GATEWAY_CB_OPEN_DURATION=60s",
        "GATEWAY_RESPONSE_TIMEOUT=120s"})
@Tag("integration")
class GatewayResilienceTest {

    static final FakeService HANGING_DOCTOR = FakeService.start("doctor");
    static final FakeService IDENTITY = FakeService.start("identity");
    static final int DEAD_BOOKING_PORT = freePort();
    static final int DEAD_REPORTING_PORT = freePort();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("DOCTOR_URL", HANGING_DOCTOR::url);
        registry.add("IDENTITY_URL", IDENTITY::url);
        registry.add("BOOKING_URL", () -> "http://127.0.0.1:" + DEAD_BOOKING_PORT);
        registry.add("REPORTING_URL", () -> "http://127.0.0.1:" + DEAD_REPORTING_PORT);
        registry.add("KEYCLOAK_URL", () -> "http://127.0.0.1:" + freePort());
    }

    @AfterAll
    static void stopServices() {
        HANGING_DOCTOR.close();
        IDENTITY.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    GatewayClient gateway;

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(port);
    }

    @Test
    void aServiceThatIsDownGivesA503NamingItBeforeTheTimeLimit() {
        CircuitBreaker booking = circuitBreakers.circuitBreaker("booking");
        long failedBefore = booking.getMetrics().getNumberOfFailedCalls();

        HttpResponse<String> response = gateway.get("/api/v1/doctors/d1/availability/?date=2026-12-01");

        // 503, not the time limiter's 504: the refused connection failed the call before the 1 s limit
        var problem = assertProblem(response, 503);
        assertThat(problem.get("detail").asString()).isEqualTo("booking-service is unavailable; try again shortly.");
        traceId(response);
        assertThat(booking.getMetrics().getNumberOfFailedCalls()).as("failures counted by booking's own breaker")
                .isEqualTo(failedBefore + 1);
    }

    @Test
    void aServiceThatDoesNotAnswerGivesA504FromTheTimeLimiter() {
        CircuitBreaker doctor = circuitBreakers.circuitBreaker("doctor");
        long failedBefore = doctor.getMetrics().getNumberOfFailedCalls();

        long started = System.nanoTime();
        HttpResponse<String> response = gateway.get("/api/v1/doctors/hang/");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        var problem = assertProblem(response, 504);
        assertThat(problem.get("detail").asString()).isEqualTo("doctor-service did not answer in time.");
        traceId(response);
        assertThat(HANGING_DOCTOR.nextRequest().path()).isEqualTo("/api/v1/doctors/hang/");
        // never before the 1 s limit; the upper bound only has to tell the limiter from the 120 s response-timeout
        // backstop (so a busy machine cannot make it flaky)
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(30));
        assertThat(doctor.getMetrics().getNumberOfFailedCalls()).as("the timeout counted as a failure")
                .isEqualTo(failedBefore + 1);
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndLaterCallsFailFastWithoutTryingTheService() {
        for (int i = 0; i < 4; i++) {
            assertProblem(gateway.get("/v3/api-docs/reporting"), 503);
        }
        CircuitBreaker reporting = circuitBreakers.circuitBreaker("reporting");
        assertThat(reporting.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long notPermittedBefore = reporting.getMetrics().getNumberOfNotPermittedCalls();

        HttpResponse<String> response = gateway.get("/v3/api-docs/reporting");

        var problem = assertProblem(response, 503);
        assertThat(problem.get("detail").asString()).isEqualTo("reporting-service is unavailable; try again shortly.");
        traceId(response);
        assertThat(reporting.getMetrics().getNumberOfNotPermittedCalls())
                .as("the open circuit refused the call instead of trying the service").isEqualTo(notPermittedBefore + 1);

        // other services keep their own circuit
        HttpResponse<String> identity = gateway.get("/api/v1/locations/divisions/");
        assertThat(identity.statusCode()).isEqualTo(200);
        assertThat(circuitBreakers.circuitBreaker("identity").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void anUnreachableIdentityProviderIsA503NotA401() {
        HttpResponse<String> response = gateway.get("/api/v1/appointments/", GatewayRoutingTest.tamper(
                "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiSldUIn0"
                        + ".eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0L3JlYWxtcy9hcHBvaW50bWVudHMiLCJzdWIiOiJ4In0"
                        + ".c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmUtc2lnbmF0dXJl"));
        var problem = assertProblem(response, 503);
        assertThat(problem.get("detail").asString()).contains("identity provider");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
