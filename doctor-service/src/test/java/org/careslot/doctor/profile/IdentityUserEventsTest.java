package org.careslot.doctor.profile;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.platform.testkit.events.PublishedEvents;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.events.UpstreamEvents.Sent;
import org.careslot.platform.testkit.events.UpstreamEvents.User;
import org.careslot.doctor.support.Profiles;
import org.careslot.doctor.support.Tokens;
import org.careslot.doctor.support.Tokens.Caller;
import org.careslot.platform.testkit.EventContract;
import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * identity.user.v1 consumed as it arrives in production: redelivered and out-of-order events are normal and must be
 * applied at most once and never backwards; an account change republishes the doctor.
 */
@RealInfrastructure(database = "doctor_identity_events", keycloak = true)
@ExtendWith(UpstreamEvents.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=doctor-identity-events-test")
@DirtiesContext
class IdentityUserEventsTest {

    static final Duration ARRIVAL = Duration.ofSeconds(30);

    static Caller admin;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ServiceHttp http;

    @BeforeAll
    static void users() {
        admin = Tokens.newUser("ADMIN");
    }

    @BeforeEach
    void setUp() {
        http = new ServiceHttp(port);
    }

    long version(UUID doctor) {
        return jdbc.queryForObject("SELECT version FROM doctor_profile WHERE id = ?", Long.class, doctor);
    }

    /** Awaits the handling of an event (whatever the outcome: applied, skipped as redelivered or as older). */
    boolean processed(Sent event) {
        return jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE event_id = ?", Long.class,
                event.id()) == 1;
    }

    Map<String, Object> knownUser(UUID id) {
        return jdbc.queryForMap("SELECT full_name, sequence, is_active, updated_at FROM known_user WHERE id = ?", id);
    }

    static long sequence(ConsumerRecord<String, String> record) {
        return EventContract.envelope(record).get("sequence").asLong();
    }

    @Test
    void redeliveredAndOlderEventsAreAppliedAtMostOnceAndNeverBackwards() {
        UUID doctor = UUID.randomUUID();
        Answer created = http.put("/api/v1/doctors/" + doctor + "/profile/", Profiles.profile(), admin.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(version(doctor)).isEqualTo(1L);

        User account = User.doctor(doctor, "Sabrina Sultana", 3, 26, 201);
        Sent registered = UpstreamEvents.publishUser("user.registered", account, 1);
        await().atMost(ARRIVAL).until(() -> processed(registered));
        assertThat(knownUser(doctor)).containsEntry("full_name", "Sabrina Sultana").containsEntry("sequence", 1L);
        assertThat(version(doctor)).as("the account arrived: a new version of the doctor").isEqualTo(2L);

        Object appliedAt = knownUser(doctor).get("updated_at");

        // the same event again (a redelivery), and an older state under a new event id (reordering)
        UpstreamEvents.send(registered);
        UpstreamEvents.send(registered);
        Sent stale = UpstreamEvents.publishUser("user.updated", account.withName("Stale Name"), 1);
        // one key, one partition: once the last is processed, all before it are
        await().atMost(ARRIVAL).until(() -> processed(stale));
        assertThat(knownUser(doctor)).as("the redeliveries and the older state left the account as it was")
                .containsEntry("full_name", "Sabrina Sultana").containsEntry("sequence", 1L)
                .containsEntry("updated_at", appliedAt);

        Sent renamed = UpstreamEvents.publishUser("user.updated", account.withName("Sabrina Sultana Chowdhury"), 3);
        Sent older = UpstreamEvents.publishUser("user.updated", account.withName("Older Name"), 2);
        await().atMost(ARRIVAL).until(() -> processed(older));

        assertThat(processed(renamed)).isTrue();
        assertThat(knownUser(doctor)).containsEntry("full_name", "Sabrina Sultana Chowdhury")
                .containsEntry("sequence", 3L);
        assertThat(version(doctor)).as("only the registration and the rename changed the doctor").isEqualTo(3L);
        assertThat(http.get("/api/v1/doctors/" + doctor + "/", null).json().get("full_name").asString())
                .isEqualTo("Sabrina Sultana Chowdhury");

        // a change this service does not show (the phone) is stored but is not a new version of the doctor
        Sent phone = UpstreamEvents.publishUser("user.updated",
                account.withName("Sabrina Sultana Chowdhury").withPhone("+8801811111111"), 4);
        await().atMost(ARRIVAL).until(() -> processed(phone));
        assertThat(knownUser(doctor)).containsEntry("sequence", 4L);
        assertThat(version(doctor)).isEqualTo(3L);

        // the marker: a change the doctor shows, published last; everything above was published before it
        UpstreamEvents.publishUser("user.updated", account.withName("Sabrina Chowdhury").withPhone("+8801811111111"),
                5);
        List<ConsumerRecord<String, String>> records = PublishedEvents.before("doctor.profile.v1",
                record -> doctor.toString().equals(record.key()),
                record -> doctor.toString().equals(record.key()) && sequence(record) == 4, ARRIVAL);
        assertThat(records).extracting(IdentityUserEventsTest::sequence).containsExactly(1L, 2L, 3L);
        assertThat(records).extracting(record -> EventContract.envelope(record).get("data").get("full_name"))
                .extracting(name -> name.isNull() ? null : name.asString())
                .containsExactly(null, "Sabrina Sultana", "Sabrina Sultana Chowdhury");
        records.forEach(record -> EventContract.assertMatchesContract(record, "doctor.profile.v1/doctor.json"));
    }

    @Test
    void deactivationAndReactivationRepublishTheDoctor() {
        UUID doctor = UUID.randomUUID();
        assertThat(http.put("/api/v1/doctors/" + doctor + "/profile/", Profiles.profile(), admin.token()).status())
                .isEqualTo(201);
        User account = User.doctor(doctor, "Tanvir Ahmed", 6, 47, 380);
        UpstreamEvents.publishUser("user.registered", account, 5);
        UpstreamEvents.publishUser("user.deactivated", account.withActive(false), 6);
        Sent reactivated = UpstreamEvents.publishUser("user.updated", account.withLocation(6, 48, 390), 7);
        await().atMost(ARRIVAL).until(() -> processed(reactivated));

        List<ConsumerRecord<String, String>> records = EventContract.awaitRecords("doctor.profile.v1",
                record -> doctor.toString().equals(record.key()), 4, ARRIVAL);
        List<JsonNode> data = records.stream().map(record -> EventContract.envelope(record).get("data")).toList();
        assertThat(data).extracting(d -> d.get("is_active").asBoolean()).containsExactly(false, true, false, true);
        assertThat(data.getLast().get("district_id").asInt()).isEqualTo(48);
        assertThat(data.getLast().get("thana_id").asInt()).isEqualTo(390);
        records.forEach(record -> EventContract.assertMatchesContract(record, "doctor.profile.v1/doctor.json"));
    }

    @Test
    void accountsOfOtherRolesAreNotKept() {
        UUID patient = UUID.randomUUID();
        Sent event = UpstreamEvents.publishUser("user.registered",
                User.doctor(patient, "Rafiq Islam", 1, 1, 1).withRole("PATIENT"), 1);
        await().atMost(ARRIVAL).until(() -> processed(event));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM known_user WHERE id = ?", Long.class, patient)).isZero();
    }

    @Test
    void aDoctorWhoseAccountArrivesLaterBecomesListed() {
        Caller doctor = Tokens.newUser("DOCTOR");
        assertThat(http.put("/api/v1/doctors/me/profile/", Profiles.profile("UROLOGY", "450", 9), doctor.token())
                .status()).isEqualTo(201);
        int district = 500_000 + (int) (Math.abs(doctor.id().getMostSignificantBits()) % 1_000_000);
        assertThat(http.get("/api/v1/doctors/?district_id=" + district, null).json().get("count").asInt()).isZero();

        UpstreamEvents.publishUser("user.registered", User.doctor(doctor.id(), "Mahbub Alam", 4, district, 7), 1);

        await().atMost(ARRIVAL).until(() ->
                http.get("/api/v1/doctors/?district_id=" + district, null).json().get("count").asInt() == 1);
        assertThat(http.get("/api/v1/doctors/me/profile/", doctor.token()).json().get("full_name").asString())
                .isEqualTo("Mahbub Alam");
    }
}
