package org.careslot.doctor.profile;

import org.careslot.platform.testkit.events.UpstreamEvents;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Weekly time slots and time off over real HTTP: rules, the database's overlap rule, ownership and roles. */
@RealInfrastructure(database = "doctor_schedules", keycloak = true)
@ExtendWith(UpstreamEvents.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=doctor-schedules-test")
@DirtiesContext
class DoctorScheduleApiTest {

    static final String SLOTS = "/api/v1/doctors/me/time-slots/";
    static final String TIME_OFF = "/api/v1/doctors/me/time-off/";

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

    Caller doctorWithProfile() {
        Caller doctor = Tokens.newUser("DOCTOR");
        Answer created = http.put("/api/v1/doctors/me/profile/", Profiles.profile(), doctor.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return doctor;
    }

    JsonNode addSlot(Caller doctor, String weekday, String start, String end, Integer minutes) {
        Answer answer = http.post(SLOTS, Profiles.slot(weekday, start, end, minutes), doctor.token());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    long version(Caller doctor) {
        return jdbc.queryForObject("SELECT version FROM doctor_profile WHERE id = ?", Long.class, doctor.id());
    }

    @Test
    void slotsNeedAProfileFirst() {
        Caller doctor = Tokens.newUser("DOCTOR");
        Answer answer = http.post(SLOTS, Profiles.slot("MONDAY", "09:00", "12:00", 30), doctor.token());
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("detail").asString()).contains("Doctor profile");
        assertThat(http.get(SLOTS, doctor.token()).status()).isEqualTo(404);
        assertThat(http.post(TIME_OFF, Map.of("date_from", "2030-01-01", "reason", "Leave"), doctor.token()).status())
                .isEqualTo(404);
        assertThat(http.get(TIME_OFF, doctor.token()).status()).isEqualTo(404);
    }

    @Test
    void addsListsReplacesAndRemovesSlots() {
        Caller doctor = doctorWithProfile();
        JsonNode friday = addSlot(doctor, "friday", "16:00", "20:00", null);
        assertThat(friday.get("weekday").asString()).isEqualTo("FRIDAY");
        assertThat(friday.get("start_time").asString()).isEqualTo("16:00");
        assertThat(friday.get("end_time").asString()).isEqualTo("20:00");
        assertThat(friday.get("slot_minutes").asInt()).isEqualTo(30);
        addSlot(doctor, "MONDAY", "14:00", "17:00", 15);
        addSlot(doctor, "MONDAY", "09:00", "12:00", 20);
        addSlot(doctor, "SUNDAY", "10:00", "11:00", 60);

        JsonNode page = http.get(SLOTS, doctor.token()).json();
        assertThat(page.get("count").asInt()).isEqualTo(4);
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("results")).extracting(slot -> slot.get("weekday").asString() + " "
                + slot.get("start_time").asString())
                .containsExactly("MONDAY 09:00", "MONDAY 14:00", "FRIDAY 16:00", "SUNDAY 10:00");
        JsonNode first = http.get(SLOTS + "?page=1&page_size=3", doctor.token()).json();
        assertThat(first.get("results")).hasSize(3);
        assertThat(first.get("next").asString()).contains("page=2").contains("page_size=3");
        assertThat(http.get(SLOTS + "?page=2&page_size=3", doctor.token()).json().get("results")).hasSize(1);

        String id = friday.get("id").asString();
        Answer replaced = http.put(SLOTS + id + "/", Profiles.slot("FRIDAY", "17:00", "21:00", 60), doctor.token());
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("id").asString()).isEqualTo(id);
        assertThat(replaced.json().get("start_time").asString()).isEqualTo("17:00");
        assertThat(replaced.json().get("slot_minutes").asInt()).isEqualTo(60);

        assertThat(http.delete(SLOTS + id + "/", doctor.token()).status()).isEqualTo(204);
        assertThat(http.delete(SLOTS + id, doctor.token()).status()).isEqualTo(404);
        assertThat(http.get(SLOTS, doctor.token()).json().get("count").asInt()).isEqualTo(3);
        // profile + 4 adds + 1 replace + 1 delete
        assertThat(version(doctor)).isEqualTo(7L);
    }

    @Test
    void checksEverySlotRule() {
        Caller doctor = doctorWithProfile();
        assertThat(slotErrors(doctor, Map.of())).containsExactlyInAnyOrder("weekday", "start_time", "end_time");
        assertThat(slotErrors(doctor, Profiles.slot("FUNDAY", "9:00", "25:00", 30)))
                .containsExactlyInAnyOrder("weekday", "start_time", "end_time");
        assertThat(slotErrors(doctor, Profiles.slot("MONDAY", "12:00", "09:00", 30))).containsExactly("end_time");
        assertThat(slotErrors(doctor, Profiles.slot("MONDAY", "09:00", "09:00", 30))).containsExactly("end_time");
        assertThat(slotErrors(doctor, Profiles.slot("MONDAY", "09:00", "12:00", 4))).containsExactly("slot_minutes");
        assertThat(slotErrors(doctor, Profiles.slot("MONDAY", "08:00", "16:00", 241))).containsExactly("slot_minutes");
        assertThat(slotErrors(doctor, Profiles.slot("MONDAY", "09:00", "09:20", 30))).containsExactly("slot_minutes");
        assertThat(slotErrors(doctor, Profiles.slot("MONDAY", "09:00", "12:10", 30))).containsExactly("slot_minutes");
        Map<String, Object> wrongType = new HashMap<>(Profiles.slot("MONDAY", "09:00", "12:00", null));
        wrongType.put("slot_minutes", "half an hour");
        wrongType.put("weekday", 1);
        assertThat(slotErrors(doctor, wrongType)).containsExactlyInAnyOrder("slot_minutes", "weekday");
        assertThat(http.get(SLOTS, doctor.token()).json().get("count").asInt()).isZero();
    }

    List<String> slotErrors(Caller doctor, Map<String, Object> body) {
        Answer answer = http.post(SLOTS, body, doctor.token());
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        return answer.errorFields();
    }

    @Test
    void overlappingSlotsOfOneDoctorOnOneWeekdayAreAConflict() {
        Caller doctor = doctorWithProfile();
        addSlot(doctor, "MONDAY", "09:00", "12:00", 30);

        Answer overlap = http.post(SLOTS, Profiles.slot("MONDAY", "11:30", "13:30", 30), doctor.token());
        assertThat(overlap.status()).as(overlap.body()).isEqualTo(409);
        assertThat(overlap.json().get("detail").asString()).contains("overlaps");
        assertThat(http.post(SLOTS, Profiles.slot("MONDAY", "08:00", "14:00", 30), doctor.token()).status())
                .isEqualTo(409);
        assertThat(http.post(SLOTS, Profiles.slot("monday", "10:00", "11:00", 30), doctor.token()).status())
                .isEqualTo(409);
        // adjacent, another weekday, another doctor: fine
        JsonNode adjacent = addSlot(doctor, "MONDAY", "12:00", "13:00", 30);
        addSlot(doctor, "MONDAY", "08:00", "09:00", 30);
        addSlot(doctor, "TUESDAY", "09:00", "12:00", 30);
        addSlot(doctorWithProfile(), "MONDAY", "09:00", "12:00", 30);

        // moving a slot onto another one is a conflict too, and changes nothing
        Answer moved = http.put(SLOTS + adjacent.get("id").asString() + "/",
                Profiles.slot("MONDAY", "11:00", "12:30", 30), doctor.token());
        assertThat(moved.status()).as(moved.body()).isEqualTo(409);
        assertThat(http.get(SLOTS, doctor.token()).json().get("results"))
                .extracting(slot -> slot.get("weekday").asString() + " " + slot.get("start_time").asString() + "-"
                        + slot.get("end_time").asString())
                .containsExactly("MONDAY 08:00-09:00", "MONDAY 09:00-12:00", "MONDAY 12:00-13:00",
                        "TUESDAY 09:00-12:00");
    }

    @Test
    void concurrentOverlappingSlotsYieldExactlyOneCreation() throws Exception {
        Caller doctor = doctorWithProfile();
        int requests = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                // all overlap each other: 09:00-10:00, 09:05-10:05, ...
                String startTime = String.format("09:%02d", i * 5);
                String endTime = String.format("10:%02d", i * 5);
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.post(SLOTS, Profiles.slot("WEDNESDAY", startTime, endTime, 5), doctor.token())
                            .status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM time_slot WHERE doctor_id = ?", Long.class, doctor.id()))
                .isEqualTo(1L);
        assertThat(version(doctor)).isEqualTo(2L);
    }

    @Test
    void theDatabaseItselfRefusesOverlaps() {
        Caller doctor = doctorWithProfile();
        addSlot(doctor, "THURSDAY", "09:00", "12:00", 30);
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.update("""
                INSERT INTO time_slot (id, doctor_id, weekday, start_minute, end_minute, slot_minutes)
                VALUES (?, ?, 4, 600, 660, 30)""", UUID.randomUUID(), doctor.id()));
        assertThat(refused).hasMessageContaining("time_slot_no_overlap");
    }

    @Test
    void slotsAndTimeOffOfOtherDoctorsAreNotFound() {
        Caller owner = doctorWithProfile();
        Caller other = doctorWithProfile();
        String slot = addSlot(owner, "SATURDAY", "09:00", "10:00", 30).get("id").asString();
        Answer off = http.post(TIME_OFF, Map.of("date_from", "2030-03-01", "reason", "Conference"), owner.token());
        assertThat(off.status()).isEqualTo(201);
        String timeOff = off.json().get("id").asString();

        assertThat(http.put(SLOTS + slot + "/", Profiles.slot("SATURDAY", "10:00", "11:00", 30), other.token())
                .status()).isEqualTo(404);
        assertThat(http.delete(SLOTS + slot + "/", other.token()).status()).isEqualTo(404);
        assertThat(http.delete(TIME_OFF + timeOff + "/", other.token()).status()).isEqualTo(404);
        assertThat(http.delete(SLOTS + "not-a-uuid/", other.token()).status()).isEqualTo(404);
        assertThat(http.get(SLOTS, other.token()).json().get("count").asInt()).isZero();
        assertThat(http.get(SLOTS, owner.token()).json().get("count").asInt()).isEqualTo(1);
        assertThat(http.get(TIME_OFF, owner.token()).json().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void timeOffIsAddedListedAndRemoved() {
        Caller doctor = doctorWithProfile();
        Answer oneDay = http.post(TIME_OFF, Map.of("date_from", "2030-05-10", "reason", "Family event"),
                doctor.token());
        assertThat(oneDay.status()).as(oneDay.body()).isEqualTo(201);
        assertThat(oneDay.json().get("date_from").asString()).isEqualTo("2030-05-10");
        assertThat(oneDay.json().get("date_to").asString()).isEqualTo("2030-05-10");
        assertThat(oneDay.json().get("reason").asString()).isEqualTo("Family event");
        Answer range = http.post(TIME_OFF, Map.of("date_from", "2030-04-01", "date_to", "2030-04-07",
                "reason", "Conference in Chattogram"), doctor.token());
        assertThat(range.status()).isEqualTo(201);

        JsonNode list = http.get(TIME_OFF, doctor.token()).json();
        assertThat(list.get("count").asInt()).isEqualTo(2);
        assertThat(list.get("results")).extracting(t -> t.get("date_from").asString())
                .containsExactly("2030-04-01", "2030-05-10");

        assertThat(http.delete(TIME_OFF + range.json().get("id").asString() + "/", doctor.token()).status())
                .isEqualTo(204);
        assertThat(http.get(TIME_OFF, doctor.token()).json().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void checksEveryTimeOffRule() {
        Caller doctor = doctorWithProfile();
        assertThat(timeOffErrors(doctor, Map.of())).containsExactlyInAnyOrder("date_from", "reason");
        assertThat(timeOffErrors(doctor, Map.of("date_from", "10.05.2030", "date_to", "2030-02-30",
                "reason", "x".repeat(501)))).containsExactlyInAnyOrder("date_from", "date_to", "reason");
        assertThat(timeOffErrors(doctor, Map.of("date_from", "2030-05-10", "date_to", "2030-05-09",
                "reason", "Leave"))).containsExactly("date_to");
        assertThat(timeOffErrors(doctor, Map.of("date_from", "2030-05-10", "reason", "   ")))
                .containsExactly("reason");
        assertThat(http.get(TIME_OFF, doctor.token()).json().get("count").asInt()).isZero();
    }

    List<String> timeOffErrors(Caller doctor, Map<String, Object> body) {
        Answer answer = http.post(TIME_OFF, body, doctor.token());
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        return answer.errorFields();
    }

    @Test
    void adminsManageAnyDoctorsScheduleAndOthersMayNot() {
        Caller doctor = doctorWithProfile();
        String slots = "/api/v1/doctors/" + doctor.id() + "/time-slots/";
        String timeOff = "/api/v1/doctors/" + doctor.id() + "/time-off/";

        Answer added = http.post(slots, Profiles.slot("MONDAY", "09:00", "10:00", 30), admin.token());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String slotId = added.json().get("id").asString();
        assertThat(http.get(slots, admin.token()).json().get("count").asInt()).isEqualTo(1);
        assertThat(http.put(slots + slotId + "/", Profiles.slot("MONDAY", "10:00", "11:00", 30), admin.token())
                .status()).isEqualTo(200);
        assertThat(http.get(SLOTS, doctor.token()).json().get("results").get(0).get("start_time").asString())
                .isEqualTo("10:00");
        Answer off = http.post(timeOff, Map.of("date_from", "2030-06-01", "reason", "Training"), admin.token());
        assertThat(off.status()).isEqualTo(201);
        assertThat(http.get(timeOff, admin.token()).json().get("count").asInt()).isEqualTo(1);

        // the doctor and patients may not use the admin paths, not even for the doctor's own id
        assertThat(http.get(slots, doctor.token()).status()).isEqualTo(403);
        assertThat(http.post(slots, Profiles.slot("TUESDAY", "09:00", "10:00", 30), doctor.token()).status())
                .isEqualTo(403);
        assertThat(http.delete(slots + slotId + "/", doctor.token()).status()).isEqualTo(403);
        assertThat(http.get(timeOff, patient.token()).status()).isEqualTo(403);
        assertThat(http.delete(timeOff + off.json().get("id").asString() + "/", doctor.token()).status())
                .isEqualTo(403);
        // nor the doctor paths for others
        assertThat(http.get(SLOTS, patient.token()).status()).isEqualTo(403);
        assertThat(http.post(TIME_OFF, Map.of("date_from", "2030-06-01", "reason", "x"), patient.token()).status())
                .isEqualTo(403);
        assertThat(http.get(SLOTS, admin.token()).status()).isEqualTo(403);
        assertThat(http.get(SLOTS, null).status()).isEqualTo(401);

        assertThat(http.delete(slots + slotId + "/", admin.token()).status()).isEqualTo(204);
        assertThat(http.delete(timeOff + off.json().get("id").asString() + "/", admin.token()).status())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/doctors/" + UUID.randomUUID() + "/time-slots/", admin.token()).status())
                .isEqualTo(404);
    }
}
