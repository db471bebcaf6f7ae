package org.careslot.gateway;

import org.careslot.gateway.support.FakeService;
import org.careslot.gateway.support.GatewayClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careslot.gateway.support.Problems.assertProblem;
import static org.careslot.gateway.support.Problems.traceId;

/**
 * Login, register and refresh are throttled per client IP. The loopback address is configured as a trusted proxy
 * here, so X-Forwarded-For stands for distinct clients.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "AUTH_RATE_LIMIT_CAPACITY=3",
        "AUTH_RATE_LIMIT_REFILL_PER_MINUTE=1",
        "GATEWAY_TRUSTED_PROXIES=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1"})
@Tag("integration")
class AuthRateLimitTest {

    static final FakeService IDENTITY = FakeService.start("identity");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_URL", IDENTITY::url);
        registry.add("KEYCLOAK_URL", () -> "http://127.0.0.1:" + GatewayResilienceTest.freePort());
    }

    @AfterAll
    static void stopServices() {
        IDENTITY.close();
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(port);
    }

    @Test
    void pastTheBurstLoginIs429WithRetryAfterAndNeverReachesIdentity() {
        for (int i = 0; i < 3; i++) {
            assertThat(login("203.0.113.10", i % 2 == 0 ? "/api/v1/user/login/" : "/api/v1/user/login").statusCode())
                    .isEqualTo(200);
        }
        IDENTITY.forgetRequests();

        HttpResponse<String> limited = login("203.0.113.10", "/api/v1/user/login/");

        var problem = assertProblem(limited, 429);
        assertThat(problem.get("detail").asString()).contains("login");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        traceId(limited);
        assertThat(IDENTITY.pendingRequests()).isZero();
    }

    @Test
    void eachClientAndEachEndpointHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            post("198.51.100.7", "/api/v1/user/register/");
        }
        assertThat(post("198.51.100.7", "/api/v1/user/register/").statusCode()).isEqualTo(429);

        assertThat(post("198.51.100.8", "/api/v1/user/register/").statusCode()).as("another client").isEqualTo(200);
        assertThat(post("198.51.100.7", "/api/v1/refresh/token/").statusCode()).as("another endpoint").isEqualTo(200);
        assertThat(post("198.51.100.7", "/api/v1/locations/divisions/").statusCode()).as("not limited")
                .isNotEqualTo(429);
    }

    @Test
    void a429CarriesCorsHeadersSoBrowsersCanReadRetryAfter() {
        for (int i = 0; i < 3; i++) {
            post("192.0.2.44", "/api/v1/refresh/token");
        }
        HttpResponse<String> limited = gateway.send(gateway.request("/api/v1/refresh/token")
                .header("X-Forwarded-For", "192.0.2.44")
                .header("Origin", "http://localhost:3000")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(limited.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("Retry-After");
    }

    private HttpResponse<String> login(String clientIp, String path) {
        return post(clientIp, path);
    }

    private HttpResponse<String> post(String clientIp, String path) {
        return gateway.send(gateway.request(path)
                .header("X-Forwarded-For", clientIp)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@example.org\",\"password\":\"x\"}")));
    }
}
