package org.careslot.reporting.report;

import org.careslot.platform.testkit.KeycloakTokens;
import org.careslot.platform.testkit.KeycloakTokens.TestUser;
import org.careslot.platform.testkit.http.ServiceHttp;
import org.careslot.platform.testkit.http.ServiceHttp.Answer;
import org.careslot.reporting.support.ReportingIntegrationTest;
import org.careslot.reporting.support.TestAppointment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careslot.reporting.appointment.domain.AppointmentStatus.CANCELLED;
import static org.careslot.reporting.appointment.domain.AppointmentStatus.COMPLETED;
import static org.careslot.reporting.appointment.domain.AppointmentStatus.CONFIRMED;

/** The HTTP contract of api.md's Reports with real Keycloak tokens: fields, access rules, CSV, close. */
class ReportApiTest extends ReportingIntegrationTest {

    static final Map<String, String> CSV = Map.of("Accept", "text/csv");
    static final List<String> REPORT_FIELDS = List.of("doctor_id", "month", "total_appointments", "pending",
            "confirmed", "completed", "cancelled", "no_show", "unique_patients", "earnings", "final", "generated_at");

    static String doctorToken;
    static UUID doctorId;
    static String otherDoctorToken;
    static UUID otherDoctorId;
    static String patientToken;
    static String adminToken;
    /** A month of its own: the summary adds up every doctor's. */
    static final YearMonth MONTH = YearMonth.of(2032, 7);

    static String token(TestUser user) {
        return KeycloakTokens.shared().accessToken(user.email(), user.password());
    }

    @BeforeAll
    static void users() {
        KeycloakTokens keycloak = KeycloakTokens.shared();
        TestUser doctor = keycloak.createUser("DOCTOR");
        TestUser other = keycloak.createUser("DOCTOR");
        doctorId = UUID.fromString(doctor.id());
        otherDoctorId = UUID.fromString(other.id());
        doctorToken = token(doctor);
        otherDoctorToken = token(other);
        patientToken = token(keycloak.createUser("PATIENT"));
        adminToken = token(keycloak.createUser("ADMIN"));
    }

    /** The doctor: one completed (900.00) and one cancelled appointment in MONTH; the other doctor: known, none. */
    void appointments() {
        if (jdbc.queryForObject("SELECT count(*) FROM appointment WHERE doctor_id = ?", Integer.class, doctorId) > 0) {
            return;
        }
        UUID patient = UUID.randomUUID();
        foldHistory(TestAppointment.booked(doctorId, patient, "2032-07-03T10:00:00+06:00", "900.00"), CONFIRMED,
                COMPLETED);
        foldHistory(TestAppointment.booked(doctorId, patient, "2032-07-04T10:00:00+06:00", "900.00"), CONFIRMED,
                CANCELLED);
        knownDoctor(otherDoctorId, 1, "Dr. Other");
    }

    static String single(UUID doctor, Object month) {
        return "/api/v1/reports/monthly/" + doctor + "/" + month + "/";
    }

    @Test
    void aDoctorReadsTheirOwnMonthWithTheFieldsOfTheContract() {
        appointments();

        Answer answer = http.get(single(doctorId, MONTH), doctorToken);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(ServiceHttp.names(report)).containsExactlyElementsOf(REPORT_FIELDS);
        assertThat(report.get("doctor_id").asString()).isEqualTo(doctorId.toString());
        assertThat(report.get("month").asString()).isEqualTo("2032-07");
        assertThat(report.get("total_appointments").asInt()).isEqualTo(2);
        assertThat(report.get("completed").asInt()).isEqualTo(1);
        assertThat(report.get("cancelled").asInt()).isEqualTo(1);
        assertThat(report.get("unique_patients").asInt()).isEqualTo(1);
        assertThat(report.get("earnings").asString()).isEqualTo("900.00");
        assertThat(report.get("final").asBoolean()).isFalse();
        assertThat(report.get("generated_at").isNull()).isTrue();
        // the path without the trailing slash works as well
        assertThat(http.get("/api/v1/reports/monthly/" + doctorId + "/2032-07", doctorToken).status()).isEqualTo(200);
    }

