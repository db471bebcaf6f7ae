package org.careslot.identity.user;

import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.careslot.platform.testkit.logs.EcsLogLines;
import org.careslot.platform.testkit.metrics.PrometheusScrape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators see of the identity service: registrations and logins by outcome on {@code /actuator/prometheus},
 * and ECS JSON log lines with service and trace ids that never contain a password, a token, the client secret or an
 * Authorization header — with DEBUG on for the web, security and Kafka packages, where such leaks usually happen.
 */
@RealInfrastructure(database = "identity_observability", keycloak = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.security=DEBUG",
        "logging.level.org.springframework.kafka=DEBUG",
        "logging.level.org.apache.kafka.clients=DEBUG",
        "logging.level.org.careslot=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class IdentityObservabilityTest {

    static final String PASSWORD = "Leak.Check-7731";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${careslot.identity.keycloak.client-secret}")
    String clientSecret;

    ServiceHttp http;

    @BeforeEach
    void connect() {
        http = new ServiceHttp(port);
    }

    Map<String, Object> registration(String email, String role) {
        Map<String, Object> location = jdbc.queryForMap("""
                SELECT d.division_id, d.id AS district_id, t.id AS thana_id
                FROM thana t JOIN district d ON d.id = t.district_id ORDER BY t.id LIMIT 1""");
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("full_name", "Observed User");
        body.put("email", email);
        body.put("phone", UniquePhones.next());
        body.put("password", PASSWORD);
        body.put("division_id", location.get("division_id"));
        body.put("district_id", location.get("district_id"));
        body.put("thana_id", location.get("thana_id"));
        return body;
    }

    static String newEmail() {
        return "observed-" + UUID.randomUUID() + "@example.org";
    }

    @Test
    void registrationsAndLoginsAreCountedByOutcome() {
        PrometheusScrape before = PrometheusScrape.of(http);
        String email = newEmail();

        assertThat(http.post("/api/v1/user/register/", registration(email, "PATIENT"), null).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/user/register/", registration(email, "PATIENT"), null).status()).isEqualTo(409);
        assertThat(http.post("/api/v1/user/register/", registration(newEmail(), "ADMIN"), null).status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/user/login/", Map.of("email", email, "password", PASSWORD), null).status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/user/login/", Map.of("email", email, "password", "Wrong.Pass-1"), null)
                .status()).isEqualTo(401);

        PrometheusScrape after = PrometheusScrape.of(http);
        Map<String, Integer> registrations = Map.of("registered", 1, "conflict", 1, "forbidden", 1, "invalid", 0,
                "unavailable", 0);
        registrations.forEach((outcome, added) -> assertThat(after.require("careslot_registrations_total",
                "outcome", outcome, "application", "identity-service")).as(outcome)
                .isEqualTo(before.require("careslot_registrations_total", "outcome", outcome) + added));
        Map<String, Integer> logins = Map.of("success", 1, "failure", 1, "unavailable", 0);
        logins.forEach((outcome, added) -> assertThat(after.require("careslot_logins_total", "outcome", outcome))
                .as(outcome).isEqualTo(before.require("careslot_logins_total", "outcome", outcome) + added));
        assertThat(after.text()).doesNotContain(email);
    }

    @Test
    void logLinesAreEcsJsonWithTraceIdsAndNeverCarrySecrets(CapturedOutput output) {
        // the JSON check covers what the application logs while serving these requests; earlier output of the test
        // JVM (e.g. Mockito's self-attach notice, printed by Mockito itself) is not a log line of the service
        // the first request initialises the DispatcherServlet on a request thread, before any trace exists
        http.get("/actuator/health", null);
        int start = output.getAll().length();
        String email = newEmail();
        Answer registered = http.post("/api/v1/user/register/", registration(email, "PATIENT"), null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Answer login = http.post("/api/v1/user/login/", Map.of("email", email, "password", PASSWORD), null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String access = login.json().get("access").asString();
        String refresh = login.json().get("refresh").asString();
        Answer refreshed = http.post("/api/v1/refresh/token/", Map.of("refresh", refresh), null);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        String refreshedAccess = refreshed.json().get("access").asString();
        String refreshedRefresh = refreshed.json().get("refresh").asString();
        Answer me = http.get("/api/v1/user/me/", refreshedAccess);
        assertThat(me.status()).isEqualTo(200);
        String traceId = me.header("X-Trace-Id");

        // every line is ECS JSON of this service; every line logged while serving a request (Tomcat's worker
        // threads) carries the request's trace and span
        List<JsonNode> inRequests = EcsLogLines.of(output.getAll().substring(start)).allFrom("identity-service")
                .requestLinesWithTraceAndSpan();
        assertThat(inRequests).anyMatch(line -> traceId.equals(EcsLogLines.traceId(line)));

        String all = output.getAll();
        assertThat(all).doesNotContain(PASSWORD, access, refresh, refreshedAccess, refreshedRefresh, clientSecret)
                .doesNotContainIgnoringCase("Authorization: Bearer").doesNotContain("Bearer " + refreshedAccess);
        // not even a recognisable part of a token (Spring's DEBUG body logging cuts values at 100 characters)
        for (String token : List.of(access, refresh, refreshedAccess, refreshedRefresh)) {
            String signature = token.substring(token.lastIndexOf('.') + 1);
            String payloadStart = token.substring(token.indexOf('.') + 1, token.indexOf('.') + 41);
            assertThat(all).doesNotContain(signature, payloadStart);
        }
    }
}
