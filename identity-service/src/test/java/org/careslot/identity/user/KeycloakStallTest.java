package org.careslot.identity.user;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.careslot.identity.user.keycloak.KeycloakCalls;
import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.careslot.platform.testkit.metrics.PrometheusScrape;
import org.careslot.platform.testkit.net.CuttableLink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keycloak that stalls — accepts connections and never answers — behind a {@link CuttableLink}: the first logins wait
 * for the read timeout and answer 503, then the {@code keycloak-token} circuit breaker opens and logins answer 503
 * without reaching Keycloak at all, until Keycloak is back and the breaker's trial calls close it again. Wrong
 * passwords never open it; an idempotent admin read is retried across a connection that broke under it. What proves
 * the breaker at work is its state, its counters and the link's held connections, not how long a request took.
 */
@RealInfrastructure(database = "identity_keycloak_stall", keycloak = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "IDENTITY_KEYCLOAK_CONNECT_TIMEOUT=1s",
        // long enough for a login on a busy machine, short enough for the stalled ones
        "IDENTITY_KEYCLOAK_READ_TIMEOUT=5s",
        "IDENTITY_KEYCLOAK_CB_WINDOW=4",
        "IDENTITY_KEYCLOAK_CB_MIN_CALLS=3",
        "IDENTITY_KEYCLOAK_CB_OPEN_DURATION=2s"})
@DirtiesContext
class KeycloakStallTest {

    private static final String PASSWORD = "Str0ng!Pass";
    private static final KeycloakLink keycloakLink = new KeycloakLink();

    @DynamicPropertySource
    static void keycloakThroughALink(DynamicPropertyRegistry registry) {
        registry.add("careslot.identity.keycloak.url", keycloakLink::url);
    }

