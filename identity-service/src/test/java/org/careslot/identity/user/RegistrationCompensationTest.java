package org.careslot.identity.user;

import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A registration whose local insert fails after Keycloak created the user must not leave that Keycloak user behind:
 * it is deleted at once, or — when Keycloak is unreachable at that moment — remembered in {@code keycloak_orphan} and
 * deleted by the retry once Keycloak is back. The insert is made to fail by a trigger on this test's database that
 * rejects one e-mail domain; the service reaches Keycloak through a link the test can cut, while the test checks
 * Keycloak's users directly through its admin API.
 */
@RealInfrastructure(database = "identity_compensation", keycloak = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"careslot.identity.orphan-retry-interval=500ms",
                "careslot.identity.keycloak.connect-timeout=1s", "careslot.identity.keycloak.read-timeout=5s"})
@DirtiesContext
class RegistrationCompensationTest {

    private static final String REJECTED_DOMAIN = "@rejected-by-trigger.example.org";
    private static final long TRIGGER_LOCK = 81_0042L;
    private static final KeycloakLink keycloakLink = new KeycloakLink();

    @DynamicPropertySource
    static void keycloakThroughACuttableLink(DynamicPropertyRegistry registry) {
        registry.add("careslot.identity.keycloak.url", keycloakLink::url);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    ServiceHttp http;
    Keycloak admin;

    @BeforeEach
    void setUp() {
        http = new ServiceHttp(port);
        admin = KeycloakBuilder.builder().serverUrl(System.getProperty("careslot.keycloak.url")).realm("master")
                .clientId("admin-cli").username(System.getProperty("careslot.keycloak.admin-username"))
                .password(System.getProperty("careslot.keycloak.admin-password")).build();
        // Fails the local insert of one e-mail domain, after Keycloak has created the user. While the test holds the
        // advisory lock, the insert waits for it first, so the test can cut Keycloak off at exactly that moment.
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION reject_test_registration() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.email LIKE '%%%s' THEN
                        PERFORM pg_advisory_xact_lock(%d);
                        RAISE EXCEPTION 'registration rejected by the test' USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(REJECTED_DOMAIN, TRIGGER_LOCK));
        jdbc.execute("DROP TRIGGER IF EXISTS reject_test_registration ON app_user");
        jdbc.execute("CREATE TRIGGER reject_test_registration BEFORE INSERT ON app_user FOR EACH ROW "
                + "EXECUTE FUNCTION reject_test_registration()");
    }

    @AfterEach
    void tearDown() {
        keycloakLink.get().restore();
        jdbc.execute("DROP TRIGGER IF EXISTS reject_test_registration ON app_user");
        admin.close();
    }

    @AfterAll
    static void closeLink() throws Exception {
        keycloakLink.close();
    }

    @Test
    void aFailedLocalInsertDeletesTheKeycloakUserAgain() {
        String email = "compensated-" + UUID.randomUUID() + REJECTED_DOMAIN;

        Answer answer = http.post("/api/v1/user/register/", registration(email), null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(keycloakUsers(email)).as("the Keycloak user was deleted again").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM keycloak_orphan", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE email = ?", Long.class, email)).isZero();
        // and the proof that the failure came after Keycloak's step: a normal address registers through the same path
        Answer normal = http.post("/api/v1/user/register/", registration("normal-" + UUID.randomUUID()
                + "@example.org"), null);
        assertThat(normal.status()).as(normal.body()).isEqualTo(201);
    }

    @Test
    void withKeycloakDownAtCompensationTheOrphanIsRememberedAndDeletedWhenKeycloakIsBack() throws Exception {
        String email = "orphan-" + UUID.randomUUID() + REJECTED_DOMAIN;
        CompletableFuture<Answer> registering;
        try (Connection lockHolder = dataSource.getConnection(); Statement lock = lockHolder.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + TRIGGER_LOCK + ")");
            registering = CompletableFuture.supplyAsync(() -> http.post("/api/v1/user/register/",
                    registration(email), null));
            // the insert waits for the lock: Keycloak has created the user by now
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", Long.class) > 0);
            assertThat(keycloakUsers(email)).hasSize(1);
            keycloakLink.get().cut();
            lock.execute("SELECT pg_advisory_unlock(" + TRIGGER_LOCK + ")");
        }

        Answer answer = registering.get();
        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        List<UserRepresentation> left = keycloakUsers(email);
        assertThat(left).as("Keycloak was unreachable for the compensation").hasSize(1);
        UUID orphan = UUID.fromString(left.getFirst().getId());
        assertThat(jdbc.queryForList("SELECT user_id FROM keycloak_orphan", UUID.class)).containsExactly(orphan);

        // the scheduled retry (every 500 ms here) keeps failing while Keycloak is unreachable ...
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT attempts FROM keycloak_orphan WHERE user_id = ?", Integer.class, orphan) >= 1);
        assertThat(keycloakUsers(email)).hasSize(1);

        // ... and deletes the user and the row once it is back
        keycloakLink.get().restore();
        await().atMost(Duration.ofSeconds(20)).until(() -> keycloakUsers(email).isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM keycloak_orphan", Long.class) == 0);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE email = ?", Long.class, email)).isZero();
    }

    private List<UserRepresentation> keycloakUsers(String email) {
        return admin.realm("appointments").users().search(email, true);
    }

    private Map<String, Object> registration(String email) {
        Map<String, Object> body = new HashMap<>(jdbc.queryForMap("""
                SELECT d.division_id, d.id AS district_id, t.id AS thana_id
                FROM thana t JOIN district d ON d.id = t.district_id ORDER BY t.id LIMIT 1"""));
        body.putAll(Map.of("role", "PATIENT", "full_name", "Nasrin Akter", "email", email,
                "phone", UniquePhones.next(), "password", "Str0ng!Pass"));
        return body;
    }
}
