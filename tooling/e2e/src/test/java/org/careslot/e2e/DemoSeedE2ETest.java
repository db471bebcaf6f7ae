package org.careslot.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code local-stack.sh --seed-only} against the running stack: the demo data arrives through the public API (30
 * users with the admin, 10 doctors with profiles and weekly slots, 10 appointments in every status, reminders, last
 * month's reports), read back through the gateway as a client would; a second run creates nothing.
 */
class DemoSeedE2ETest {

    private static final Duration SEED_TIMEOUT = Duration.ofMinutes(8);
    private static final String DEMO_DOMAIN = "careslot.example";
    private static final String DEMO_PASSWORD = "Demo.12345";

    private static RunningStack stack;
    private static Gateway gateway;

    /** What the demo data looks like through the API; equal before and after a repeated run. */
    record Snapshot(int demoUsers, List<String> doctorIds, Map<String, String> appointments, int slots,
                    int completedLastMonth, String earningsLastMonth, int reminders) {
    }

    @BeforeAll
    static void stack() {
        stack = RunningStack.get();
        gateway = new Gateway(stack);
    }

    @Test
    void loadsTheDemoDataThroughTheApiAndASecondRunCreatesNothing() {
        RunningStack.LauncherRun first = stack.runLauncher(SEED_TIMEOUT, "--seed-only");
        System.out.println(first.output());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("SEEDING demo data through " + stack.gatewayUrl(), "SEEDED",
                "dr.farhana.akter@" + DEMO_DOMAIN + " / " + DEMO_PASSWORD + " (DOCTOR)");

        String admin = login("admin@example.com", "Admin.1234");
        Snapshot seeded = snapshot(admin);
        assertThat(seeded.demoUsers()).as("29 demo accounts + the admin = 30 users").isEqualTo(29);
        assertThat(gateway.get("/api/v1/users/?role=ADMIN&search=admin@example.com", admin).json().get("count")
                .asInt()).isEqualTo(1);
        assertThat(seeded.doctorIds()).hasSize(10);
        assertThat(seeded.slots()).isEqualTo(30);
        assertThat(seeded.appointments()).hasSize(10);
        Map<String, Integer> statuses = new TreeMap<>();
        seeded.appointments().values().forEach(status -> statuses.merge(status, 1, Integer::sum));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("PENDING", 2, "CONFIRMED", 2,
                "CANCELLED", 2, "COMPLETED", 3, "NO_SHOW", 1));
        // two of Dr. Farhana Akter's appointments last month were completed, at her fee of 1200.00
        assertThat(seeded.completedLastMonth()).isEqualTo(2);
        assertThat(seeded.earningsLastMonth()).isEqualTo("2400.00");
        assertThat(seeded.reminders()).isPositive();

        // a doctor and a patient can log in with the demo password and see their own data
        String doctor = login("dr.farhana.akter@" + DEMO_DOMAIN, DEMO_PASSWORD);
        assertThat(gateway.get("/api/v1/appointments/", doctor).json().get("count").asInt()).isEqualTo(3);
        String patient = login("tanvir.hasan@" + DEMO_DOMAIN, DEMO_PASSWORD);
        JsonNode own = gateway.get("/api/v1/appointments/", patient).json();
        assertThat(own.get("count").asInt()).isEqualTo(1);
        assertThat(own.get("results").get(0).get("status").asString()).isEqualTo("PENDING");
        // the doctors are found by search like any other
        // (other tests of the suite register cardiologists of the same name: the demo doctor is one of them)
        JsonNode cardiologists = gateway.get(
                "/api/v1/doctors/?specialization=CARDIOLOGY&search=Farhana%20Akter&page_size=100").json();
        assertThat(cardiologists.get("results")).filteredOn(found -> seeded.doctorIds()
                        .contains(found.get("id").asString()))
                .singleElement().satisfies(found -> assertThat(found.get("consultation_fee").asString())
                        .isEqualTo("1200.00"));

        RunningStack.LauncherRun second = stack.runLauncher(SEED_TIMEOUT, "--seed-only");
        System.out.println(second.output());
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("nothing was missing, nothing created");
        assertThat(snapshot(admin)).isEqualTo(seeded);
    }

    private static Snapshot snapshot(String admin) {
        int demoUsers = gateway.get("/api/v1/users/?page_size=1&search=" + DEMO_DOMAIN, admin).json().get("count")
                .asInt();
        List<String> doctorIds = new ArrayList<>();
        gateway.get("/api/v1/users/?page_size=100&role=DOCTOR&search=" + DEMO_DOMAIN, admin).json().get("results")
                .forEach(user -> doctorIds.add(user.get("id").asString()));
        doctorIds.sort(null);
        Map<String, String> appointments = new TreeMap<>();
        int slots = 0;
        int reminders = 0;
        for (String doctorId : doctorIds) {
            JsonNode doctor = gateway.get("/api/v1/doctors/" + doctorId + "/time-slots/?page_size=100", admin).json();
            slots += doctor.get("count").asInt();
            gateway.get("/api/v1/appointments/?page_size=100&doctor_id=" + doctorId, admin).json().get("results")
                    .forEach(a -> appointments.put(a.get("id").asString(), a.get("status").asString()));
        }
        for (String appointmentId : appointments.keySet()) {
            reminders += gateway.get("/api/v1/reminders/?appointment_id=" + appointmentId, admin).json()
                    .get("count").asInt();
        }
        String farhana = gateway.get("/api/v1/users/?role=DOCTOR&search=dr.farhana.akter@" + DEMO_DOMAIN, admin)
                .json().get("results").get(0).get("id").asString();
        YearMonth lastMonth = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Dhaka"))).minusMonths(1);
        JsonNode report = gateway.get("/api/v1/reports/monthly/" + farhana + "/" + lastMonth + "/", admin).json();
        return new Snapshot(demoUsers, doctorIds, appointments, slots, report.get("completed").asInt(),
                report.get("earnings").asString(), reminders);
    }

    private static String login(String email, String password) {
        Gateway.Response login = gateway.postJson("/api/v1/user/login/", Map.of("email", email, "password", password),
                null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("access").asString();
    }
}