    @AfterAll
    static void closeLink() {
        keycloakLink.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    RetryRegistry retries;

    ServiceHttp http;
    CircuitBreaker tokenBreaker;
    CircuitBreaker adminBreaker;

    @BeforeEach
    void setUp() {
        keycloakLink.get().restore();
        http = new ServiceHttp(port);
        tokenBreaker = breakers.circuitBreaker(KeycloakCalls.TOKEN);
        adminBreaker = breakers.circuitBreaker(KeycloakCalls.ADMIN);
        // each test starts from closed breakers with empty windows
        tokenBreaker.reset();
        adminBreaker.reset();
    }

    @Test
    void aStalledKeycloakOpensTheBreakerThenLoginsAnswer503WithoutReachingItUntilItIsBack() {
        String email = register();
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);

        keycloakLink.get().stall();
        assertUnavailable(login(email, PASSWORD));
        assertThat(tokenBreaker.getState()).as("1 of 2 calls failed: below the minimum of 3 calls")
                .isEqualTo(CircuitBreaker.State.CLOSED);
        assertUnavailable(login(email, PASSWORD));
        assertThat(tokenBreaker.getState()).as("2 of 3 calls timed out: >= 50 %").isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(tokenBreaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(2);
        assertThat(adminBreaker.getState()).as("the admin API has its own breaker")
                .isEqualTo(CircuitBreaker.State.CLOSED);

        int heldBefore = keycloakLink.get().heldConnections();
        long refusedBefore = tokenBreaker.getMetrics().getNumberOfNotPermittedCalls();
        Answer refused = login(email, PASSWORD);
        assertUnavailable(refused);
        assertThat(tokenBreaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(refusedBefore + 1);
        assertThat(keycloakLink.get().heldConnections()).as("the refused login never reached Keycloak").isEqualTo(heldBefore);
        PrometheusScrape metrics = PrometheusScrape.of(http);
        assertThat(metrics.value("resilience4j_circuitbreaker_state", "name", KeycloakCalls.TOKEN, "state", "open"))
                .hasValue(1.0);
        assertThat(metrics.value("resilience4j_circuitbreaker_not_permitted_calls_total",
                "name", KeycloakCalls.TOKEN, "kind", "not_permitted").orElse(0)).isGreaterThanOrEqualTo(1.0);

        keycloakLink.get().restore();
        // after the open duration (2 s here) the breaker lets trial logins through by itself
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> login(email, PASSWORD).status() == 200);
        for (int trial = 0; trial < 2; trial++) {
            assertThat(login(email, PASSWORD).status()).isEqualTo(200);
        }
        assertThat(tokenBreaker.getState()).as("the trial calls succeeded").isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void wrongPasswordsDoNotOpenTheBreaker() {
        String flooded = register();
        String other = register();

        for (int attempt = 0; attempt < 12; attempt++) {
            Answer wrong = login(flooded, "Wr0ng!Pass-" + attempt);
            assertThat(wrong.status()).as(wrong.body()).isEqualTo(401);
        }
        Answer unknown = login("nobody-" + UUID.randomUUID() + "@example.org", PASSWORD);
        assertThat(unknown.status()).isEqualTo(401);

        assertThat(tokenBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(tokenBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(tokenBreaker.getMetrics().getNumberOfNotPermittedCalls()).isZero();
        assertThat(login(other, PASSWORD).status()).as("everyone else still logs in").isEqualTo(200);
    }

    @Test
    void anIdempotentAdminReadIsRetriedAcrossAConnectionThatBrokeUnderIt() throws Exception {
        String email = register();
        String access = login(email, PASSWORD).json().get("access").asString();
        Retry reads = retries.retry(KeycloakCalls.ADMIN_READS);
        long retriedBefore = reads.getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt();

        keycloakLink.get().stall();
        // renaming reads the Keycloak user (retried), then writes it (not retried)
        CompletableFuture<Answer> renaming = CompletableFuture.supplyAsync(() ->
                http.patch("/api/v1/user/me/", Map.of("full_name", "Shirin Sultana"), access));
        await().atMost(Duration.ofSeconds(10)).until(() -> keycloakLink.get().heldConnections() >= 1);
        // closes the held connection without an answer: the read fails at once (not a timeout) and is tried again
        keycloakLink.get().restore();

        Answer renamed = renaming.get();
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("full_name").asString()).isEqualTo("Shirin Sultana");
        assertThat(reads.getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(retriedBefore + 1);
        assertThat(adminBreaker.getMetrics().getNumberOfFailedCalls()).as("the broken attempt").isEqualTo(1);
        assertThat(adminBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(PrometheusScrape.of(http).value("resilience4j_retry_calls_total",
                "name", KeycloakCalls.ADMIN_READS, "kind", "successful_with_retry").orElse(0))
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aProfileChangeKeycloakCannotTakeLeavesNothingChanged() {
        String email = register();
        String access = login(email, PASSWORD).json().get("access").asString();
        Answer before = http.get("/api/v1/user/me/", access);
        String userId = before.json().get("id").asString();
        long eventsBefore = userEvents(userId);

        keycloakLink.get().cut();
        Answer refused = http.patch("/api/v1/user/me/",
                Map.of("full_name", "Rokeya Begum", "phone", UniquePhones.next()), access);
        keycloakLink.get().restore();

        assertUnavailable(refused);
        Answer after = http.get("/api/v1/user/me/", access);
        assertThat(after.json().get("full_name").asString()).as("what the 503 says: nothing was changed")
                .isEqualTo(before.json().get("full_name").asString());
        assertThat(after.json().get("phone").asString()).isEqualTo(before.json().get("phone").asString());
        assertThat(userEvents(userId)).as("no user.updated for a change that did not happen").isEqualTo(eventsBefore);

        // the failed attempts may have opened the admin breaker: retried as a client would, until it lets them through
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                http.patch("/api/v1/user/me/", Map.of("full_name", "Rokeya Begum"), access).status() == 200);
        assertThat(http.get("/api/v1/user/me/", access).json().get("full_name").asString()).isEqualTo("Rokeya Begum");
        assertThat(userEvents(userId)).isEqualTo(eventsBefore + 1);
    }

    private long userEvents(String userId) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox WHERE aggregate_id = ?", Long.class, userId);
    }

    private static void assertUnavailable(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString()).contains("identity provider is unavailable");
    }

    private Answer login(String email, String password) {
        return http.post("/api/v1/user/login/", Map.of("email", email, "password", password), null);
    }

    private String register() {
        Map<String, Object> body = new HashMap<>(jdbc.queryForMap("""
                SELECT d.division_id, d.id AS district_id, t.id AS thana_id
                FROM thana t JOIN district d ON d.id = t.district_id ORDER BY t.id LIMIT 1"""));
        String email = "stall-" + UUID.randomUUID() + "@example.org";
        body.putAll(Map.of("role", "PATIENT", "full_name", "Nasrin Akter", "email", email,
                "phone", UniquePhones.next(), "password", PASSWORD));
        Answer answer = http.post("/api/v1/user/register/", body, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return email;
    }
}
