package org.careslot.identity.user;

import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration, login, refresh, logout, own profile and administration against real Keycloak and PostgreSQL. */
@RealInfrastructure(database = "identity_users", keycloak = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UserAccountsTest {

    static final String PASSWORD = "Str0ng!Pass";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ServiceHttp http;
    int division;
    int district;
    int thana;

    @BeforeEach
    void setUp() {
        http = new ServiceHttp(port);
        Map<String, Object> location = jdbc.queryForMap("""
                SELECT d.division_id, d.id AS district_id, t.id AS thana_id
                FROM thana t JOIN district d ON d.id = t.district_id ORDER BY t.id LIMIT 1""");
        division = ((Number) location.get("division_id")).intValue();
        district = ((Number) location.get("district_id")).intValue();
        thana = ((Number) location.get("thana_id")).intValue();
    }

    Map<String, Object> registration(String role, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("full_name", "Rahima Begum");
        body.put("email", email);
        body.put("phone", UniquePhones.next());
        body.put("password", PASSWORD);
        body.put("division_id", division);
        body.put("district_id", district);
        body.put("thana_id", thana);
        return body;
    }

    static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.org";
    }

    JsonNode register(String role) {
        Answer answer = http.post("/api/v1/user/register/", registration(role, newEmail()), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    String login(String email) {
        Answer answer = http.post("/api/v1/user/login/", Map.of("email", email, "password", PASSWORD), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("access").asString();
    }

    @Test
    void registersAPatientWithTheContractsAnswerAndLogsIn() {
        String email = "Mixed.Case-" + UUID.randomUUID() + "@Example.org";
        Map<String, Object> body = registration("PATIENT", email);
        body.put("blood_group", "O+");
        body.put("medical_history", "asthma");

        Answer created = http.post("/api/v1/user/register/", body, null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(user.get("role").asString()).isEqualTo("PATIENT");
        assertThat(user.get("is_active").asBoolean()).isTrue();
        assertThat(user.get("division_id").asInt()).isEqualTo(division);
        assertThat(user.has("created_at")).isTrue();
        assertThat(user.has("password")).isFalse();
        assertThat(user.has("medical_history")).isFalse();

        Answer login = http.post("/api/v1/user/login", Map.of("email", email.toUpperCase(), "password", PASSWORD), null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        JsonNode tokens = login.json();
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isPositive();
        assertThat(tokens.get("refresh").asString()).isNotBlank();
        assertThat(tokens.get("user").get("id").asString()).isEqualTo(user.get("id").asString());
        assertThat(tokens.get("user").get("full_name").asString()).isEqualTo("Rahima Begum");

        JsonNode me = http.get("/api/v1/user/me/", tokens.get("access").asString()).json();
        assertThat(me.get("medical_history").asString()).isEqualTo("asthma");
        assertThat(me.get("blood_group").asString()).isEqualTo("O+");
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        Map<String, Object> body = registration("PATIENT", "not-an-email");
        body.put("phone", "01712345678");
        body.put("password", "weak");
        body.put("full_name", "");

        Answer answer = http.post("/api/v1/user/register/", body, null);

        assertThat(answer.status()).isEqualTo(400);
        JsonNode errors = answer.json().get("errors");
        assertThat(errors.has("email")).isTrue();
        assertThat(errors.has("phone")).isTrue();
        assertThat(errors.has("password")).isTrue();
        assertThat(errors.has("full_name")).isTrue();
        assertThat(answer.json().get("status").asInt()).isEqualTo(400);
    }

    @Test
    void rejectsADistrictOutsideTheDivisionAndAThanaOutsideTheDistrict() {
        int otherDivision = jdbc.queryForObject("SELECT min(id) FROM division WHERE id <> ?", Integer.class, division);
        Map<String, Object> wrongDivision = registration("PATIENT", newEmail());
        wrongDivision.put("division_id", otherDivision);
        Answer answer = http.post("/api/v1/user/register/", wrongDivision, null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").has("district_id")).isTrue();

        int otherThana = jdbc.queryForObject("SELECT min(id) FROM thana WHERE district_id <> ?", Integer.class, district);
        Map<String, Object> wrongThana = registration("PATIENT", newEmail());
        wrongThana.put("thana_id", otherThana);
        answer = http.post("/api/v1/user/register/", wrongThana, null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").has("thana_id")).isTrue();
    }

    @Test
    void aDuplicateEmailInAnyCaseOrPhoneIs409() {
        String email = newEmail();
        Map<String, Object> first = registration("PATIENT", email);
        assertThat(http.post("/api/v1/user/register/", first, null).status()).isEqualTo(201);

        Map<String, Object> sameEmail = registration("DOCTOR", email.toUpperCase());
        assertThat(http.post("/api/v1/user/register/", sameEmail, null).status()).isEqualTo(409);

        Map<String, Object> samePhone = registration("PATIENT", newEmail());
        samePhone.put("phone", first.get("phone"));
        Answer answer = http.post("/api/v1/user/register/", samePhone, null);
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("detail").asString()).containsIgnoringCase("phone");
    }

    @Test
    void concurrentRegistrationsWithOnePhoneYieldOneAccountAndLeaveNoKeycloakUserBehind() throws Exception {
        String phone = UniquePhones.next();
        List<String> emails = new ArrayList<>();
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> body = registration("PATIENT", newEmail());
            body.put("phone", phone);
            emails.add((String) body.get("email"));
            attempts.add(() -> http.post("/api/v1/user/register/", body, null).status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> result : pool.invokeAll(attempts)) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE phone = ?", Long.class, phone)).isOne();
        // the losers' Keycloak accounts were removed again: they cannot log in
        long canLogIn = emails.stream().filter(email -> http.post("/api/v1/user/login/",
                Map.of("email", email, "password", PASSWORD), null).status() == 200).count();
        assertThat(canLogIn).isOne();
    }

    @Test
    void wrongCredentialsGetOneNeutral401() {
        JsonNode user = register("PATIENT");
        Answer wrongPassword = http.post("/api/v1/user/login/",
                Map.of("email", user.get("email").asString(), "password", "Wrong.Pass1"), null);
        Answer unknownEmail = http.post("/api/v1/user/login/",
                Map.of("email", newEmail(), "password", PASSWORD), null);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail").asString())
                .isEqualTo(unknownEmail.json().get("detail").asString());
        assertThat(http.post("/api/v1/user/login/", Map.of("email", "x@example.org"), null).status()).isEqualTo(400);
    }

    /** A patient logging in on several devices at once is not refused (the lockout above still holds). */
    @Test
    void concurrentLoginsOfOneAccountAllSucceed() throws Exception {
        String email = register("PATIENT").get("email").asString();
        List<Callable<Integer>> logins = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            logins.add(() -> http.post("/api/v1/user/login/", Map.of("email", email, "password", PASSWORD), null)
                    .status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<Integer> result : pool.invokeAll(logins)) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).hasSize(16).containsOnly(200);
    }

    @Test
    void keycloaksBruteForceLockoutAnswers401NotAServerError() {
        String email = register("PATIENT").get("email").asString();
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/v1/user/login/", Map.of("email", email, "password", "Wrong.Pass" + i), null)
                    .status()).isEqualTo(401);
        }

        Answer locked = http.post("/api/v1/user/login/", Map.of("email", email, "password", PASSWORD), null);

        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("detail").asString()).contains("locked for a while");
    }

    @Test
    void refreshGivesNewTokensAndLogoutRevokesTheRefreshToken() {
        JsonNode user = register("DOCTOR");
        JsonNode login = http.post("/api/v1/user/login/",
                Map.of("email", user.get("email").asString(), "password", PASSWORD), null).json();
        String refresh = login.get("refresh").asString();

        Answer refreshed = http.post("/api/v1/refresh/token/", Map.of("refresh", refresh), null);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().get("access").asString()).isNotBlank();
        String newRefresh = refreshed.json().get("refresh").asString();

        Answer logout = http.post("/api/v1/user/logout/", Map.of("refresh", newRefresh),
                refreshed.json().get("access").asString());
        assertThat(logout.status()).as(logout.body()).isEqualTo(204);

        assertThat(http.post("/api/v1/refresh/token/", Map.of("refresh", newRefresh), null).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/refresh/token/", Map.of("refresh", "garbage"), null).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/user/logout/", Map.of("refresh", newRefresh), null).status()).isEqualTo(401);
    }

    @Test
    void onlyAnAdminCreatesAdminAccounts() {
        Map<String, Object> body = registration("ADMIN", newEmail());
        assertThat(http.post("/api/v1/user/register/", body, null).status()).isEqualTo(403);
        String patientToken = login(register("PATIENT").get("email").asString());
        assertThat(http.post("/api/v1/user/register/", body, patientToken).status()).isEqualTo(403);

        String adminToken = login("admin@example.com", "Admin.1234");
        Answer created = http.post("/api/v1/user/register/", body, adminToken);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void profileChangesIgnoreProtectedFieldsAndValidateTheRest() {
        JsonNode user = register("PATIENT");
        String token = login(user.get("email").asString());

        Answer patched = http.patch("/api/v1/user/me/", Map.of("full_name", "Rahima Khatun", "email", "evil@example.org",
                "role", "ADMIN", "is_active", false, "id", UUID.randomUUID().toString(), "blood_group", "AB-"), token);

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode me = patched.json();
        assertThat(me.get("full_name").asString()).isEqualTo("Rahima Khatun");
        assertThat(me.get("blood_group").asString()).isEqualTo("AB-");
        assertThat(me.get("email").asString()).isEqualTo(user.get("email").asString());
        assertThat(me.get("role").asString()).isEqualTo("PATIENT");
        assertThat(me.get("is_active").asBoolean()).isTrue();
        assertThat(me.get("id").asString()).isEqualTo(user.get("id").asString());

        Answer invalid = http.patch("/api/v1/user/me/", Map.of("phone", "123", "gender", "X"), token);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").has("phone")).isTrue();
        assertThat(invalid.json().get("errors").has("gender")).isTrue();

        String doctorToken = login(register("DOCTOR").get("email").asString());
        Answer doctorMedical = http.patch("/api/v1/user/me/", Map.of("medical_history", "none"), doctorToken);
        assertThat(doctorMedical.status()).isEqualTo(400);
        assertThat(http.get("/api/v1/user/me/", null).status()).isEqualTo(401);
    }

    @Test
    void notificationChannelsDefaultToEmailAndPatientsAndDoctorsChooseThem() {
        JsonNode patient = register("PATIENT");
        String token = login(patient.get("email").asString());
        JsonNode me = http.get("/api/v1/user/me/", token).json();
        assertThat(me.get("notification_channels").toString()).isEqualTo("[\"EMAIL\"]");

        Answer patched = http.patch("/api/v1/user/me/", Map.of("notification_channels", List.of("SMS", "EMAIL")),
                token);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("notification_channels").toString()).isEqualTo("[\"SMS\",\"EMAIL\"]");
        assertThat(http.get("/api/v1/user/me/", token).json().get("notification_channels").toString())
                .isEqualTo("[\"SMS\",\"EMAIL\"]");

        String doctorToken = login(register("DOCTOR").get("email").asString());
        Answer doctor = http.patch("/api/v1/user/me/", Map.of("notification_channels", List.of("SMS")), doctorToken);
        assertThat(doctor.status()).as(doctor.body()).isEqualTo(200);
        assertThat(doctor.json().get("notification_channels").toString()).isEqualTo("[\"SMS\"]");

        java.util.List<Object> invalid = new java.util.ArrayList<>(List.of(List.of(), List.of("FAX"),
                List.of("EMAIL", "EMAIL"), "EMAIL", List.of(7), Map.of("EMAIL", true)));
        invalid.add(null);
        for (Object wrong : invalid) {
            Map<String, Object> body = new HashMap<>();
            body.put("notification_channels", wrong);
            body.put("full_name", "Not Applied");
            Answer refused = http.patch("/api/v1/user/me/", body, token);
            assertThat(refused.status()).as(String.valueOf(wrong)).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").propertyNames()).as(refused.body())
                    .containsExactly("notification_channels");
        }
        JsonNode unchanged = http.get("/api/v1/user/me/", token).json();
        assertThat(unchanged.get("notification_channels").toString()).isEqualTo("[\"SMS\",\"EMAIL\"]");
        assertThat(unchanged.get("full_name").asString()).isEqualTo("Rahima Begum");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE NOT notification_channels @> ARRAY['EMAIL']"
                + " AND NOT notification_channels @> ARRAY['SMS']", Long.class)).isZero();
    }

    @Test
    void adminsListFilterAndDeactivateUsersWhoThenCannotLogIn() {
        JsonNode patient = register("PATIENT");
        String email = patient.get("email").asString();
        String patientToken = login(email);
        String adminToken = login("admin@example.com", "Admin.1234");

        assertThat(http.get("/api/v1/users/", patientToken).status()).isEqualTo(403);
        Answer list = http.get("/api/v1/users/?role=PATIENT&search=" + email.substring(0, 20) + "&page_size=5",
                adminToken);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("count").asLong()).isOne();
        assertThat(list.json().get("results").get(0).get("email").asString()).isEqualTo(email);
        assertThat(http.get("/api/v1/users/?is_active=maybe", adminToken).status()).isEqualTo(400);
        Answer unfiltered = http.get("/api/v1/users/", adminToken);
        assertThat(unfiltered.status()).as(unfiltered.body()).isEqualTo(200);
        assertThat(unfiltered.json().get("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(http.get("/api/v1/users/?search=100%25_", adminToken).json().get("count").asLong()).isZero();
        assertThat(http.get("/api/v1/users/" + UUID.randomUUID() + "/", adminToken).status()).isEqualTo(404);

        Answer deactivated = http.patch("/api/v1/users/" + patient.get("id").asString() + "/",
                Map.of("is_active", false), adminToken);
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertThat(deactivated.json().get("is_active").asBoolean()).isFalse();

        Answer login = http.post("/api/v1/user/login/", Map.of("email", email, "password", PASSWORD), null);
        assertThat(login.status()).isEqualTo(401);
        assertThat(http.get("/api/v1/users/?is_active=false&search=" + email.substring(0, 20), adminToken)
                .json().get("count").asLong()).isOne();

        assertThat(http.patch("/api/v1/users/" + patient.get("id").asString() + "/", Map.of("is_active", true),
                adminToken).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/user/login/", Map.of("email", email, "password", PASSWORD), null).status())
                .isEqualTo(200);
    }

    private String login(String email, String password) {
        Answer answer = http.post("/api/v1/user/login/", Map.of("email", email, "password", password), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("access").asString();
    }

}
