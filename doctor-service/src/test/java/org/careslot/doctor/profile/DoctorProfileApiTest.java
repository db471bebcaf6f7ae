package org.careslot.doctor.profile;

import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.events.UpstreamEvents.User;
import org.careslot.doctor.support.Profiles;
import org.careslot.doctor.support.Tokens;
import org.careslot.doctor.support.Tokens.Caller;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Doctor profiles over real HTTP with real Keycloak tokens and PostgreSQL: rules, conflicts, roles, visibility. */
@RealInfrastructure(database = "doctor_profiles", keycloak = true)
@ExtendWith(UpstreamEvents.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=doctor-profiles-test")
@DirtiesContext
class DoctorProfileApiTest {

    static Caller admin;
    static Caller patient;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ServiceHttp http;

    @BeforeAll
    static void users() {
        admin = Tokens.newUser("ADMIN");
        patient = Tokens.newUser("PATIENT");
    }

    @BeforeEach
    void setUp() {
        http = new ServiceHttp(port);
    }

    @Test
    void aDoctorCreatesThenReplacesTheOwnProfile() {
        Caller doctor = Tokens.newUser("DOCTOR");
        Map<String, Object> body = Profiles.profile("cardiology", 500, 12);
        body.put("id", UUID.randomUUID().toString());
        body.put("full_name", "Mallory");
        body.put("is_active", true);
        body.put("division_id", 3);

        Answer created = http.put("/api/v1/doctors/me/profile/", body, doctor.token());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode profile = created.json();
        assertThat(profile.get("id").asString()).isEqualTo(doctor.id().toString());
        assertThat(profile.get("specialization").asString()).isEqualTo("CARDIOLOGY");
        assertThat(profile.get("consultation_fee").isString()).isTrue();
        assertThat(profile.get("consultation_fee").asString()).isEqualTo("500.00");
        assertThat(profile.get("experience_years").asInt()).isEqualTo(12);
        assertThat(profile.get("time_zone").asString()).isEqualTo("Asia/Dhaka");
        // name, location and active flag come from identity.user.v1 only; this account has not arrived yet
        assertThat(profile.get("full_name").isNull()).isTrue();
        assertThat(profile.get("division_id").isNull()).isTrue();
        assertThat(profile.get("is_active").asBoolean()).isFalse();
        assertThat(ServiceHttp.names(profile)).containsExactlyInAnyOrder("id", "full_name", "specialization",
                "license_number", "experience_years", "consultation_fee", "qualification", "bio", "division_id",
                "district_id", "thana_id", "time_zone", "is_active");

        body.put("consultation_fee", "750.5");
        body.put("time_zone", "Europe/London");
        body.put("specialization", "ENT");
        body.remove("bio");
        Answer replaced = http.put("/api/v1/doctors/me/profile", body, doctor.token());
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("consultation_fee").asString()).isEqualTo("750.50");
        assertThat(replaced.json().get("time_zone").asString()).isEqualTo("Europe/London");
        assertThat(replaced.json().get("bio").isNull()).isTrue();

        Answer mine = http.get("/api/v1/doctors/me/profile/", doctor.token());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("specialization").asString()).isEqualTo("ENT");
        assertThat(jdbc.queryForObject("SELECT version FROM doctor_profile WHERE id = ?", Long.class, doctor.id()))
                .isEqualTo(2L);
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        Caller doctor = Tokens.newUser("DOCTOR");
        Map<String, Object> body = Map.of("specialization", "ASTROLOGY", "license_number", "??",
                "experience_years", 71, "consultation_fee", "0", "qualification", "", "time_zone", "Mars/Olympus",
                "bio", "x".repeat(4001));

        Answer answer = http.put("/api/v1/doctors/me/profile/", body, doctor.token());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("status").asInt()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("specialization", "license_number",
                "experience_years", "consultation_fee", "qualification", "time_zone", "bio");
        assertThat(http.get("/api/v1/doctors/me/profile/", doctor.token()).status()).isEqualTo(404);
    }

    @Test
    void checksEachRuleAndJsonType() {
        Caller doctor = Tokens.newUser("DOCTOR");
        assertThat(invalidFields(doctor, Map.of())).containsExactlyInAnyOrder("specialization", "license_number",
                "experience_years", "consultation_fee", "qualification");
        assertThat(invalidFields(doctor, Map.of("experience_years", -1))).containsExactly("experience_years");
        assertThat(invalidFields(doctor, Map.of("experience_years", 5.5))).containsExactly("experience_years");
        assertThat(invalidFields(doctor, Map.of("experience_years", "five"))).containsExactly("experience_years");
        assertThat(invalidFields(doctor, Map.of("consultation_fee", -10))).containsExactly("consultation_fee");
        assertThat(invalidFields(doctor, Map.of("consultation_fee", "10.123"))).containsExactly("consultation_fee");
        assertThat(invalidFields(doctor, Map.of("consultation_fee", "five hundred"))).containsExactly("consultation_fee");
        assertThat(invalidFields(doctor, Map.of("consultation_fee", true))).containsExactly("consultation_fee");
        assertThat(invalidFields(doctor, Map.of("specialization", 7))).containsExactly("specialization");
        assertThat(invalidFields(doctor, Map.of("time_zone", "+06:00"))).containsExactly("time_zone");
        assertThat(invalidFields(doctor, Map.of("license_number", "x".repeat(51)))).containsExactly("license_number");

        Answer notAnObject = http.put("/api/v1/doctors/me/profile/", "[1, 2]", doctor.token());
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.errorFields()).containsExactly("non_field_errors");
        assertThat(http.put("/api/v1/doctors/me/profile/", "{not json", doctor.token()).status()).isEqualTo(400);
    }

    /** The fields a 400 names when {@code changes} are applied to a valid profile. */
    List<String> invalidFields(Caller doctor, Map<String, Object> changes) {
        Map<String, Object> body = changes.isEmpty() ? Map.of() : Profiles.profile();
        if (!changes.isEmpty()) {
            body.putAll(changes);
        }
        Answer answer = http.put("/api/v1/doctors/me/profile/", body, doctor.token());
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        return answer.errorFields();
    }

    @Test
    void aLicenseNumberBelongsToOneDoctorCaseInsensitively() {
        Caller first = Tokens.newUser("DOCTOR");
        Caller second = Tokens.newUser("DOCTOR");
        Map<String, Object> body = Profiles.profile();
        String license = (String) body.get("license_number");
        assertThat(http.put("/api/v1/doctors/me/profile/", body, first.token()).status()).isEqualTo(201);
        // the owner may keep it
        assertThat(http.put("/api/v1/doctors/me/profile/", body, first.token()).status()).isEqualTo(200);

        body.put("license_number", license.toLowerCase());
        Answer duplicate = http.put("/api/v1/doctors/me/profile/", body, second.token());

        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
        assertThat(duplicate.json().get("detail").asString()).contains("license number");
        assertThat(http.get("/api/v1/doctors/me/profile/", second.token()).status()).isEqualTo(404);
    }

    @Test
    void concurrentProfilesWithOneLicenseNumberYieldExactlyOneSuccess() throws Exception {
        String license = Profiles.uniqueLicense();
        int doctors = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(doctors);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < doctors; i++) {
                Map<String, Object> body = Profiles.profile();
                body.put("license_number", license);
                String path = "/api/v1/doctors/" + UUID.randomUUID() + "/profile/";
                Callable<Integer> call = () -> {
                    start.await();
                    return http.put(path, body, admin.token()).status();
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM doctor_profile WHERE lower(license_number) = lower(?)",
                Long.class, license)).isEqualTo(1L);
    }

    @Test
    void concurrentFirstPutsOfOneDoctorCreateOneProfile() throws Exception {
        Caller doctor = Tokens.newUser("DOCTOR");
        Map<String, Object> body = Profiles.profile();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> http.put("/api/v1/doctors/me/profile/", body, doctor.token())));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT version FROM doctor_profile WHERE id = ?", Long.class, doctor.id()))
                .isEqualTo(4L);
    }

    @Test
    void onlyDoctorsUseTheOwnEndpointsAndOnlyAdminsTheAdminOnes() {
        Caller doctor = Tokens.newUser("DOCTOR");
        Map<String, Object> body = Profiles.profile();
        assertThat(http.put("/api/v1/doctors/me/profile/", body, patient.token()).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/doctors/me/profile/", patient.token()).status()).isEqualTo(403);
        assertThat(http.put("/api/v1/doctors/me/profile/", body, admin.token()).status()).isEqualTo(403);
        Answer anonymous = http.put("/api/v1/doctors/me/profile/", body, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("status").asInt()).isEqualTo(401);

        assertThat(http.put("/api/v1/doctors/me/profile/", body, doctor.token()).status()).isEqualTo(201);
        String adminPath = "/api/v1/doctors/" + doctor.id() + "/profile/";
        Answer forbidden = http.get(adminPath, doctor.token());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("status").asInt()).isEqualTo(403);
        assertThat(http.put(adminPath, body, doctor.token()).status()).isEqualTo(403);
        assertThat(http.get(adminPath, patient.token()).status()).isEqualTo(403);
        assertThat(http.get(adminPath, null).status()).isEqualTo(401);

        Answer viewed = http.get(adminPath, admin.token());
        assertThat(viewed.status()).isEqualTo(200);
        assertThat(viewed.json().get("license_number").asString()).isEqualTo(body.get("license_number"));
        body.put("experience_years", 30);
        Answer changed = http.put(adminPath, body, admin.token());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/doctors/me/profile/", doctor.token()).json().get("experience_years").asInt())
                .isEqualTo(30);

        assertThat(http.get("/api/v1/doctors/" + UUID.randomUUID() + "/profile/", admin.token()).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/doctors/not-a-uuid/profile/", admin.token()).status()).isEqualTo(404);
        Answer createdByAdmin = http.put("/api/v1/doctors/" + UUID.randomUUID() + "/profile/", Profiles.profile(),
                admin.token());
        assertThat(createdByAdmin.status()).as(createdByAdmin.body()).isEqualTo(201);
    }

    @Test
    void aDoctorIsPublicOnlyOnceItsAccountIsKnownAndActive() {
        Caller doctor = Tokens.newUser("DOCTOR");
        String path = "/api/v1/doctors/" + doctor.id() + "/";
        assertThat(http.get(path, null).status()).isEqualTo(404);
        assertThat(http.put("/api/v1/doctors/me/profile/", Profiles.profile("PEDIATRICS", 300, 4), doctor.token())
                .status()).isEqualTo(201);

        // profile, but the account has not arrived from identity-service: hidden from the public
        assertThat(http.get(path, null).status()).isEqualTo(404);
        assertThat(http.get(path, patient.token()).status()).isEqualTo(404);
        Answer own = http.get(path, doctor.token());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("is_active").asBoolean()).isFalse();
        assertThat(http.get(path, admin.token()).status()).isEqualTo(200);

        User account = User.doctor(doctor.id(), "Nusrat Jahan", 3, 26, 201);
        UpstreamEvents.publishUser("user.registered", account, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get(path, null).status() == 200);
        JsonNode visible = http.get(path, null).json();
        assertThat(visible.get("full_name").asString()).isEqualTo("Nusrat Jahan");
        assertThat(visible.get("division_id").asInt()).isEqualTo(3);
        assertThat(visible.get("district_id").asInt()).isEqualTo(26);
        assertThat(visible.get("thana_id").asInt()).isEqualTo(201);
        assertThat(visible.get("is_active").asBoolean()).isTrue();
        assertThat(visible.get("consultation_fee").asString()).isEqualTo("300.00");

        UpstreamEvents.publishUser("user.deactivated", account.withActive(false), 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get(path, null).status() == 404);
        Answer forAdmin = http.get(path, admin.token());
        assertThat(forAdmin.status()).isEqualTo(200);
        assertThat(forAdmin.json().get("is_active").asBoolean()).isFalse();

        assertThat(http.get("/api/v1/doctors/" + UUID.randomUUID() + "/", null).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/doctors/nonsense/", null).status()).isEqualTo(404);
    }

}
