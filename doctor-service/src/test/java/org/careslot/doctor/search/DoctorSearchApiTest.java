package org.careslot.doctor.search;

import org.careslot.platform.testkit.events.UpstreamEvents;
import org.careslot.platform.testkit.events.UpstreamEvents.User;
import org.careslot.doctor.support.Profiles;
import org.careslot.doctor.support.Tokens;
import org.careslot.doctor.support.Tokens.Caller;
import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public search over real HTTP, without a token. Doctors are set up as in production: profiles through the API,
 * accounts through identity.user.v1 events. Every query is scoped to this run's own division id, so other test data
 * never interferes.
 */
@RealInfrastructure(database = "doctor_search", keycloak = true)
@ExtendWith(UpstreamEvents.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=doctor-search-test")
@DirtiesContext
class DoctorSearchApiTest {

    static final LocalDate MONDAY = LocalDate.now().plusDays(7).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

    @LocalServerPort
    int port;

    ServiceHttp http;
    // set up once for the class (static: JUnit makes an instance per test)
    static Caller admin;
    static int division;
    static int district1;
    static int district2;
    static int thana1;
    static int thana3;
    static String ayesha;
    static String bashir;
    static String chandra;
    static String dilruba;
    static boolean ready;

    /**
     * Once per class. Not a {@code @BeforeAll} of a PER_CLASS instance: Spring would build the context before
     * {@code @RealInfrastructure} has started the servers.
     */
    @BeforeEach
    void doctorsOnce() {
        http = new ServiceHttp(port);
        if (!ready) {
            doctors();
            ready = true;
        }
    }

    void doctors() {
        admin = Tokens.newUser("ADMIN");
        division = 100_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        district1 = division * 10 + 1;
        district2 = division * 10 + 2;
        thana1 = division * 100 + 1;
        thana3 = division * 100 + 3;
        String marker = Long.toString(System.nanoTime());

        ayesha = doctor("Ayesha Rahman " + marker, "CARDIOLOGY", "800", 12, district1, thana1);
        slot(ayesha, "MONDAY", "09:00", "12:00");
        bashir = doctor("bashir Uddin " + marker, "DERMATOLOGY", "500.00", 5, district1, division * 100 + 2);
        slot(bashir, "MONDAY", "15:00", "18:00");
        Answer off = http.post("/api/v1/doctors/" + bashir + "/time-off/", Map.of("date_from",
                MONDAY.minusDays(1).toString(), "date_to", MONDAY.toString(), "reason", "Conference"), admin.token());
        assertThat(off.status()).as(off.body()).isEqualTo(201);
        chandra = doctor("Chandra Das " + marker, "CARDIOLOGY", "1200", 25, district2, thana3);
        slot(chandra, "TUESDAY", "10:00", "13:00");
        dilruba = doctor("Dilruba Khan " + marker, "PEDIATRICS", "300", 2, district2, division * 100 + 4);
        // a deactivated account and an account that never arrived: both never listed
        String emon = doctor("Emon Hossain " + marker, "CARDIOLOGY", "900", 15, district1, thana1);
        UpstreamEvents.publishUser("user.deactivated", User.doctor(UUID.fromString(emon), "Emon Hossain " + marker,
                division, district1, thana1).withActive(false), 2);
        Answer unknown = http.put("/api/v1/doctors/" + UUID.randomUUID() + "/profile/",
                Profiles.profile("CARDIOLOGY", "100", 40), admin.token());
        assertThat(unknown.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).until(() -> search("").get("count").asInt() == 4);
    }

    String doctor(String name, String specialization, String fee, int experience, int district, int thana) {
        return doctor(name, specialization, fee, experience, division, district, thana);
    }

    String doctor(String name, String specialization, String fee, int experience, int division, int district,
                  int thana) {
        UUID id = UUID.randomUUID();
        Answer profile = http.put("/api/v1/doctors/" + id + "/profile/",
                Profiles.profile(specialization, fee, experience), admin.token());
        assertThat(profile.status()).as(profile.body()).isEqualTo(201);
        UpstreamEvents.publishUser("user.registered", User.doctor(id, name, division, district, thana), 1);
        return id.toString();
    }

    void slot(String doctor, String weekday, String start, String end) {
        Answer answer = http.post("/api/v1/doctors/" + doctor + "/time-slots/", Profiles.slot(weekday, start, end, 30),
                admin.token());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    /** The page for {@code query} (without '?'), within this run's division. */
    JsonNode search(String query) {
        Answer answer = http.get("/api/v1/doctors/?division_id=" + division + (query.isEmpty() ? "" : "&" + query),
                null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    List<String> ids(String query) {
        List<String> ids = new ArrayList<>();
        search(query).get("results").forEach(doctor -> ids.add(doctor.get("id").asString()));
        return ids;
    }

    /** Ids of the page for {@code query}, in any place. */
    List<String> anywhere(String query) {
        Answer answer = http.get("/api/v1/doctors/?" + query, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().get("results").forEach(doctor -> ids.add(doctor.get("id").asString()));
        return ids;
    }

    @Test
    void listsActiveDoctorsWithAKnownAccountByNameCaseInsensitively() {
        JsonNode page = search("");
        assertThat(page.get("count").asInt()).isEqualTo(4);
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("previous").isNull()).isTrue();
        assertThat(ids("")).containsExactly(ayesha, bashir, chandra, dilruba);
        assertThat(ids("ordering=full_name")).containsExactly(ayesha, bashir, chandra, dilruba);

        JsonNode first = page.get("results").get(0);
        assertThat(first.get("full_name").asString()).startsWith("Ayesha Rahman");
        assertThat(first.get("specialization").asString()).isEqualTo("CARDIOLOGY");
        assertThat(first.get("consultation_fee").asString()).isEqualTo("800.00");
        assertThat(first.get("experience_years").asInt()).isEqualTo(12);
        assertThat(first.get("division_id").asInt()).isEqualTo(division);
        assertThat(first.get("district_id").asInt()).isEqualTo(district1);
        assertThat(first.get("thana_id").asInt()).isEqualTo(thana1);
        assertThat(first.get("time_zone").asString()).isEqualTo("Asia/Dhaka");
        assertThat(first.get("is_active").asBoolean()).isTrue();
        assertThat(first.has("license_number")).isTrue();
        assertThat(first.has("qualification")).isTrue();
        assertThat(first.has("bio")).isTrue();
        assertThat(http.get("/api/v1/doctors/" + ayesha + "/", null).json()).isEqualTo(first);
    }

    @Test
    void filtersBySpecializationAndPlace() {
        assertThat(ids("specialization=CARDIOLOGY")).containsExactly(ayesha, chandra);
        assertThat(ids("specialization=cardiology")).containsExactly(ayesha, chandra);
        assertThat(ids("specialization=UROLOGY")).isEmpty();
        assertThat(ids("district_id=" + district1)).containsExactly(ayesha, bashir);
        assertThat(ids("district_id=" + district2)).containsExactly(chandra, dilruba);
        assertThat(ids("thana_id=" + thana3)).containsExactly(chandra);
        assertThat(http.get("/api/v1/doctors/?thana_id=" + thana1, null).json().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void filtersByFeeAndExperience() {
        assertThat(ids("min_fee=500&max_fee=800")).containsExactly(ayesha, bashir);
        assertThat(ids("min_fee=800.00")).containsExactly(ayesha, chandra);
        assertThat(ids("max_fee=499.99")).containsExactly(dilruba);
        assertThat(ids("min_experience=12")).containsExactly(ayesha, chandra);
        assertThat(ids("min_experience=0")).hasSize(4);
    }

    @Test
    void availableOnNeedsASlotThatWeekdayAndNoTimeOff() {
        assertThat(MONDAY.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        // bashir is on time off that Monday
        assertThat(ids("available_on=" + MONDAY)).containsExactly(ayesha);
        assertThat(ids("available_on=" + MONDAY.plusWeeks(1))).containsExactly(ayesha, bashir);
        assertThat(ids("available_on=" + MONDAY.minusWeeks(1))).containsExactly(ayesha, bashir);
        assertThat(ids("available_on=" + MONDAY.plusDays(1))).containsExactly(chandra);
        assertThat(ids("available_on=" + MONDAY.plusDays(2))).isEmpty();
    }

    @Test
    void searchesNamesAndSpecialitiesCaseInsensitively() {
        assertThat(ids("search=rahman")).containsExactly(ayesha);
        assertThat(ids("search=UDDIN")).containsExactly(bashir);
        assertThat(ids("search=cardio")).containsExactly(ayesha, chandra);
        assertThat(ids("search=Dermatology")).containsExactly(bashir);
        assertThat(ids("search=an")).containsExactly(ayesha, chandra, dilruba);
        assertThat(ids("search=%25")).isEmpty();
        assertThat(ids("search=_")).isEmpty();
        assertThat(ids("search=zzz-nobody")).isEmpty();
    }

    @Test
    void ordersByFeeAndExperienceBothWays() {
        assertThat(ids("ordering=consultation_fee")).containsExactly(dilruba, bashir, ayesha, chandra);
        assertThat(ids("ordering=-consultation_fee")).containsExactly(chandra, ayesha, bashir, dilruba);
        assertThat(ids("ordering=experience_years")).containsExactly(dilruba, bashir, ayesha, chandra);
        assertThat(ids("ordering=-experience_years")).containsExactly(chandra, ayesha, bashir, dilruba);
    }

    @Test
    void paginates() {
        JsonNode first = search("page_size=3&ordering=consultation_fee");
        assertThat(first.get("count").asInt()).isEqualTo(4);
        assertThat(first.get("results")).extracting(d -> d.get("id").asString())
                .containsExactly(dilruba, bashir, ayesha);
        assertThat(first.get("previous").isNull()).isTrue();
        String next = first.get("next").asString();
        assertThat(next).contains("/api/v1/doctors/?").contains("page=2").contains("page_size=3")
                .contains("ordering=consultation_fee").contains("division_id=" + division);

        JsonNode second = search("page=2&page_size=3&ordering=consultation_fee");
        assertThat(second.get("results")).extracting(d -> d.get("id").asString()).containsExactly(chandra);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(second.get("previous").asString()).contains("page=1");

        JsonNode beyond = search("page=5&page_size=3");
        assertThat(beyond.get("count").asInt()).isEqualTo(4);
        assertThat(beyond.get("results")).isEmpty();
    }

    @Test
    void combinesFilters() {
        assertThat(ids("specialization=CARDIOLOGY&district_id=" + district2 + "&min_experience=10&available_on="
                + MONDAY.plusDays(1) + "&max_fee=1200&search=das")).containsExactly(chandra);
        assertThat(ids("specialization=CARDIOLOGY&district_id=" + district1 + "&min_fee=801")).isEmpty();
        assertThat(ids("search=cardio&ordering=-consultation_fee&min_experience=1")).containsExactly(chandra, ayesha);
    }

    @Test
    void namesEveryBadParameterInOne400() {
        Answer answer = http.get("/api/v1/doctors/?specialization=ASTROLOGY&division_id=abc&district_id=0"
                + "&thana_id=-1&min_fee=x&max_fee=-5&min_experience=-3&available_on=2026-13-01&ordering=name"
                + "&page=0&search=" + "a".repeat(101), null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("status").asInt()).isEqualTo(400);
        assertThat(answer.errorFields())
                .containsExactlyInAnyOrder("specialization", "division_id", "district_id", "thana_id", "min_fee",
                        "max_fee", "min_experience", "available_on", "ordering", "page", "search");
        assertThat(http.get("/api/v1/doctors/?page_size=101", null).errors().has("page_size")).isTrue();
        assertThat(http.get("/api/v1/doctors/?min_fee=900&max_fee=100", null).errors().has("max_fee")).isTrue();
    }

    @Test
    void aDeactivatedDoctorDisappearsAndAReactivatedOneReturns() {
        // a place of its own, so the other tests' results stay as they are
        String marker = Long.toString(System.nanoTime());
        int ownDivision = division + 2_000_000;
        int ownDistrict = division * 10 + 9;
        int ownThana = division * 100 + 9;
        String farida = doctor("Farida Yasmin " + marker, "NEUROLOGY", "650", 8, ownDivision, ownDistrict, ownThana);
        User account = User.doctor(UUID.fromString(farida), "Farida Yasmin " + marker, ownDivision, ownDistrict,
                ownThana);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> anywhere("district_id=" + ownDistrict).equals(List.of(farida)));

        UpstreamEvents.publishUser("user.deactivated", account.withActive(false), 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> anywhere("district_id=" + ownDistrict).isEmpty());
        assertThat(http.get("/api/v1/doctors/" + farida + "/", null).status()).isEqualTo(404);

        UpstreamEvents.publishUser("user.updated", account.withName("Farida Akter " + marker), 3);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> anywhere("district_id=" + ownDistrict).equals(List.of(farida)));
        assertThat(anywhere("search=akter%20" + marker)).containsExactly(farida);

        // moving elsewhere takes the doctor out of this place's results
        UpstreamEvents.publishUser("user.updated",
                account.withLocation(ownDivision, ownDistrict + 100_000_000, ownThana), 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> anywhere("district_id=" + ownDistrict).isEmpty());
    }

    @Test
    void needsNoTokenButRefusesABadOne() {
        assertThat(http.get("/api/v1/doctors", null).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/doctors/?division_id=" + division, "not.a-jwt").status()).isEqualTo(401);
    }
}
