package org.careslot.doctor.profile;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careslot.platform.testkit.events.PublishedEvents;
import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.events.UpstreamEvents.User;
import org.careslot.doctor.support.Profiles;
import org.careslot.doctor.support.Tokens;
import org.careslot.doctor.support.Tokens.Caller;
import org.careslot.platform.testkit.EventContract;
import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * doctor.profile.v1 as booking-service, reporting-service and hospital systems receive it: through the outbox, the
 * relay and Kafka; one event per change, the doctor's whole state each time, in sequence, matching the schema.
 */
@RealInfrastructure(database = "doctor_events", keycloak = true)
@ExtendWith(UpstreamEvents.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=doctor-events-test")
@DirtiesContext
class DoctorEventsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyChangePublishesTheWholeDoctorInSequence() {
        ServiceHttp http = new ServiceHttp(port);
        Caller doctor = Tokens.newUser("DOCTOR");
        String me = "/api/v1/doctors/me/";
        Map<String, Object> profile = Profiles.profile("GYNECOLOGY_OBSTETRICS", 1500, 20);
        assertThat(http.put(me + "profile/", profile, doctor.token()).status()).isEqualTo(201);             // 1
        String monday = created(http.post(me + "time-slots/", Profiles.slot("MONDAY", "09:00", "12:00", 20),
                doctor.token()));                                                                             // 2
        String thursday = created(http.post(me + "time-slots/", Profiles.slot("THURSDAY", "17:00", "19:00", null),
                doctor.token()));                                                                             // 3
        assertThat(http.put(me + "time-slots/" + monday + "/", Profiles.slot("MONDAY", "10:00", "13:00", 15),
                doctor.token()).status()).isEqualTo(200);                                                     // 4
        String leave = created(http.post(me + "time-off/", Map.of("date_from", "2030-01-10", "date_to",
                "2030-01-12", "reason", "Private: hospital visit"), doctor.token()));                       // 5
        created(http.post(me + "time-off/", Map.of("date_from", "2030-02-01", "reason", "Conference"),
                doctor.token()));                                                                             // 6
        assertThat(http.delete(me + "time-slots/" + thursday + "/", doctor.token()).status()).isEqualTo(204); // 7
        assertThat(http.delete(me + "time-off/" + leave + "/", doctor.token()).status()).isEqualTo(204);     // 8
        profile.put("consultation_fee", "1750.5");
        assertThat(http.put(me + "profile/", profile, doctor.token()).status()).isEqualTo(200);             // 9
        String identityTrace = UpstreamEvents.publishUser("user.registered",
                User.doctor(doctor.id(), "Farzana Haque", 3, 26, 201), 1).traceId();                          // 10
        await().atMost(Duration.ofSeconds(60)).until(() -> version(doctor) == 10L);
        // the marker, published last: exactly the ten changes above come before it
        profile.put("consultation_fee", "1800");
        assertThat(http.put(me + "profile/", profile, doctor.token()).status()).isEqualTo(200);             // 11

        List<ConsumerRecord<String, String>> records = PublishedEvents.before("doctor.profile.v1",
                record -> doctor.id().toString().equals(record.key()),
                record -> doctor.id().toString().equals(record.key())
                        && EventContract.envelope(record).get("sequence").asLong() == 11, Duration.ofSeconds(60));

        assertThat(records).extracting(record -> EventContract.envelope(record).get("sequence").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        for (ConsumerRecord<String, String> record : records) {
            EventContract.assertMatchesContract(record, "doctor.profile.v1/doctor.json");
            JsonNode envelope = EventContract.envelope(record);
            assertThat(envelope.get("type").asString()).isEqualTo("doctor.profile.updated");
            assertThat(envelope.get("source").asString()).isEqualTo("/doctor-service");
            assertThat(envelope.get("dataschema").asString()).isEqualTo("urn:careslot:schema:doctor.profile.v1:doctor");
            assertThat(record.headers().lastHeader("traceparent")).isNotNull();
            // time-off reasons may be personal: they stay in this service
            assertThat(record.value()).doesNotContain("hospital visit").doesNotContain("Conference")
                    .doesNotContain("reason");
        }

        JsonNode second = EventContract.envelope(records.get(1)).get("data");
        assertThat(second.get("time_slots")).hasSize(1);
        assertThat(second.get("full_name").isNull()).isTrue();
        assertThat(second.get("is_active").asBoolean()).isFalse();

        JsonNode fifth = EventContract.envelope(records.get(4)).get("data");
        assertThat(fifth.get("time_slots")).extracting(slot -> slot.get("weekday").asString() + " "
                + slot.get("start_time").asString() + "-" + slot.get("end_time").asString() + "/"
                + slot.get("slot_minutes").asInt())
                .containsExactly("MONDAY 10:00-13:00/15", "THURSDAY 17:00-19:00/30");
        assertThat(fifth.get("time_off")).hasSize(1);
        assertThat(fifth.get("time_off").get(0).get("date_from").asString()).isEqualTo("2030-01-10");
        assertThat(fifth.get("time_off").get(0).get("date_to").asString()).isEqualTo("2030-01-12");

        // the change made by the identity event's consumer belongs to identity's trace
        assertThat(EventContract.envelope(records.getLast()).get("traceparent").asString()).contains(identityTrace);
        JsonNode last = EventContract.envelope(records.getLast()).get("data");
        assertThat(last.get("id").asString()).isEqualTo(doctor.id().toString());
        assertThat(last.get("full_name").asString()).isEqualTo("Farzana Haque");
        assertThat(last.get("is_active").asBoolean()).isTrue();
        assertThat(last.get("division_id").asInt()).isEqualTo(3);
        assertThat(last.get("district_id").asInt()).isEqualTo(26);
        assertThat(last.get("thana_id").asInt()).isEqualTo(201);
        assertThat(last.get("specialization").asString()).isEqualTo("GYNECOLOGY_OBSTETRICS");
        assertThat(last.get("license_number").asString()).isEqualTo(profile.get("license_number"));
        assertThat(last.get("experience_years").asInt()).isEqualTo(20);
        assertThat(last.get("consultation_fee").asString()).isEqualTo("1750.50");
        assertThat(last.get("time_zone").asString()).isEqualTo("Asia/Dhaka");
        assertThat(last.get("time_slots")).extracting(slot -> slot.get("weekday").asString())
                .containsExactly("MONDAY");
        assertThat(last.get("time_slots").get(0).get("id").asString()).isEqualTo(monday);
        assertThat(last.get("time_off")).extracting(off -> off.get("date_from").asString())
                .containsExactly("2030-02-01");
    }

    long version(Caller doctor) {
        return jdbc.queryForObject("SELECT version FROM doctor_profile WHERE id = ?", Long.class, doctor.id());
    }

    @Test
    void aRefusedChangePublishesNothing() {
        ServiceHttp http = new ServiceHttp(port);
        Caller doctor = Tokens.newUser("DOCTOR");
        assertThat(http.put("/api/v1/doctors/me/profile/", Profiles.profile(), doctor.token()).status())
                .isEqualTo(201);
        created(http.post("/api/v1/doctors/me/time-slots/", Profiles.slot("MONDAY", "09:00", "12:00", 30),
                doctor.token()));
        assertThat(http.post("/api/v1/doctors/me/time-slots/", Profiles.slot("MONDAY", "11:00", "12:00", 30),
                doctor.token()).status()).isEqualTo(409);
        assertThat(http.post("/api/v1/doctors/me/time-slots/", Profiles.slot("MONDAY", "13:00", "12:00", 30),
                doctor.token()).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE aggregate_id = ?", Long.class,
                doctor.id().toString())).isEqualTo(2L);
        assertThat(jdbc.queryForObject("SELECT version FROM doctor_profile WHERE id = ?", Long.class, doctor.id()))
                .isEqualTo(2L);
    }

    static String created(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }
}