    @Test
    void anotherDoctorsReportIsNotFoundAndAPatientIsForbidden() {
        appointments();

        Answer other = http.get(single(doctorId, MONTH), otherDoctorToken);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("900").doesNotContain("total_appointments");
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        // the same answer as for a doctor that does not exist
        assertThat(http.get(single(UUID.randomUUID(), MONTH), otherDoctorToken).status()).isEqualTo(404);

        assertThat(http.get(single(doctorId, MONTH), patientToken).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/reports/monthly/", patientToken).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/reports/summary/?month=2032-07", patientToken).status()).isEqualTo(403);
        assertThat(http.get(single(doctorId, MONTH), null).status()).isEqualTo(401);
    }

    @Test
    void aKnownDoctorsMonthWithoutAppointmentsIsZerosAndAnUnknownDoctorIsNotFound() {
        appointments();

        Answer empty = http.get(single(otherDoctorId, "2032-01"), otherDoctorToken);
        assertThat(empty.status()).as(empty.body()).isEqualTo(200);
        assertThat(empty.json().get("total_appointments").asInt()).isZero();
        assertThat(empty.json().get("earnings").asString()).isEqualTo("0.00");

        assertThat(http.get(single(UUID.randomUUID(), MONTH), adminToken).status()).isEqualTo(404);
        assertThat(http.get(single(doctorId, MONTH), adminToken).status()).isEqualTo(200);
    }

    @Test
    void aPathThatCannotNameAReportIsNotFoundAndMalformedFiltersAreFieldErrors() {
        assertThat(http.get("/api/v1/reports/monthly/not-a-uuid/2032-07/", adminToken).status()).isEqualTo(404);
        assertThat(http.get(single(doctorId, "2032-13"), adminToken).status()).isEqualTo(404);
        assertThat(http.get(single(doctorId, "July"), adminToken).status()).isEqualTo(404);

        Answer list = http.get("/api/v1/reports/monthly/?month=2032-7&doctor_id=nope", adminToken);
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.errorFields()).containsExactlyInAnyOrder("month", "doctor_id");

        Answer summary = http.get("/api/v1/reports/summary/", adminToken);
        assertThat(summary.status()).isEqualTo(400);
        assertThat(summary.errorFields()).containsExactly("month");
        assertThat(http.get("/api/v1/reports/monthly/?page_size=500", adminToken).errorFields())
                .containsExactly("page_size");
    }

    @Test
    void theListShowsADoctorOnlyTheirOwnAndAnAdminEveryDoctors() {
        appointments();

        Answer own = http.get("/api/v1/reports/monthly/?month=2032-07", doctorToken);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("count").asLong()).isEqualTo(1);
        assertThat(own.json().get("results").get(0).get("doctor_id").asString()).isEqualTo(doctorId.toString());

        Answer filteredByAnother = http.get("/api/v1/reports/monthly/?doctor_id=" + doctorId, otherDoctorToken);
        assertThat(filteredByAnother.json().get("count").asLong()).isZero();
        assertThat(filteredByAnother.json().get("results")).isEmpty();

        Answer admin = http.get("/api/v1/reports/monthly/?doctor_id=" + doctorId + "&month=2032-07", adminToken);
        assertThat(admin.json().get("count").asLong()).isEqualTo(1);
        assertThat(ServiceHttp.names(admin.json().get("results").get(0))).containsExactlyElementsOf(REPORT_FIELDS);
    }

    @Test
    void theSummaryAddsUpEveryDoctorOfTheMonthForAdminsOnly() {
        appointments();

        Answer summary = http.get("/api/v1/reports/summary/?month=2032-07", adminToken);

        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        JsonNode totals = summary.json();
        assertThat(totals.get("month").asString()).isEqualTo("2032-07");
        assertThat(totals.get("doctors").asInt()).isEqualTo(1);
        assertThat(totals.get("total_appointments").asInt()).isEqualTo(2);
        assertThat(totals.get("unique_patients").asInt()).isEqualTo(1);
        assertThat(totals.get("earnings").asString()).isEqualTo("900.00");
        assertThat(totals.get("final").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/reports/summary/?month=2032-07", doctorToken).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/reports/summary/?month=2033-01", adminToken).json().get("earnings").asString())
                .isEqualTo("0.00");
    }

    @Test
    void acceptTextCsvAnswersRfc4180WithAHeaderRow() {
        appointments();

        Answer one = http.get(single(doctorId, MONTH), doctorToken, CSV);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.header("Content-Type")).startsWith("text/csv");
        assertThat(one.body()).isEqualTo(String.join(",", REPORT_FIELDS) + "\r\n"
                + doctorId + ",2032-07,2,0,0,1,1,0,1,900.00,false,\r\n");

        Answer list = http.get("/api/v1/reports/monthly/?month=2032-07", adminToken, CSV);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Content-Type")).startsWith("text/csv");
        assertThat(List.of(list.body().split("\r\n"))).hasSize(2).first().isEqualTo(String.join(",", REPORT_FIELDS));

        Answer hidden = http.get(single(doctorId, MONTH), otherDoctorToken, CSV);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("900");
    }

    @Test
    void anAdminReRunsTheCloseOfAnEndedMonth() {
        YearMonth month = ownPastMonth();
        UUID doctor = UUID.randomUUID();
        fold(TestAppointment.booked(doctor, UUID.randomUUID(), month.atDay(3) + "T10:00:00+06:00", "300.00"), 1);
        String path = "/api/v1/reports/monthly/close/" + month + "/";

        Answer first = http.post(path, null, adminToken);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("month").asString()).isEqualTo(month.toString());
        assertThat(first.json().get("reports").asInt()).isPositive();
        assertThat(http.post(path, null, adminToken).status()).isEqualTo(200);

        assertThat(report(doctor, month).version()).isEqualTo(2);
        assertThat(report(doctor, month).isFinal()).isTrue();
        assertThat(publishedReports(doctor, month)).hasSize(2);

        assertThat(http.post(path, null, doctorToken).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/reports/monthly/close/2999-01/", null, adminToken).status()).isEqualTo(409);
        assertThat(http.post("/api/v1/reports/monthly/close/1999-1/", null, adminToken).status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentNamesTheCloseEndpointAndTheCsvAnswers() {
        Answer docs = http.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(ServiceHttp.names(paths)).contains("/api/v1/reports/monthly/close/{month}/",
                "/api/v1/reports/monthly/{doctor_id}/{month}/", "/api/v1/reports/monthly/", "/api/v1/reports/summary/");
        assertThat(paths.get("/api/v1/reports/monthly/{doctor_id}/{month}/").toString()).contains("text/csv");
        assertThat(docs.body()).contains("total_appointments").doesNotContain("totalAppointments");
    }
}
