package org.careslot.identity.user;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.platform.testkit.EventContract;
import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** identity.user.v1 as other services and hospital systems receive it: through the outbox, the relay and Kafka. */
@RealInfrastructure(database = "identity_events", keycloak = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UserEventsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registrationProfileChangeAndDeactivationArePublishedInOrderAndMatchTheSchema() {
        ServiceHttp http = new ServiceHttp(port);
        Map<String, Object> location = jdbc.queryForMap("""
                SELECT d.division_id, d.id AS district_id, t.id AS thana_id
                FROM thana t JOIN district d ON d.id = t.district_id ORDER BY t.id DESC LIMIT 1""");
        Map<String, Object> body = new HashMap<>(location);
        String email = "events-" + UUID.randomUUID() + "@example.org";
        body.putAll(Map.of("role", "PATIENT", "full_name", "Karim Ahmed", "email", email,
                "phone", UniquePhones.next(), "password", "Str0ng!Pass", "blood_group", "B+",
                "medical_history", "diabetes", "emergency_contact", "+8801711111111", "date_of_birth", "1980-02-03"));
        Answer created = http.post("/api/v1/user/register/", body, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String token = http.post("/api/v1/user/login/", Map.of("email", email, "password", "Str0ng!Pass"), null)
                .json().get("access").asString();
        assertThat(http.patch("/api/v1/user/me/", Map.of("full_name", "Karim Uddin Ahmed",
                "notification_channels", List.of("EMAIL", "SMS")), token).status()).isEqualTo(200);
        String admin = http.post("/api/v1/user/login/", Map.of("email", "admin@example.com", "password", "Admin.1234"),
                null).json().get("access").asString();
        assertThat(http.patch("/api/v1/users/" + id + "/", Map.of("is_active", false), admin).status()).isEqualTo(200);

        List<ConsumerRecord<String, String>> records = EventContract.awaitRecords("identity.user.v1",
                record -> id.equals(record.key()), 3, Duration.ofSeconds(30));

        assertThat(records).extracting(record -> EventContract.envelope(record).get("type").asString())
                .containsExactly("user.registered", "user.updated", "user.deactivated");
        assertThat(records).extracting(record -> EventContract.envelope(record).get("sequence").asLong())
                .containsExactly(1L, 2L, 3L);
        for (ConsumerRecord<String, String> record : records) {
            EventContract.assertMatchesContract(record, "identity.user.v1/user.json");
            assertThat(record.value()).doesNotContainIgnoringCase("password").doesNotContain("Str0ng!Pass")
                    .doesNotContain("diabetes").doesNotContain("B+").doesNotContain("1980-02-03")
                    .doesNotContain("medical").doesNotContain("blood").doesNotContain(token.substring(0, 30));
            assertThat(record.headers().lastHeader("traceparent")).isNotNull();
        }
        assertThat(EventContract.envelope(records.get(0)).get("data").get("notification_channels").toString())
                .isEqualTo("[\"EMAIL\"]");
        assertThat(EventContract.envelope(records.get(1)).get("data").get("notification_channels").toString())
                .isEqualTo("[\"EMAIL\",\"SMS\"]");
        JsonNode last = EventContract.envelope(records.get(2));
        assertThat(last.get("source").asString()).isEqualTo("/identity-service");
        assertThat(last.get("data").get("full_name").asString()).isEqualTo("Karim Uddin Ahmed");
        assertThat(last.get("data").get("is_active").asBoolean()).isFalse();
    }
}
