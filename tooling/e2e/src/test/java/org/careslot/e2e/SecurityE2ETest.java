package org.careslot.e2e;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform as an attacker meets it, through the gateway only. {@link #ENDPOINTS} lists every endpoint of api.md
 * (and the few the services add and document) once, with who may call it and a valid body; the parameterized tests
 * run each scenario over every row it applies to, so a new endpoint is one row, and
 * {@link #everyDocumentedEndpointIsInTheTable} fails when a service documents one that is missing here.
 * <ul>
 *   <li>no token, a malformed one, one without a signature, one signed by a key Keycloak does not have, one of
 *   another realm, and one Keycloak signed that has expired → 401 problem+json for every protected endpoint;</li>
 *   <li>a role the endpoint does not admit → 403; another user's resource → 404 that shows nothing of it;</li>
 *   <li>members a client may not set (id, role, status, fee, ...) are ignored or refused, never applied;</li>
 *   <li>malformed, wrongly typed, 10,000-level nested and 2 MB bodies → 4xx problem+json, never 5xx, on every endpoint
 *   that takes a body, and every service still answers afterwards;</li>
 *   <li>a login flood from one address → 429 with Retry-After (the e2e stack runs the gateway's default limit: 30
 *   per address, 60 per minute refill);</li>
 *   <li>SQL, script and template payloads in every free-text field and search parameter are stored and returned
 *   verbatim or refused with 400 naming the field, and the data stays queryable.</li>
 * </ul>
 */
class SecurityE2ETest {

    private static final String PASSWORD = "Str0ng!Pass";
    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final String PAYLOAD = "'; DROP TABLE appointments;-- <script>alert(1)</script> {{7*7}} ${7*7}";
    private static final List<String> PAYLOADS = List.of("'; DROP TABLE appointments;--",
            "<script>alert(1)</script>", "{{7*7}}", "${7*7}", "' OR '1'='1", PAYLOAD);

    enum Role { ADMIN, DOCTOR, PATIENT }

    /** Whose resource the path names: the 'other user' of that kind must get 404. */
    enum Owner { NONE, PATIENT, DOCTOR }

    private static final Set<Role> ANYONE = null;
    private static final Set<Role> AUTHENTICATED = Set.of(Role.ADMIN, Role.DOCTOR, Role.PATIENT);

    /**
     * One endpoint: path placeholders in braces are filled from the fixture ({@link #resolve}); roles null = no token
     * needed; body = a valid request body (null: none).
     */
    record Endpoint(String method, String path, Set<Role> roles, Owner owner, Map<String, Object> body) {
        @Override
        public String toString() {
            return method + " " + path;
        }

        boolean isProtected() {
            return roles != null;
        }
    }

    private static final Map<String, Object> SLOT = Map.of("weekday", "SUNDAY", "start_time", "20:00",
            "end_time", "21:00", "slot_minutes", 30);
    private static final Map<String, Object> TIME_OFF = Map.of("date_from", "2031-01-01", "reason", "Conference");
    private static final Map<String, Object> PROFILE = Map.of("specialization", "CARDIOLOGY",
            "license_number", "{license}", "experience_years", 8, "consultation_fee", "800",
            "qualification", "MBBS");

    static final List<Endpoint> ENDPOINTS = List.of(
            // identity-service
            new Endpoint("POST", "/api/v1/user/register/", ANYONE, Owner.NONE, Map.of("role", "PATIENT",
                    "full_name", "Test", "email", "{new_email}", "phone", "+8801700000000", "password", PASSWORD,
                    "division_id", 1, "district_id", 1, "thana_id", 1)),
            new Endpoint("POST", "/api/v1/user/login/", ANYONE, Owner.NONE,
                    Map.of("email", "nobody@example.org", "password", "Wr0ng!Pass")),
            new Endpoint("POST", "/api/v1/refresh/token/", ANYONE, Owner.NONE, Map.of("refresh", "x")),
            new Endpoint("POST", "/api/v1/user/logout/", AUTHENTICATED, Owner.NONE, Map.of("refresh", "x")),
            new Endpoint("GET", "/api/v1/user/me/", AUTHENTICATED, Owner.NONE, null),
            new Endpoint("PATCH", "/api/v1/user/me/", AUTHENTICATED, Owner.NONE, Map.of("gender", "FEMALE")),
            new Endpoint("PUT", "/api/v1/user/me/photo/", AUTHENTICATED, Owner.NONE, null),
            new Endpoint("GET", "/api/v1/user/photos/{user_id}/", ANYONE, Owner.NONE, null),
            new Endpoint("GET", "/api/v1/users/?role=PATIENT", Set.of(Role.ADMIN), Owner.NONE, null),
            new Endpoint("GET", "/api/v1/users/{user_id}/", Set.of(Role.ADMIN), Owner.NONE, null),
            new Endpoint("PATCH", "/api/v1/users/{user_id}/", Set.of(Role.ADMIN), Owner.NONE,
                    Map.of("is_active", true)),
            new Endpoint("GET", "/api/v1/locations/divisions/", ANYONE, Owner.NONE, null),
            new Endpoint("GET", "/api/v1/locations/divisions/{division_id}/districts/", ANYONE, Owner.NONE, null),
            new Endpoint("GET", "/api/v1/locations/districts/{district_id}/thanas/", ANYONE, Owner.NONE, null),
            // doctor-service
            new Endpoint("GET", "/api/v1/doctors/", ANYONE, Owner.NONE, null),
            new Endpoint("GET", "/api/v1/doctors/{doctor_id}/", ANYONE, Owner.NONE, null),
            new Endpoint("GET", "/api/v1/doctors/me/profile/", Set.of(Role.DOCTOR), Owner.NONE, null),
            new Endpoint("PUT", "/api/v1/doctors/me/profile/", Set.of(Role.DOCTOR), Owner.NONE, PROFILE),
            new Endpoint("GET", "/api/v1/doctors/me/time-slots/", Set.of(Role.DOCTOR), Owner.NONE, null),
            new Endpoint("POST", "/api/v1/doctors/me/time-slots/", Set.of(Role.DOCTOR), Owner.NONE, SLOT),
            new Endpoint("PUT", "/api/v1/doctors/me/time-slots/{slot_id}/", Set.of(Role.DOCTOR), Owner.DOCTOR,
                    SLOT),
            new Endpoint("DELETE", "/api/v1/doctors/me/time-slots/{slot_id}/", Set.of(Role.DOCTOR), Owner.DOCTOR,
                    null),
            new Endpoint("GET", "/api/v1/doctors/me/time-off/", Set.of(Role.DOCTOR), Owner.NONE, null),
            new Endpoint("POST", "/api/v1/doctors/me/time-off/", Set.of(Role.DOCTOR), Owner.NONE, TIME_OFF),
            new Endpoint("DELETE", "/api/v1/doctors/me/time-off/{time_off_id}/", Set.of(Role.DOCTOR), Owner.DOCTOR,
                    null),
            new Endpoint("GET", "/api/v1/doctors/{doctor_id}/profile/", Set.of(Role.ADMIN), Owner.NONE, null),
            new Endpoint("PUT", "/api/v1/doctors/{doctor_id}/profile/", Set.of(Role.ADMIN), Owner.NONE, PROFILE),
            new Endpoint("GET", "/api/v1/doctors/{doctor_id}/time-slots/", Set.of(Role.ADMIN), Owner.NONE, null),
            new Endpoint("POST", "/api/v1/doctors/{doctor_id}/time-slots/", Set.of(Role.ADMIN), Owner.NONE, SLOT),
            new Endpoint("PUT", "/api/v1/doctors/{doctor_id}/time-slots/{slot_id}/", Set.of(Role.ADMIN),
                    Owner.NONE, SLOT),
            new Endpoint("DELETE", "/api/v1/doctors/{doctor_id}/time-slots/{slot_id}/", Set.of(Role.ADMIN),
                    Owner.NONE, null),
            new Endpoint("GET", "/api/v1/doctors/{doctor_id}/time-off/", Set.of(Role.ADMIN), Owner.NONE, null),
            new Endpoint("POST", "/api/v1/doctors/{doctor_id}/time-off/", Set.of(Role.ADMIN), Owner.NONE,
                    TIME_OFF),
            new Endpoint("DELETE", "/api/v1/doctors/{doctor_id}/time-off/{time_off_id}/", Set.of(Role.ADMIN),
                    Owner.NONE, null),
            // booking-service
            new Endpoint("GET", "/api/v1/doctors/{doctor_id}/availability/?date={date}", ANYONE, Owner.NONE, null),
            new Endpoint("POST", "/api/v1/appointments/", Set.of(Role.PATIENT, Role.ADMIN), Owner.NONE,
                    Map.of("doctor_id", "{doctor_id}", "date", "{date}", "start_time", "11:30")),
            new Endpoint("GET", "/api/v1/appointments/", AUTHENTICATED, Owner.NONE, null),
            new Endpoint("GET", "/api/v1/appointments/{appointment_id}/", AUTHENTICATED, Owner.PATIENT, null),
            new Endpoint("POST", "/api/v1/appointments/{appointment_id}/cancel/", AUTHENTICATED, Owner.PATIENT,
                    Map.of("reason", "Travelling")),
            new Endpoint("POST", "/api/v1/appointments/{appointment_id}/reschedule/",
                    Set.of(Role.PATIENT, Role.ADMIN), Owner.PATIENT,
                    Map.of("date", "{date}", "start_time", "11:00")),
            new Endpoint("POST", "/api/v1/appointments/{appointment_id}/confirm/", Set.of(Role.DOCTOR, Role.ADMIN),
                    Owner.DOCTOR, null),
            new Endpoint("POST", "/api/v1/appointments/{appointment_id}/complete/", Set.of(Role.DOCTOR, Role.ADMIN),
                    Owner.DOCTOR, Map.of("prescription", "Rest")),
            new Endpoint("POST", "/api/v1/appointments/{appointment_id}/no-show/", Set.of(Role.DOCTOR, Role.ADMIN),
                    Owner.DOCTOR, null),
            // booking-service: calendar feeds (the feed itself is public: its token is the credential)
            new Endpoint("GET", "/api/v1/calendar/feed-url/", Set.of(Role.PATIENT, Role.DOCTOR), Owner.NONE, null),
            new Endpoint("DELETE", "/api/v1/calendar/feed-url/", Set.of(Role.PATIENT, Role.DOCTOR), Owner.NONE,
                    null),
            new Endpoint("GET", "/api/v1/calendar/feeds/{feed_token}.ics", ANYONE, Owner.NONE, null),
            // booking-service: FHIR R4 (the directory as public as doctor search and availability; its errors are
            // OperationOutcomes, application/fhir+json)
            new Endpoint("GET", "/fhir/r4/metadata/", ANYONE, Owner.NONE, null),
            new Endpoint("GET", "/fhir/r4/Practitioner/", ANYONE, Owner.NONE, null),
            new Endpoint("GET", "/fhir/r4/Practitioner/{doctor_id}/", ANYONE, Owner.NONE, null),
            new Endpoint("GET", "/fhir/r4/PractitionerRole/", ANYONE, Owner.NONE, null),
            new Endpoint("GET", "/fhir/r4/PractitionerRole/{doctor_id}/", ANYONE, Owner.NONE, null),
            new Endpoint("GET", "/fhir/r4/Schedule/", ANYONE, Owner.NONE, null),
            new Endpoint("GET", "/fhir/r4/Schedule/{doctor_id}/", ANYONE, Owner.NONE, null),
            new Endpoint("GET", "/fhir/r4/Slot/?schedule=Schedule/{doctor_id}&start=ge{date}&start=le{date}", ANYONE,
                    Owner.NONE, null),
            new Endpoint("GET", "/fhir/r4/Slot/{fhir_slot_id}/", ANYONE, Owner.NONE, null),
            new Endpoint("GET", "/fhir/r4/Appointment/", AUTHENTICATED, Owner.NONE, null),
            new Endpoint("GET", "/fhir/r4/Appointment/{appointment_id}/", AUTHENTICATED, Owner.PATIENT, null),
            // notification-service
            new Endpoint("GET", "/api/v1/reminders/?appointment_id={appointment_id}", AUTHENTICATED, Owner.PATIENT,
                    null),
            // notification-service: waitlist
            new Endpoint("POST", "/api/v1/doctors/{doctor_id}/waitlist/", Set.of(Role.PATIENT), Owner.NONE,
                    Map.of("date", "{date}")),
            new Endpoint("GET", "/api/v1/waitlist/", Set.of(Role.PATIENT), Owner.NONE, null),
            new Endpoint("DELETE", "/api/v1/waitlist/{waitlist_id}/", Set.of(Role.PATIENT), Owner.PATIENT, null),
            // reporting-service
            new Endpoint("GET", "/api/v1/reports/monthly/?month={month}", Set.of(Role.DOCTOR, Role.ADMIN),
                    Owner.NONE, null),
            new Endpoint("GET", "/api/v1/reports/monthly/{doctor_id}/{month}/", Set.of(Role.DOCTOR, Role.ADMIN),
                    Owner.DOCTOR, null),
            new Endpoint("GET", "/api/v1/reports/summary/?month={month}", Set.of(Role.ADMIN), Owner.NONE, null),
            new Endpoint("POST", "/api/v1/reports/monthly/close/{month}/", Set.of(Role.ADMIN), Owner.NONE, null));

    private static RunningStack stack;
    private static Gateway gateway;
    private static KeycloakAdmin keycloakAdmin;

    private static final Map<Role, String> tokens = new LinkedHashMap<>();
    private static final Map<String, String> badTokens = new LinkedHashMap<>();
    private static final Map<String, String> ids = new HashMap<>();
    private static String otherPatient;
    private static String otherDoctor;
    private static String patientId;
    private static String patientEmail;
    private static String marker;
    private static final List<String> cleanup = new ArrayList<>();

    /**
     * Doctor A (profile, a weekly slot five days ahead, a time-off), patient A with a PENDING appointment at 09:00
     * carrying secret notes, and a second doctor and patient with nothing of A's; plus the tokens to refuse.
     */
    @BeforeAll
    static void aDoctorAPatientWithAnAppointmentTheirNeighboursAndBadTokens() throws Exception {
        stack = RunningStack.get();
        gateway = new Gateway(stack);
        keycloakAdmin = new KeycloakAdmin(stack);
        marker = "Sec" + Long.toString(System.nanoTime(), 36);

        String doctorEmail = "doctor-" + UUID.randomUUID() + "@example.org";
        String doctorId = gateway.register("DOCTOR", "Farida Yasmin " + marker, doctorEmail, PASSWORD);
        patientEmail = "patient-" + UUID.randomUUID() + "@example.org";
        patientId = gateway.register("PATIENT", "Rumana Afrin", patientEmail, PASSWORD);
        String otherDoctorEmail = "doctor-" + UUID.randomUUID() + "@example.org";
        gateway.register("DOCTOR", "Habibur Rahman " + marker, otherDoctorEmail, PASSWORD);
        String otherPatientEmail = "patient-" + UUID.randomUUID() + "@example.org";
        gateway.register("PATIENT", "Mahmudul Hasan", otherPatientEmail, PASSWORD);
        tokens.put(Role.ADMIN, gateway.login("admin@example.com", "Admin.1234"));
        tokens.put(Role.DOCTOR, gateway.login(doctorEmail, PASSWORD));
        tokens.put(Role.PATIENT, gateway.login(patientEmail, PASSWORD));
        otherDoctor = gateway.login(otherDoctorEmail, PASSWORD);
        otherPatient = gateway.login(otherPatientEmail, PASSWORD);

        LocalDate date = LocalDate.now(ZoneId.of("Asia/Dhaka")).plusDays(5);
        ids.put("doctor_id", doctorId);
        ids.put("user_id", patientId);
        ids.put("date", date.toString());
        // the Slot of the doctor's 09:30 on that date ({doctor id}-{local start}, as the Slot search names it)
        ids.put("fhir_slot_id", doctorId + "-" + date.toString().replace("-", "") + "T0930");
        ids.put("month", YearMonth.from(date).toString());
        Map<String, Object> location = gateway.firstLocation();
        ids.put("division_id", location.get("division_id").toString());
        ids.put("district_id", location.get("district_id").toString());

        assertThat(send("PUT", "/api/v1/doctors/me/profile/", Map.of("specialization", "CARDIOLOGY",
                "license_number", "BMDC-" + marker, "experience_years", 8, "consultation_fee", "800",
                "qualification", "MBBS"), tokens.get(Role.DOCTOR)).status()).isIn(200, 201);
        // the other doctor has a profile of their own: their 404s are about A's resources, not a missing profile
        assertThat(send("PUT", "/api/v1/doctors/me/profile/", Map.of("specialization", "MEDICINE",
                "license_number", "BMDC-" + marker + "B", "experience_years", 3, "consultation_fee", "500",
                "qualification", "MBBS"), otherDoctor).status()).isIn(200, 201);
        Gateway.Response slot = send("POST", "/api/v1/doctors/me/time-slots/", Map.of(
                "weekday", date.getDayOfWeek().name(), "start_time", "09:00", "end_time", "12:00",
                "slot_minutes", 30), tokens.get(Role.DOCTOR));
        assertThat(slot.status()).as(slot.body()).isEqualTo(201);
        ids.put("slot_id", slot.json().get("id").asString());
        Gateway.Response timeOff = send("POST", "/api/v1/doctors/me/time-off/", Map.of(
                "date_from", date.plusDays(60).toString(), "reason", "Conference"), tokens.get(Role.DOCTOR));
        assertThat(timeOff.status()).as(timeOff.body()).isEqualTo(201);
        ids.put("time_off_id", timeOff.json().get("id").asString());

        // bad tokens, prepared while the schedule travels to booking-service
        badTokens.put("none", null);
        badTokens.put("malformed", "not-a-jwt");
        badTokens.put("unsigned (alg none)", unsigned(tokens.get(Role.PATIENT)));
        badTokens.put("signed by another key", signedByAnotherKey(doctorId));
        String otherRealm = "e2e-other-" + marker.toLowerCase();
        keycloakAdmin.createRealmWithAdmin(otherRealm, "admin@example.com", PASSWORD);
        cleanup.add("/admin/realms/" + otherRealm);
        badTokens.put("of another realm", keycloakAdmin.accessToken(otherRealm, "careslot-web",
                "admin@example.com", PASSWORD));
        String expiredClient = "e2e-expired-" + marker.toLowerCase();
        cleanup.add(keycloakAdmin.createPasswordClient("appointments", expiredClient, -300));
        badTokens.put("expired", keycloakAdmin.accessToken("appointments", expiredClient, patientEmail, PASSWORD));

        String availability = "/api/v1/doctors/" + doctorId + "/availability/?date=" + date;
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get(availability).status() == 200
                        && !gateway.get(availability).json().get("slots").isEmpty());
        Gateway.Response booked = send("POST", "/api/v1/appointments/", Map.of("doctor_id", doctorId,
                "date", date.toString(), "start_time", "09:00", "notes", "secret-notes-" + marker,
                "symptoms", "secret-symptoms-" + marker), tokens.get(Role.PATIENT));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        ids.put("appointment_id", booked.json().get("id").asString());
        // patient A waits for doctor A's date (404 until notification-service has the doctor's account event)
        Gateway.Response waiting = await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500))
                .until(() -> send("POST", "/api/v1/doctors/" + doctorId + "/waitlist/", Map.of("date",
                        date.toString()), tokens.get(Role.PATIENT)), response -> response.status() != 404);
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(201);
        ids.put("waitlist_id", waiting.json().get("id").asString());
    }

    @AfterAll
    static void removeTheRealmAndClientCreatedForTheBadTokens() {
        cleanup.forEach(keycloakAdmin::delete);
    }

    // ---------------------------------------------------------------- the table against the services' documents

    @Test
    void everyDocumentedEndpointIsInTheTable() {
        Set<String> documented = new TreeSet<>();
        JsonNode config = gateway.get("/v3/api-docs/swagger-config").json();
        config.get("urls").forEach(url -> {
            Gateway.Response document = gateway.get(url.get("url").asString());
            assertThat(document.status()).as(url.toString()).isEqualTo(200);
            document.json().get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    documented.add(op.getKey().toUpperCase() + " " + shape(path.getKey()));
                }
            }));
        });
        Set<String> tabled = new TreeSet<>();
        ENDPOINTS.forEach(endpoint -> tabled.add(endpoint.method() + " " + shape(endpoint.path())));

        assertThat(tabled).as("endpoints of the table").containsExactlyInAnyOrderElementsOf(documented);
    }

    /** A path with its query left out, every {placeholder} alike and one trailing slash. */
    private static String shape(String path) {
        String bare = path.replaceFirst("\\?.*$", "").replaceAll("\\{[^}]+}", "{}");
        return bare.endsWith("/") ? bare : bare + "/";
    }

    // ---------------------------------------------------------------- tokens

    static Stream<Arguments> protectedEndpointsWithBadTokens() {
        return ENDPOINTS.stream().filter(Endpoint::isProtected)
                .flatMap(endpoint -> badTokens.keySet().stream().map(kind -> Arguments.of(endpoint, kind)));
    }

    @ParameterizedTest(name = "{0} with a token that is {1} → 401")
    @MethodSource("protectedEndpointsWithBadTokens")
    void aMissingOrUntrustworthyTokenIs401(Endpoint endpoint, String kind) {
        Gateway.Response response = call(endpoint, badTokens.get(kind));

        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertLeaksNothing(response);
    }

    @Test
    void theExpiredTokenWasOtherwiseGood() {
        // the same user through the realm's own client: accepted, so the 401s above are for the expiry alone
        String fresh = gateway.keycloakAccessToken(patientEmail, PASSWORD);
        assertThat(gateway.get("/api/v1/user/me/", fresh).status()).isEqualTo(200);
        JsonNode claims = claims(badTokens.get("expired"));
        assertThat(claims.get("sub").asString()).isEqualTo(patientId);
        assertThat(Instant.ofEpochSecond(claims.get("exp").asLong())).isBefore(Instant.now().minusSeconds(120));
    }

    // ---------------------------------------------------------------- roles and owners

    static Stream<Arguments> endpointsWithARoleTheyDoNotAdmit() {
        return ENDPOINTS.stream().filter(Endpoint::isProtected).flatMap(endpoint -> Stream.of(Role.values())
                .filter(role -> !endpoint.roles().contains(role)).map(role -> Arguments.of(endpoint, role)));
    }

    @ParameterizedTest(name = "{0} as {1} → 403")
    @MethodSource("endpointsWithARoleTheyDoNotAdmit")
    void aRoleTheEndpointDoesNotAdmitIs403(Endpoint endpoint, Role role) {
        Gateway.Response response = call(endpoint, tokens.get(role));

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertLeaksNothing(response);
    }

    static Stream<Arguments> endpointsOfAnotherUsersResource() {
        return ENDPOINTS.stream().filter(endpoint -> endpoint.owner() != Owner.NONE).flatMap(endpoint -> {
            List<Arguments> callers = new ArrayList<>();
            if (endpoint.roles().contains(Role.PATIENT)) {
                callers.add(Arguments.of(endpoint, "another patient"));
            }
            if (endpoint.roles().contains(Role.DOCTOR)) {
                callers.add(Arguments.of(endpoint, "another doctor"));
            }
            return callers.stream();
        });
    }

    @ParameterizedTest(name = "{0} as {1} → 404")
    @MethodSource("endpointsOfAnotherUsersResource")
    void anotherUsersResourceIs404AndShowsNothingOfIt(Endpoint endpoint, String caller) {
        Gateway.Response response = call(endpoint, caller.equals("another patient") ? otherPatient : otherDoctor);

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.contentType()).startsWith(endpoint.path().startsWith("/fhir/")
                ? "application/fhir+json" : "application/problem+json");
        assertLeaksNothing(response);
    }

    @Test
    void listsShowNothingOfAnotherUsersResources() {
        String appointment = ids.get("appointment_id");
        for (String path : List.of("/api/v1/appointments/", "/api/v1/appointments/?patient_id=" + patientId,
                "/api/v1/appointments/?doctor_id=" + ids.get("doctor_id"))) {
            for (String caller : List.of(otherPatient, otherDoctor)) {
                Gateway.Response list = gateway.get(path, caller);
                assertThat(list.status()).as(list.body()).isIn(200, 400);
                assertThat(list.body()).doesNotContain(appointment);
                assertLeaksNothing(list);
            }
        }
        Gateway.Response reports = gateway.get("/api/v1/reports/monthly/?month=" + ids.get("month") + "&doctor_id="
                + ids.get("doctor_id"), otherDoctor);
        assertThat(reports.status()).isEqualTo(200);
        assertThat(reports.body()).doesNotContain(ids.get("doctor_id"));
        // the owner does see it: the checks above are not vacuous
        assertThat(gateway.get("/api/v1/appointments/", tokens.get(Role.PATIENT)).body()).contains(appointment);
    }

    /**
     * A refusal names nothing of A's appointment: not its notes, symptoms, patient or fee, and no internals. The
     * problem's instance (the path the caller sent) is left out of the check.
     */
    private static void assertLeaksNothing(Gateway.Response response) {
        String body = response.body();
        if (response.contentType() != null && response.contentType().contains("json")
                && response.json() instanceof tools.jackson.databind.node.ObjectNode object) {
            object.remove("instance");
            body = object.toString();
        }
        assertThat(body).doesNotContain("secret-notes-" + marker, "secret-symptoms-" + marker,
                patientEmail, "\"consultation_fee\"", "\"starts_at\"", "\"total_appointments\"", "\"weekday\"",
                "Exception", "at org.");
        if (response.status() != 200) {
            assertThat(body).doesNotContain(patientId);
        }
    }

    // ---------------------------------------------------------------- mass assignment

    @Test
    void membersAClientMayNotSetAreIgnoredOrRefusedAndNeverApplied() {
        String forgedId = UUID.randomUUID().toString();
        String pastInstant = "2000-01-01T00:00:00Z";

        // registration: no ADMIN by self-service, no chosen id, state or timestamps
        String email = "patient-" + UUID.randomUUID() + "@example.org";
        Map<String, Object> registration = new HashMap<>(gateway.firstLocation());
        registration.putAll(Map.of("role", "ADMIN", "full_name", "Selim Reza", "email", email,
                "phone", Gateway.uniquePhone(), "password", PASSWORD));
        Gateway.Response asAdmin = send("POST", "/api/v1/user/register/", registration, null);
        assertThat(asAdmin.status()).as(asAdmin.body()).isIn(400, 403);
        registration.putAll(Map.of("role", "PATIENT", "id", forgedId, "is_active", false, "created_at", pastInstant,
                "email_verified", true, "realm_access", Map.of("roles", List.of("ADMIN"))));
        Gateway.Response registered = send("POST", "/api/v1/user/register/", registration, null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("id").asString()).isNotEqualTo(forgedId);
        assertThat(registered.json().get("role").asString()).isEqualTo("PATIENT");
        assertThat(registered.json().get("is_active").asBoolean()).isTrue();
        assertThat(registered.json().get("created_at").asString()).doesNotStartWith("2000");
        String selim = gateway.login(email, PASSWORD);
        assertThat(gateway.get("/api/v1/users/", selim).status()).isEqualTo(403);

        // own profile: email, role, id and is_active are not writable
        Gateway.Response patched = send("PATCH", "/api/v1/user/me/", Map.of("email", "evil-" + email,
                "role", "ADMIN", "id", forgedId, "is_active", false, "gender", "MALE"), selim);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode me = gateway.get("/api/v1/user/me/", selim).json();
        assertThat(me.get("email").asString()).isEqualTo(email);
        assertThat(me.get("role").asString()).isEqualTo("PATIENT");
        assertThat(me.get("id").asString()).isEqualTo(registered.json().get("id").asString());
        assertThat(me.get("is_active").asBoolean()).isTrue();
        assertThat(me.get("gender").asString()).isEqualTo("MALE");
        gateway.login(email, PASSWORD);

        // an admin's activation change touches nothing else
        String selimId = me.get("id").asString();
        Gateway.Response activated = send("PATCH", "/api/v1/users/" + selimId + "/", Map.of("is_active", true,
                "role", "ADMIN", "email", "evil2-" + email), tokens.get(Role.ADMIN));
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(activated.json().get("role").asString()).isEqualTo("PATIENT");
        assertThat(activated.json().get("email").asString()).isEqualTo(email);

        // a doctor's profile: the id is the doctor's, the name comes from identity, is_active is not theirs to set
        Map<String, Object> profile = new HashMap<>(Map.of("specialization", "MEDICINE",
                "license_number", "BMDC-" + marker + "B", "experience_years", 3, "consultation_fee", "500",
                "qualification", "MBBS"));
        profile.putAll(Map.of("id", forgedId, "doctor_id", ids.get("doctor_id"), "full_name", "Someone Else",
                "is_active", false, "created_at", pastInstant));
        Gateway.Response doctorProfile = send("PUT", "/api/v1/doctors/me/profile/", profile, otherDoctor);
        assertThat(doctorProfile.status()).as(doctorProfile.body()).isIn(200, 201);
        assertThat(doctorProfile.json().get("id").asString()).isNotIn(forgedId, ids.get("doctor_id"));
        assertThat(doctorProfile.json().get("full_name").asString()).startsWith("Habibur Rahman");
        assertThat(doctorProfile.json().get("is_active").asBoolean()).isTrue();
        JsonNode doctorA = gateway.get("/api/v1/doctors/" + ids.get("doctor_id") + "/").json();
        assertThat(doctorA.get("license_number").asString()).isEqualTo("BMDC-" + marker);

        // a slot and a time-off go to the caller, under an id of the server's choosing
        Map<String, Object> slot = new HashMap<>(SLOT);
        slot.putAll(Map.of("id", forgedId, "doctor_id", ids.get("doctor_id")));
        Gateway.Response created = send("POST", "/api/v1/doctors/me/time-slots/", slot, otherDoctor);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("id").asString()).isNotEqualTo(forgedId);
        assertThat(gateway.get("/api/v1/doctors/me/time-slots/", tokens.get(Role.DOCTOR)).body())
                .doesNotContain(created.json().get("id").asString());
        Map<String, Object> timeOff = new HashMap<>(TIME_OFF);
        timeOff.putAll(Map.of("id", forgedId, "doctor_id", ids.get("doctor_id")));
        Gateway.Response off = send("POST", "/api/v1/doctors/me/time-off/", timeOff, otherDoctor);
        assertThat(off.status()).as(off.body()).isEqualTo(201);
        assertThat(off.json().get("id").asString()).isNotEqualTo(forgedId);

        // a booking: the server sets id, status, fee, times and prescription; a patient books only for themselves
        Map<String, Object> booking = new HashMap<>(Map.of("doctor_id", ids.get("doctor_id"), "date", ids.get("date"),
                "start_time", "10:00"));
        booking.putAll(Map.of("id", forgedId, "status", "CONFIRMED", "consultation_fee", "1.00", "fee", "1.00",
                "created_at", pastInstant, "prescription", "Forged", "end_time", "23:30", "doctor_name", "X"));
        Map<String, Object> forAnother = new HashMap<>(booking);
        forAnother.put("patient_id", patientId);
        Gateway.Response forSomeoneElse = send("POST", "/api/v1/appointments/", forAnother, selim);
        assertThat(forSomeoneElse.status()).as(forSomeoneElse.body()).isEqualTo(403);
        Gateway.Response booked = send("POST", "/api/v1/appointments/", booking, selim);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode appointment = booked.json();
        assertThat(appointment.get("id").asString()).isNotEqualTo(forgedId);
        assertThat(appointment.get("patient_id").asString()).isEqualTo(selimId);
        assertThat(appointment.get("status").asString()).isEqualTo("PENDING");
        assertThat(appointment.get("consultation_fee").asString()).isEqualTo("800.00");
        assertThat(appointment.get("end_time").asString()).isEqualTo("10:30");
        assertThat(appointment.get("prescription").isNull()).isTrue();
        assertThat(appointment.get("created_at").asString()).doesNotStartWith("2000");

        // a status change carries only its own members
        Gateway.Response cancelled = send("POST", "/api/v1/appointments/" + appointment.get("id").asString()
                + "/cancel/", Map.of("reason", "Travelling", "status", "COMPLETED", "consultation_fee", "1.00",
                "patient_id", patientId), selim);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("consultation_fee").asString()).isEqualTo("800.00");
        assertThat(cancelled.json().get("patient_id").asString()).isEqualTo(selimId);
    }

    // ---------------------------------------------------------------- hostile bodies

    static Stream<Arguments> endpointsWithABodyAndHostileBodies() {
        return ENDPOINTS.stream().filter(endpoint -> endpoint.body() != null)
                .flatMap(endpoint -> Stream.of("malformed JSON", "text/plain", "10,000 levels deep", "2 MB")
                        .map(kind -> Arguments.of(endpoint, kind)));
    }

    @ParameterizedTest(name = "{0} with a body that is {1} → 4xx")
    @MethodSource("endpointsWithABodyAndHostileBodies")
    void aHostileBodyIs4xxProblemJsonNever5xx(Endpoint endpoint, String kind) {
        String valid = Gateway.JSON.writeValueAsString(resolve(endpoint.body()));
        String inner = valid.substring(1, valid.length() - 1);
        String separator = inner.isEmpty() ? "" : ",";
        byte[] body = switch (kind) {
            case "malformed JSON" -> valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8);
            case "text/plain" -> valid.getBytes(StandardCharsets.UTF_8);
            case "10,000 levels deep" -> ("{" + inner + separator + "\"nested\":" + "[".repeat(10_000)
                    + "]".repeat(10_000) + "}").getBytes(StandardCharsets.UTF_8);
            case "2 MB" -> ("{" + inner + separator + "\"padding\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(kind);
        };
        String contentType = kind.equals("text/plain") ? "text/plain" : "application/json";

        Gateway.Response response = gateway.raw(endpoint.method(), resolve(endpoint.path()), contentType, body,
                callerOf(endpoint));

        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (kind.equals("2 MB")) {
            assertThat(response.status()).isEqualTo(413);
        }
        if (kind.equals("text/plain")) {
            assertThat(response.status()).isEqualTo(415);
        }
    }

    @Test
    void everyServiceAnswersAfterTheHostileBodies() {
        // run in any order with the test above; together they show a hostile body costs no service its health
        for (String[] call : new String[][] {{"/api/v1/locations/divisions/", null},
                {"/api/v1/doctors/?search=" + marker, null},
                {"/api/v1/doctors/" + ids.get("doctor_id") + "/availability/?date=" + ids.get("date"), null},
                {"/api/v1/reminders/?appointment_id=" + ids.get("appointment_id"), "PATIENT"},
                {"/api/v1/reports/monthly/?month=" + ids.get("month"), "ADMIN"}}) {
            Gateway.Response response = gateway.get(call[0], call[1] == null ? null : tokens.get(Role.valueOf(call[1])));
            assertThat(response.status()).as(call[0] + " " + response.body()).isEqualTo(200);
        }
    }

    // ---------------------------------------------------------------- login flood

    @Test
    void aLoginFloodFromOneAddressIs429WithRetryAfterAndOtherAddressesStillLogIn() throws Exception {
        // from 127.0.0.2: its own bucket, so the flood does not throttle the logins of the other tests
        Gateway flooder = gateway.fromLocalAddress(InetAddress.getByName("127.0.0.2"));
        Map<String, Object> wrong = Map.of("email", "flood-" + marker + "@example.org", "password", "Wr0ng!Pass");
        List<Gateway.Response> answers = new ArrayList<>();
        Instant begin = Instant.now();
        // waves of 16 until the limiter answers: however slow a loaded machine makes each login, the flood outruns
        // the refill of one a second
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            while (answers.stream().noneMatch(a -> a.status() == 429) && answers.size() < 400) {
                List<Future<Gateway.Response>> wave = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    wave.add(pool.submit(() -> flooder.postJson("/api/v1/user/login/", wrong, null)));
                }
                for (Future<Gateway.Response> call : wave) {
                    answers.add(call.get());
                }
            }
        }
        long seconds = Duration.between(begin, Instant.now()).toSeconds() + 1;

        List<Gateway.Response> limited = answers.stream().filter(a -> a.status() == 429).toList();
        System.out.println("e2e: login flood of " + answers.size() + " from 127.0.0.2 in " + seconds + " s: "
                + (answers.size() - limited.size()) + " answered, " + limited.size() + " × 429");
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(401, 429));
        // the default bucket: 30 at once, then one a second
        assertThat(answers.size() - limited.size()).isLessThanOrEqualTo(30 + (int) seconds);
        assertThat(limited).isNotEmpty().allSatisfy(a -> {
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(Integer.parseInt(a.headers().first("Retry-After"))).isPositive();
        });
        // another address is not affected
        assertThat(gateway.login(patientEmail, PASSWORD)).isNotBlank();
    }

    // ---------------------------------------------------------------- injection payloads

    @Test
    void payloadsInEveryFreeTextFieldAreStoredVerbatimOrRefusedNamingTheFieldNeverExecuted() {
        String admin = tokens.get(Role.ADMIN);

        // identity: the name goes to Keycloak, which refuses such characters: refused here, naming full_name
        String email = "patient-" + UUID.randomUUID() + "@example.org";
        Map<String, Object> registration = new HashMap<>(gateway.firstLocation());
        registration.putAll(Map.of("role", "PATIENT", "full_name", PAYLOAD, "email", email,
                "phone", Gateway.uniquePhone(), "password", PASSWORD, "emergency_contact", PAYLOAD,
                "medical_history", PAYLOAD));
        Gateway.Response refused = send("POST", "/api/v1/user/register/", registration, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").has("full_name")).as(refused.body()).isTrue();
        registration.put("full_name", "Nasima Khatun");
        Gateway.Response registered = send("POST", "/api/v1/user/register/", registration, null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String nasima = gateway.login(email, PASSWORD);
        JsonNode me = gateway.get("/api/v1/user/me/", nasima).json();
        assertThat(me.get("emergency_contact").asString()).isEqualTo(PAYLOAD);
        assertThat(me.get("medical_history").asString()).isEqualTo(PAYLOAD);
        for (String payload : PAYLOADS) {
            Gateway.Response renamed = send("PATCH", "/api/v1/user/me/", Map.of("full_name", payload,
                    "medical_history", payload), nasima);
            assertThat(renamed.status()).as(payload + " " + renamed.body()).isIn(200, 400);
            if (renamed.status() == 400) {
                assertThat(renamed.json().get("errors").properties()).extracting(Map.Entry::getKey)
                        .containsExactly("full_name");
            } else {
                assertThat(renamed.json().get("full_name").asString()).isEqualTo(payload);
            }
            Gateway.Response history = send("PATCH", "/api/v1/user/me/", Map.of("medical_history", payload), nasima);
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            assertThat(history.json().get("medical_history").asString()).isEqualTo(payload);
        }
        assertThat(gateway.get("/api/v1/user/me/", nasima).json().get("full_name").asString())
                .isEqualTo("Nasima Khatun");

        // doctor-service: qualification, bio, time-off reason stored verbatim; license_number has a format
        String doctor = otherDoctor;
        Gateway.Response license = send("PUT", "/api/v1/doctors/me/profile/", Map.of("specialization", "MEDICINE",
                "license_number", "'; DROP TABLE doctors;--", "experience_years", 3, "consultation_fee", "500",
                "qualification", "MBBS"), doctor);
        assertThat(license.status()).as(license.body()).isEqualTo(400);
        assertThat(license.json().get("errors").has("license_number")).isTrue();
        Gateway.Response profile = send("PUT", "/api/v1/doctors/me/profile/", Map.of("specialization", "MEDICINE",
                "license_number", "BMDC-" + marker + "B", "experience_years", 3, "consultation_fee", "500",
                "qualification", PAYLOAD, "bio", PAYLOAD), doctor);
        assertThat(profile.status()).as(profile.body()).isIn(200, 201);
        assertThat(profile.json().get("qualification").asString()).isEqualTo(PAYLOAD);
        assertThat(profile.json().get("bio").asString()).isEqualTo(PAYLOAD);
        Gateway.Response timeOff = send("POST", "/api/v1/doctors/me/time-off/", Map.of("date_from", "2031-02-01",
                "reason", PAYLOAD), doctor);
        assertThat(timeOff.status()).as(timeOff.body()).isEqualTo(201);
        assertThat(timeOff.json().get("reason").asString()).isEqualTo(PAYLOAD);

        // booking-service: notes, symptoms and a cancel reason stored verbatim
        Gateway.Response booked = send("POST", "/api/v1/appointments/", Map.of("doctor_id", ids.get("doctor_id"),
                "date", ids.get("date"), "start_time", "10:30", "notes", PAYLOAD, "symptoms", PAYLOAD), nasima);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String appointment = booked.json().get("id").asString();
        JsonNode read = gateway.get("/api/v1/appointments/" + appointment + "/", nasima).json();
        assertThat(read.get("notes").asString()).isEqualTo(PAYLOAD);
        assertThat(read.get("symptoms").asString()).isEqualTo(PAYLOAD);
        Gateway.Response cancelled = send("POST", "/api/v1/appointments/" + appointment + "/cancel/",
                Map.of("reason", PAYLOAD), nasima);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("cancel_reason").asString()).isEqualTo(PAYLOAD);

        // every search and filter parameter: a result or a 400 naming it, never a 5xx
        Map<String, String> admins = Map.of("/api/v1/users/", admin, "/api/v1/appointments/", admin,
                "/api/v1/reports/monthly/", admin, "/api/v1/reminders/", admin);
        List<String> queries = List.of("/api/v1/doctors/?search=", "/api/v1/doctors/?specialization=",
                "/api/v1/doctors/?ordering=", "/api/v1/doctors/?min_fee=", "/api/v1/doctors/?available_on=",
                "/api/v1/doctors/?page=", "/api/v1/users/?search=", "/api/v1/users/?role=",
                "/api/v1/users/?is_active=", "/api/v1/appointments/?status=", "/api/v1/appointments/?ordering=",
                "/api/v1/appointments/?date_from=", "/api/v1/reports/monthly/?month=",
                "/api/v1/reminders/?appointment_id=");
        for (String query : queries) {
            String path = query.substring(0, query.indexOf('?'));
            String parameter = query.substring(query.indexOf('?') + 1, query.length() - 1);
            for (String payload : PAYLOADS) {
                Gateway.Response response = gateway.get(query + URLEncoder.encode(payload, StandardCharsets.UTF_8),
                        admins.get(path));
                assertThat(response.status()).as(query + payload + " " + response.body()).isIn(200, 400, 404);
                if (response.status() == 400) {
                    assertThat(response.json().get("errors").has(parameter)).as(response.body()).isTrue();
                }
                if (response.status() == 200 && query.contains("search=")) {
                    assertThat(response.json().get("count").asInt()).isZero();
                }
            }
        }

        // nothing was dropped or rewritten: the data is all still there and searchable
        JsonNode found = gateway.get("/api/v1/doctors/?search=" + marker).json();
        assertThat(found.get("count").asInt()).isEqualTo(2);
        assertThat(gateway.get("/api/v1/appointments/" + ids.get("appointment_id") + "/", tokens.get(Role.PATIENT))
                .status()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/users/?search=Nasima", admin).json().get("count").asInt()).isPositive();
        assertThat(gateway.get("/api/v1/reports/monthly/" + ids.get("doctor_id") + "/" + ids.get("month") + "/",
                admin).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- helpers

    private static Gateway.Response call(Endpoint endpoint, String token) {
        Object body = endpoint.body() == null ? null : resolve(endpoint.body());
        return gateway.request(endpoint.method(), resolve(endpoint.path()), body, token, Map.of());
    }

    private static Gateway.Response send(String method, String path, Object body, String token) {
        return gateway.request(method, path, body, token, Map.of());
    }

    /** A caller the endpoint admits: the owner of the fixture's resources for the owner-scoped ones. */
    private static String callerOf(Endpoint endpoint) {
        if (endpoint.roles() == null) {
            return null;
        }
        for (Role role : List.of(Role.PATIENT, Role.DOCTOR, Role.ADMIN)) {
            if (endpoint.roles().contains(role)) {
                return tokens.get(role);
            }
        }
        throw new IllegalStateException(endpoint.toString());
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private static String resolve(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = switch (name) {
                case "new_email" -> "new-" + UUID.randomUUID() + "@example.org";
                case "license" -> "BMDC-" + marker + "X";
                default -> ids.get(name);
            };
            if (value == null) {
                throw new IllegalStateException("no value for {" + name + "} in " + template);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Map<String, Object> resolve(Map<String, Object> body) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        body.forEach((name, value) -> resolved.put(name, value instanceof String text ? resolve(text) : value));
        return resolved;
    }

    private static JsonNode claims(String jwt) {
        return Gateway.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** The patient's real token with its header replaced by alg "none" and its signature dropped. */
    private static String unsigned(String jwt) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + jwt.split("\\.")[1] + ".";
    }

    /** An ADMIN token with the realm's issuer and every claim a Keycloak token has, signed by a key of our own. */
    private static String signedByAnotherKey(String subject) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("e2e-" + UUID.randomUUID()).generate();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(stack.keycloakUrl() + "/realms/appointments")
                .subject(subject)
                .audience("account")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", "careslot-web")
                .claim("email", "admin@example.com")
                .claim("realm_access", Map.of("roles", List.of("ADMIN", "DOCTOR", "PATIENT")))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
