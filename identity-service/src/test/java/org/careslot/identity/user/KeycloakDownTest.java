package org.careslot.identity.user;

import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak unreachable: registration and login answer a clean 503 problem, and nothing is half-created (no local row,
 * no event). The service points at a port where nothing listens; PostgreSQL and Kafka are real.
 */
@RealInfrastructure(database = "identity_keycloak_down")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "careslot.identity.keycloak.connect-timeout=500ms")
@DirtiesContext
class KeycloakDownTest {

    @DynamicPropertySource
    static void unreachableKeycloak(DynamicPropertyRegistry registry) {
        registry.add("careslot.identity.keycloak.url", () -> "http://localhost:" + unusedPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registrationAnswers503AndLeavesNothingBehind() {
        ServiceHttp http = new ServiceHttp(port);
        Map<String, Object> body = new HashMap<>(jdbc.queryForMap("""
                SELECT d.division_id, d.id AS district_id, t.id AS thana_id
                FROM thana t JOIN district d ON d.id = t.district_id ORDER BY t.id LIMIT 1"""));
        String email = "down-" + UUID.randomUUID() + "@example.org";
        body.putAll(Map.of("role", "PATIENT", "full_name", "Nobody", "email", email,
                "phone", UniquePhones.next(), "password", "Str0ng!Pass"));

        Answer answer = http.post("/api/v1/user/register/", body, null);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("detail").asString()).contains("unavailable");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE email = ?", Long.class, email)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox", Long.class)).isZero();

        Answer login = http.post("/api/v1/user/login/", Map.of("email", email, "password", "Str0ng!Pass"), null);
        assertThat(login.status()).isEqualTo(503);
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
