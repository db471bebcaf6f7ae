package org.careslot.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.careslot.gateway.support.FakeService;
import org.careslot.gateway.support.GatewayClient;
import org.careslot.gateway.support.LocalJwks;
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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careslot.gateway.support.Problems.assertProblem;
import static org.careslot.gateway.support.Problems.json;

/**
 * A service that closes (or resets) the connection without answering, as Tomcat does to a keep-alive connection it
 * closes at the moment the gateway reuses it: a GET is sent once more and the client never sees the failure; a POST
 * is not repeated; neither is a request that timed out, nor one the service answered with a 5xx. The attempts are
 * counted by the services themselves, after the gateway answered (a retry always happens before that answer).
 * The response-timeout (1 s) fires inside the retry, before the time limiter (30 s) that encloses it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_RESPONSE_TIMEOUT=1s",
        "GATEWAY_DOWNSTREAM_TIMEOUT=30s"})
@Tag("integration")
class RetryOnClosedConnectionTest {

    static final FakeService DOCTOR = FakeService.start("doctor");
    static final FakeService BOOKING = FakeService.start("booking");
    static final ResettingService NOTIFICATION = new ResettingService();
    static final LocalJwks JWKS = LocalJwks.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("DOCTOR_URL", DOCTOR::url);
        registry.add("BOOKING_URL", BOOKING::url);
        registry.add("NOTIFICATION_URL", NOTIFICATION::url);
        registry.add("KEYCLOAK_URL", JWKS::baseUrl);
    }

    @AfterAll
    static void stopServices() {
        DOCTOR.close();
        BOOKING.close();
        NOTIFICATION.close();
        JWKS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    GatewayClient gateway;

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(port);
        DOCTOR.forgetRequests();
        BOOKING.forgetRequests();
    }

    @Test
    void aGetWhoseConnectionWasClosedBeforeAnAnswerIsSentOnceMoreAndCountsAsOneSuccessfulCall() {
        CircuitBreaker doctor = circuitBreakers.circuitBreaker("doctor");
        long succeededBefore = doctor.getMetrics().getNumberOfSuccessfulCalls();
        long failedBefore = doctor.getMetrics().getNumberOfFailedCalls();

        HttpResponse<String> response = gateway.get("/api/v1/doctors/close-once/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("path").asString()).isEqualTo("/api/v1/doctors/close-once/");
        assertThat(DOCTOR.pendingRequests()).as("attempts the service saw").isEqualTo(2);
        assertThat(doctor.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(succeededBefore + 1);
        assertThat(doctor.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore);
    }

    @Test
    void aGetWhoseConnectionWasResetBeforeAnAnswerIsSentOnceMore() {
        HttpResponse<String> response = gateway.get("/api/v1/reminders/", JWKS.token("PATIENT"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(NOTIFICATION.attempts("GET /api/v1/reminders/")).as("attempts the service saw").isEqualTo(2);
    }

    @Test
    void aPostWhoseConnectionWasClosedIsNotRepeated() {
        CircuitBreaker booking = circuitBreakers.circuitBreaker("booking");
        long failedBefore = booking.getMetrics().getNumberOfFailedCalls();

        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/appointments/close-once/")
                .header("Authorization", "Bearer " + JWKS.token("PATIENT"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"slot_id\":\"s1\"}")));

        var problem = assertProblem(response, 503);
        assertThat(problem.get("detail").asString()).isEqualTo("booking-service is unavailable; try again shortly.");
        assertThat(BOOKING.pendingRequests()).as("attempts the service saw").isEqualTo(1);
        assertThat(booking.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore + 1);
    }

    @Test
    void aGetIsSentTwiceAtMostAndASecondResetIsA503NamingTheService() {
        HttpResponse<String> response = gateway.get("/api/v1/reminders/always-reset/", JWKS.token("PATIENT"));

        var problem = assertProblem(response, 503);
        assertThat(problem.get("detail").asString())
                .isEqualTo("notification-service is unavailable; try again shortly.");
        assertThat(NOTIFICATION.attempts("GET /api/v1/reminders/always-reset/")).as("attempts the service saw")
                .isEqualTo(2);
    }

    @Test
    void aPostWhoseConnectionWasResetIsNotRepeatedAndIsA503() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/v1/reminders/")
                .header("Authorization", "Bearer " + JWKS.token("PATIENT"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"appointment_id\":\"a1\"}")));

        var problem = assertProblem(response, 503);
        assertThat(problem.get("detail").asString())
                .isEqualTo("notification-service is unavailable; try again shortly.");
        assertThat(NOTIFICATION.attempts("POST /api/v1/reminders/")).as("attempts the service saw").isEqualTo(1);
    }

    @Test
    void aGetThatTimedOutIsNotRepeated() {
        HttpResponse<String> response = gateway.get("/api/v1/doctors/hang/");

        var problem = assertProblem(response, 504);
        assertThat(problem.get("detail").asString()).isEqualTo("doctor-service did not answer in time.");
        assertThat(DOCTOR.pendingRequests()).as("attempts the service saw").isEqualTo(1);
    }

    @Test
    void aGetAnsweredWithA5xxIsNotRepeated() {
        HttpResponse<String> response = gateway.get("/api/v1/doctors/boom/");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(DOCTOR.pendingRequests()).as("attempts the service saw").isEqualTo(1);
    }

    /**
     * A raw HTTP/1.1 server that resets (RST, not FIN) the connection of the first request of each method and path
     * after reading its head, and answers {@code 200 {}} to every later one; paths containing {@code /always-reset}
     * are reset every time.
     */
    static final class ResettingService implements AutoCloseable {

        private final ServerSocket server;
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        ResettingService() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.ofVirtual().start(this::serve);
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        /** How many times the request line {@code "METHOD path"} arrived. */
        int attempts(String methodAndPath) {
            AtomicInteger count = attempts.get(methodAndPath);
            return count == null ? 0 : count.get();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    String methodAndPath = requestLine(socket.getInputStream()).replaceFirst(" HTTP/1\\.1$", "");
                    if (attempts.computeIfAbsent(methodAndPath, k -> new AtomicInteger()).incrementAndGet() == 1
                            || methodAndPath.contains("/always-reset")) {
                        socket.setSoLinger(true, 0);
                        continue;
                    }
                    socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed by close(), or a client that went away
                }
            }
        }

        /** Reads the request's head (up to its blank line; a body stays unread) and returns its first line. */
        private static String requestLine(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            int endOfLine = head.indexOf("\r\n");
            return endOfLine < 0 ? head.toString() : head.substring(0, endOfLine);
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
